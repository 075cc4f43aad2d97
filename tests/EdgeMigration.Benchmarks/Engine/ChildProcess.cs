using System;
using System.Diagnostics;
using System.Reflection;

namespace EdgeMigration.Benchmarks.Engine;

/// <summary>
/// Runs this program again in a fresh process: cold start and peak memory can only be measured in a process
/// that has done nothing else.
/// </summary>
public static class ChildProcess
{
    /// <summary>Runs the benchmark program with <paramref name="arguments"/> and returns what it printed.</summary>
    public static string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (System.IO.Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            // Started as `dotnet EdgeMigration.Benchmarks.dll`: the child needs the assembly too.
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(" ", arguments)} exited with {process.ExitCode}:\n{output}");
        }
        return output;
    }
}

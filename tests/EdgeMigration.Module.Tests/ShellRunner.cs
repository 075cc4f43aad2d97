using System.Diagnostics;
using System.IO;

namespace EdgeMigration.Tests;

/// <summary>Runs the README's shell host (src/EdgeMigration.Shell) as a user does, capturing what they see.</summary>
public static class ShellRunner
{
    public sealed record ShellResult(int ExitCode, string StandardOutput, string StandardError);

    /// <summary>Runs the shell host on <paramref name="commandLine"/>, with the module it finds (out/EdgeMigration) or <paramref name="module"/>.</summary>
    public static ShellResult Run(string commandLine, string? workingDirectory = null, string? module = null)
    {
        var shell = Path.Combine(TestPaths.RepoRoot, "src", "EdgeMigration.Shell", "bin", Configuration, "net10.0", "edgemigration-shell.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? TestPaths.RepoRoot,
        };
        start.ArgumentList.Add(shell);
        if (module is not null)
        {
            start.ArgumentList.Add("-Module");
            start.ArgumentList.Add(module);
        }
        start.ArgumentList.Add(commandLine);
        start.Environment.Remove("COLUMNS");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new ShellResult(process.ExitCode, stdout.Result, stderr.Result);
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
}

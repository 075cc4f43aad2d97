using System;
using System.Diagnostics;

namespace EdgeMigration.Tests;

/// <summary>Runs <c>dotnet build</c> from the repository root as a user types it; a failed build fails the test with its output.</summary>
public static class DotnetBuild
{
    /// <summary>The tests whose fixtures build: one at a time, as two builds of the same projects would race for obj/.</summary>
    public const string Collection = "dotnet build";

    public static string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = TestPaths.RepoRoot,
        };
        start.ArgumentList.Add("build");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.ArgumentList.Add("-nologo");
        start.ArgumentList.Add("-nodeReuse:false");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet build {string.Join(" ", arguments)} failed:\n{output.Result}\n{errors.Result}");
        }
        return output.Result;
    }
}

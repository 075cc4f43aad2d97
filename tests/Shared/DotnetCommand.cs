using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace EdgeMigration.Tests;

/// <summary>Runs <c>dotnet</c> with arguments in a process of its own, as a user types it, and gives back what it printed.</summary>
public static class DotnetCommand
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    /// <summary>
    /// Runs <c>dotnet <paramref name="arguments"/></c> from <paramref name="workingDirectory"/> (the repository root by default);
    /// <paramref name="environment"/> edits the child's environment. A run past <paramref name="timeout"/> is stopped and fails.
    /// </summary>
    public static Result Run(IEnumerable<string> arguments, string? workingDirectory = null, Action<IDictionary<string, string?>>? environment = null,
        TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? TestPaths.RepoRoot,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        environment?.Invoke(start.Environment);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? Timeout.InfiniteTimeSpan))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(" ", arguments)} did not finish within {timeout}:\n{output.Result}\n{errors.Result}");
        }
        return new Result(process.ExitCode, output.Result, errors.Result);
    }

    /// <summary>As <see cref="Run"/>; a nonzero exit code fails with everything the command printed. Returns its standard output.</summary>
    public static string RunOrFail(IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var result = Run(arguments, timeout: timeout);
        return result.ExitCode == 0 ? result.StandardOutput
            : throw new InvalidOperationException($"dotnet {string.Join(" ", arguments)} exited with {result.ExitCode}:\n{result.StandardOutput}\n{result.StandardError}");
    }
}

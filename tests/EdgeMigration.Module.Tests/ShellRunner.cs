using System.Collections.Generic;
using System.IO;

namespace EdgeMigration.Tests;

/// <summary>Runs the README's shell host (src/EdgeMigration.Shell) as a user does, capturing what they see.</summary>
public static class ShellRunner
{
    /// <summary>
    /// Runs the shell host on <paramref name="commandLine"/>, with the module it finds (out/EdgeMigration) or <paramref name="module"/>,
    /// formatting for <paramref name="columns"/> (the shell's default, 120, when null).
    /// </summary>
    public static DotnetCommand.Result Run(string commandLine, string? workingDirectory = null, string? module = null, int? columns = null)
    {
        var arguments = new List<string> { Path.Combine(TestPaths.RepoRoot, "src", "EdgeMigration.Shell", "bin", Configuration, "net10.0", "edgemigration-shell.dll") };
        if (module is not null)
        {
            arguments.Add("-Module");
            arguments.Add(module);
        }
        arguments.Add(commandLine);
        // The width of the test runner's terminal is not the user's: the shell formats for its default width.
        return DotnetCommand.Run(arguments, workingDirectory, environment =>
        {
            environment.Remove("COLUMNS");
            if (columns is not null)
            {
                environment["COLUMNS"] = columns.ToString();
            }
        });
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
}

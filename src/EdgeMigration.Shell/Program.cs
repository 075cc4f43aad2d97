using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace EdgeMigration.Shell;

/// <summary>
/// A minimal stand-in for <c>pwsh -Command</c>: hosts the PowerShell 7.6 engine, imports the built
/// EdgeMigration module and runs one command line, formatting output as pwsh would.
/// Exit codes: 0 success, 1 the command wrote errors, 2 bad usage or the module was not found.
/// </summary>
public static class Program
{
    private const string Usage =
        "usage: edgemigration-shell [-Module <path to EdgeMigration.psd1>] [-Command] <PowerShell command line>";

    public static int Main(string[] args)
    {
        string? modulePath = null;
        var rest = args.ToList();
        if (rest.Count >= 2 && rest[0].Equals("-Module", StringComparison.OrdinalIgnoreCase))
        {
            modulePath = Path.GetFullPath(rest[1]);
            rest.RemoveRange(0, 2);
        }
        if (rest.Count > 0 && rest[0].Equals("-Command", StringComparison.OrdinalIgnoreCase))
        {
            rest.RemoveAt(0);
        }
        if (string.IsNullOrWhiteSpace(string.Join(" ", rest)))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        modulePath ??= ModuleLocator.Find();
        if (modulePath is null)
        {
            Console.Error.WriteLine(
                "EdgeMigration module not found: build it first (dotnet build EdgeMigration.sln -c Release), " +
                "or pass -Module <path>, or set EDGEMIGRATION_MODULE.");
            return 2;
        }

        return Run(modulePath, string.Join(" ", rest));
    }

    private static int Run(string modulePath, string commandLine)
    {
        var host = new ConsoleHost();
        var state = InitialSessionState.CreateDefault2();
        state.Commands.Add(new SessionStateCmdletEntry("Format-List", typeof(FormatListCommand), null));
        state.Commands.Add(new SessionStateCmdletEntry("Format-Table", typeof(FormatTableCommand), null));
        using var runspace = RunspaceFactory.CreateRunspace(host, state);
        runspace.Open();
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddCommand("Import-Module").AddParameter("Name", modulePath).AddParameter("ErrorAction", "Stop");
        try
        {
            ps.Invoke();
        }
        catch (RuntimeException ex)
        {
            Console.Error.WriteLine($"Import-Module {modulePath}: {ex.Message}");
            return 2;
        }

        ps.Commands.Clear();
        ps.AddScript(commandLine);
        // Errors flow through Out-Default too, so they are printed the way pwsh prints them.
        ps.Commands.Commands[0].MergeMyResults(PipelineResultTypes.Error, PipelineResultTypes.Output);
        ps.AddCommand("Out-Default");
        try
        {
            ps.Invoke();
        }
        catch (RuntimeException ex)
        {
            host.UI.WriteErrorLine(ex.ErrorRecord?.ToString() ?? ex.Message);
            return 1;
        }
        return ps.HadErrors || host.WroteErrors ? 1 : 0;
    }
}

/// <summary>Finds out/EdgeMigration/EdgeMigration.psd1 above the current directory or the shell's own folder.</summary>
internal static class ModuleLocator
{
    private static readonly string RelativeManifest = Path.Combine("out", "EdgeMigration", "EdgeMigration.psd1");

    public static string? Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("EDGEMIGRATION_MODULE");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }
        return SearchUpwards(Directory.GetCurrentDirectory()) ?? SearchUpwards(AppContext.BaseDirectory);
    }

    private static string? SearchUpwards(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, RelativeManifest);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace EdgeMigration.Tests;

/// <summary>
/// Runs a command line in a real pwsh, in a process of its own: PowerShell 7.6, the .NET tool of
/// .config/dotnet-tools.json (restored by this project's build), with every cmdlet PowerShell ships.
/// </summary>
public static class RealPwsh
{
    /// <summary>Runs <paramref name="script"/>; <paramref name="environment"/> edits the process's environment.</summary>
    public static DotnetCommand.Result Run(string script, Action<IDictionary<string, string?>>? environment = null) =>
        DotnetCommand.Run(new[] { "tool", "run", "pwsh", "--", "-NoProfile", "-NonInteractive", "-Command", script },
            environment: variables =>
            {
                variables["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
                variables["POWERSHELL_UPDATECHECK"] = "Off";
                // The tool (and dotnet's record of its restore) is found even where a test gives pwsh another home folder.
                variables["NUGET_PACKAGES"] = NuGetPackageRoot;
                if (!variables.ContainsKey("DOTNET_CLI_HOME"))
                {
                    variables["DOTNET_CLI_HOME"] = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
                }
                variables["DOTNET_NOLOGO"] = "1";
                variables["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
                environment?.Invoke(variables);
            },
            timeout: TimeSpan.FromMinutes(5));

    /// <summary>NuGet's package folder, as this project's restore used it: the tool and Pester are there.</summary>
    public static string NuGetPackageRoot { get; } = Metadata("NuGetPackageRoot");

    public static string PesterVersion { get; } = Metadata("PesterVersion");

    /// <summary>Text as a PowerShell single-quoted string.</summary>
    public static string Quoted(string text) => "'" + text.Replace("'", "''") + "'";

    private static string Metadata(string key) =>
        typeof(RealPwsh).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}

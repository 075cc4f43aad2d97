using System.Collections.Generic;
using System.IO;

namespace EdgeMigration.Tests;

/// <summary>The reference device output, as a user captures it with Get-Content (lines) or Get-Content -Raw (one string).</summary>
internal static class ExternalIpTestData
{
    public const string CmdletName = "Get-EdgeModuleExternalIp";
    public const string ErrorSuffix = ",EdgeMigration.Commands.GetEdgeModuleExternalIpCommand";

    public static string SamplePath(string name) => Path.Combine(TestPaths.Reference, "device-output", name);

    public static string SampleText(string name) => File.ReadAllText(SamplePath(name));

    public static string[] SampleLines(string name) => File.ReadAllLines(SamplePath(name));

    /// <summary>Runs <paramref name="script"/> in a fresh session, with <paramref name="text"/> as $text.</summary>
    public static RunResult Run(string script, object? text = null)
    {
        using var ps = new PowerShellSession();
        return ps.Run(script, new Dictionary<string, object?> { ["text"] = text });
    }

    /// <summary>Lines as Invoke-Command -ComputerName writes them: each a string with its device's PSComputerName.</summary>
    public const string Remote = """
        function Remote($computer, $lines) {
            foreach ($line in $lines) {
                $remote = [psobject]::new($line)
                $remote.PSObject.Properties.Add([psnoteproperty]::new('PSComputerName', $computer))
                $remote.PSObject.Properties.Add([psnoteproperty]::new('PSShowComputerName', $true))
                $remote
            }
        }
        """;

    /// <summary>Lines as Get-Content writes them: each a string noting the file it was read from (PSPath) and its line (ReadCount).</summary>
    public const string Content = """
        function Content($file) {
            $number = 0
            foreach ($line in [System.IO.File]::ReadAllLines($file)) {
                $read = [psobject]::new($line)
                $read.PSObject.Properties.Add([psnoteproperty]::new('PSPath', "Microsoft.PowerShell.Core\FileSystem::$file"))
                $read.PSObject.Properties.Add([psnoteproperty]::new('ReadCount', ++$number))
                $read
            }
        }
        """;

    public const string FiveColumns = "iotedge-list-5col.txt";
    public const string PortsWrapped = "iotedge-list-ports-wrapped.txt";
    public const string KubectlTable = "kubectl-get-svc-iotedge.txt";
}

using System.Collections.Generic;

namespace EdgeMigration.Tests;

/// <summary>
/// A real PSSession for Get-EdgeModuleExternalIp -Session without a device: the hosted engine listens on a
/// named pipe (as pwsh does for Enter-PSHostProcess), so a remote runspace to our own process is a true
/// remoting session. A global function <c>iotedge</c> in it writes the captured output, like the device's
/// Minishell. The pipe serves one client at a time: every test that uses it belongs to this collection.
/// </summary>
public static class MinishellStandIn
{
    public const string Collection = "Minishell stand-in (one named pipe client at a time)";

    private const string Open = """
        $connection = [System.Management.Automation.Runspaces.NamedPipeConnectionInfo]::new($PID)
        $runspace = [runspacefactory]::CreateRunspace($connection, $Host, [System.Management.Automation.Runspaces.TypeTable]::LoadDefaultTypeFiles())
        $runspace.Open()
        $session = [System.Management.Automation.Runspaces.PSSession]::Create($runspace, 'NamedPipe', $null)
        """;

    private const string DefineIotedge = """
        Invoke-Command -Session $session -ArgumentList (,$iotedgeListOutput) -ScriptBlock {
            param($output)
            $global:IotedgeListOutput = $output
            function global:iotedge { param($Command) if ($Command -ne 'list') { throw "iotedge $Command is not in this stand-in" }; $global:IotedgeListOutput }
        }
        """;

    /// <summary>Runs <paramref name="body"/> with <c>$session</c> open; <c>iotedge list</c> there writes <paramref name="iotedgeListOutput"/> (no iotedge command when null).</summary>
    public static RunResult Run(PowerShellSession ps, string body, object? iotedgeListOutput)
    {
        var define = iotedgeListOutput is null ? "" : DefineIotedge;
        return ps.Run($"{Open}\ntry {{\n{define}\n{body}\n}} finally {{ $runspace.Dispose() }}",
            new Dictionary<string, object?> { ["iotedgeListOutput"] = iotedgeListOutput });
    }
}

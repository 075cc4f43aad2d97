using System.IO;
using System.Linq;
using Xunit;

namespace EdgeMigration.Tests;

/// <summary>
/// The module's objects as remoting, Start-Job and Export-Clixml hand them back: deserialized, to the depth PowerShell
/// serializes them (remoting's default is one level; EdgeMigration.Types.ps1xml asks for more where a result holds
/// objects). The objects in a result's lists stay objects, and the default views still match the Deserialized. names.
/// </summary>
public class SerializationTests
{
    private static readonly string Fpga = Path.Combine(TestPaths.Samples, "fpga-deployment.json").Replace("'", "''");
    private static readonly string IotedgeList = Path.Combine(TestPaths.Samples, "iotedge-list.txt").Replace("'", "''");

    /// <summary>A command, and a property of an object in one of its results' lists that only survives as an object.</summary>
    public static TheoryData<string, string> NestedObjects() => new()
    {
        { "Test-EdgeModuleCompatibility '" + Fpga + "' | Where-Object ErrorCount", "$_.Findings[0].RuleId" },
        { "ConvertTo-GpuEdgeManifest '" + Fpga + "' 3>$null", "$_.Changes[0].RuleId" },
        { "ConvertTo-GpuEdgeManifest '" + Fpga + "' 3>$null", "$_.RemainingFindings[0].Severity" },
        { "ConvertTo-EdgeKubernetesManifest '" + Fpga + "' 3>$null | Where-Object { $_.DroppedSettings }", "$_.DroppedSettings[0].Effect" },
        { "ConvertTo-EdgeKubernetesManifest '" + Fpga + "' 3>$null | Where-Object { $_.StartProblems }", "$_.StartProblems[0].RuleId" },
        { "[System.IO.File]::ReadAllText('" + IotedgeList + "') | Get-EdgeModuleExternalIp | Where-Object { $_.Ports }", "$_.Ports[0].Port" },
        { "Get-EdgeModule '" + Fpga + "' WebServerApp", "$_.CreateOptions.HostConfig.PortBindings.'80/tcp'[0].GetType().FullName" },
    };

    [Theory]
    [MemberData(nameof(NestedObjects))]
    public void ObjectsInResultListsSurviveRemotingDepth(string command, string nested)
    {
        using var ps = new PowerShellSession();
        // Depth 1 is what Invoke-Command and Start-Job use unless the type asks for more.
        var result = ps.Run($"$live = @({command})[0]; $back = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($live, 1)); " +
                            $"$live | ForEach-Object {{ \"$({nested})\" }}; $back | ForEach-Object {{ \"$({nested})\" }}").AssertNoErrors();

        Assert.Equal(2, result.Output.Count);
        Assert.False(string.IsNullOrEmpty(result.Output[0].ToString()), $"{nested} is empty on the live result of {command}.");
        Assert.Equal(result.Output[0].ToString(), result.Output[1].ToString());
    }

    [Fact]
    public void DeserializedCompatibilityReportShowsItsRulesColumn()
    {
        const string command = "Test-EdgeModuleCompatibility ./fpga-deployment.json";

        var live = ShellRunner.Run(command, TestPaths.Samples);
        var back = ShellRunner.Run($"[System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize(@({command}), 1))", TestPaths.Samples);

        Assert.Contains("O4,R1", live.StandardOutput);
        Assert.Equal(live.StandardOutput, back.StandardOutput);
    }
}

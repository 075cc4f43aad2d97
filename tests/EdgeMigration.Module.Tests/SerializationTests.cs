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
        // Depth 1 is what Invoke-Command and Start-Job use unless the type asks for more. What came back is sent on as it is
        // (Export-Clixml of what Invoke-Command returned), under its Deserialized. name.
        var result = ps.Run($"$live = @({command})[0]; $back = {RoundTrip("$live")}; $again = {RoundTrip("$back")}; " +
                            $"$live, $back, $again | ForEach-Object {{ \"$({nested})\" }}").AssertNoErrors();

        Assert.Equal(3, result.Output.Count);
        Assert.False(string.IsNullOrEmpty(result.Output[0].ToString()), $"{nested} is empty on the live result of {command}.");
        Assert.Equal(result.Output[0].ToString(), result.Output[1].ToString());
        Assert.Equal(result.Output[0].ToString(), result.Output[2].ToString());
    }

    /// <summary>The object as remoting hands it back, at remoting's depth.</summary>
    private static string RoundTrip(string variable) =>
        $"[System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize({variable}, 1))";

    /// <summary>A converted result brought back, piped into each cmdlet that reads manifests, for manifests of three shapes.</summary>
    public static TheoryData<string, string> ConversionsPipedOn()
    {
        var data = new TheoryData<string, string>();
        foreach (var manifest in new[]
                 {
                     Fpga,
                     TestPaths.CorpusFile("OPCFoundation+UA-EdgeTranslator__deployment.template.json"),
                     TestPaths.CorpusFile("Azure__azure-iot-cli-extension__azext_iot__tests__iothub__configurations__test_edge_deployment_layered.json"),
                 })
        {
            foreach (var cmdlet in new[] { "Test-EdgeModuleCompatibility", "ConvertTo-EdgeKubernetesManifest", "Get-EdgeModule", "ConvertTo-GpuEdgeManifest" })
            {
                data.Add(manifest.Replace("'", "''"), cmdlet);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ConversionsPipedOn))]
    public void DeserializedConversionPipesOnAsTheLiveOne(string manifest, string cmdlet)
    {
        // What each result says (its manifest's name and shape, its module and object, the findings and where), and each warning and error.
        const string describe = "ForEach-Object { if ($_ -is [System.Management.Automation.WarningRecord] -or $_ -is [System.Management.Automation.ErrorRecord]) { \"$_\" } " +
                                "else { \"$($_.Manifest) $($_.Shape) $($_.ModuleName) $($_.Kind) $($_.Name) \" + " +
                                "((@($_.Findings) + @($_.RemainingFindings) + @($_.StartProblems) | ForEach-Object { $_.RuleId + '@' + $_.Location }) -join ',') } }";
        using var ps = new PowerShellSession();
        ps.Run($"$live = ConvertTo-GpuEdgeManifest -LiteralPath '{manifest}' 3>$null; $back = {RoundTrip("$live")}; $again = {RoundTrip("$back")}").AssertNoErrors();

        var live = ps.Run($"$live | {cmdlet} 3>&1 2>&1 | {describe}");
        var back = ps.Run($"$back | {cmdlet} 3>&1 2>&1 | {describe}");
        var again = ps.Run($"$again | {cmdlet} 3>&1 2>&1 | {describe}");

        Assert.NotEmpty(live.Output);
        Assert.Equal(live.Output.Select(o => o.ToString()), back.Output.Select(o => o.ToString()));
        Assert.Equal(live.Output.Select(o => o.ToString()), again.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void DeserializedResolvePathOutputNamesItsFileLiterally()
    {
        // Resolve-Path output from a job or Import-Clixml: the path is resolved already, so "site[1].json" is that file, not a
        // wildcard for site1.json beside it.
        var folder = Directory.CreateTempSubdirectory("edgemigration-").FullName;
        try
        {
            var file = Path.Combine(folder, "site[1].json");
            File.Copy(Path.Combine(TestPaths.Samples, "fpga-deployment.json"), file);
            File.WriteAllText(Path.Combine(folder, "site1.json"), "{\"modulesContent\": {}}");
            using var ps = new PowerShellSession();
            ps.Run($"$resolved = $ExecutionContext.SessionState.Path.GetResolvedPSPathFromPSPath($pattern)[0]; $back = {RoundTrip("$resolved")}",
                new System.Collections.Generic.Dictionary<string, object?> { ["pattern"] = Path.Combine(folder, "site`[1`].json") }).AssertNoErrors();

            var live = ps.Run("$resolved | Test-EdgeModuleCompatibility | ForEach-Object Manifest").AssertNoErrors();
            var back = ps.Run("$back | Test-EdgeModuleCompatibility | ForEach-Object Manifest").AssertNoErrors();

            Assert.NotEmpty(live.Output);
            Assert.All(live.Output, manifest => Assert.Equal(file, manifest.ToString()));
            Assert.Equal(live.Output.Select(o => o.ToString()), back.Output.Select(o => o.ToString()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
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

using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace EdgeMigration.Tests;

/// <summary>Tab completion as the engine offers it (TabExpansion2): rule ids, module ids from the manifest in -Path, FPGA share paths.</summary>
public class CompletionTests
{
    private static readonly string Sample = System.IO.Path.Combine(TestPaths.Samples, "fpga-deployment.json");

    private static IReadOnlyList<string> Complete(string input, string? location = null)
    {
        using var ps = new PowerShellSession();
        var setLocation = location is null ? "" : $"$null = $ExecutionContext.SessionState.Path.SetLocation('{location}'); ";
        return ps.Run(setLocation + "(TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText",
                new Dictionary<string, object?> { ["line"] = input })
            .AssertNoErrors().Output.Select(o => o.ToString()).ToList();
    }

    [Fact]
    public void ModuleNamesComeFromTheManifestInPath()
    {
        Assert.Equal(new[] { "edgeAgent", "edgeHub", "FpgaInference", "WebServerApp", "file_mover" },
            Complete($"Get-EdgeModule '{Sample}' -Name "));
        Assert.Equal(new[] { "FpgaInference", "file_mover" }, Complete($"Get-EdgeModule -Path '{Sample}' -Name f"));
    }

    [Fact]
    public void ModuleNamesFollowRelativePathsFromTheCurrentLocationAndLiteralPath()
    {
        Assert.Equal(new[] { "WebServerApp" }, Complete("Test-EdgeModuleCompatibility ./fpga-deployment.json -ModuleName web", TestPaths.Samples));
        Assert.Equal(new[] { "edgeAgent", "edgeHub" }, Complete("Test-EdgeModuleCompatibility -LiteralPath ./fpga-deployment.json -ModuleName edge", TestPaths.Samples));
        Assert.Equal(new[] { "FpgaInference" }, Complete("ConvertTo-EdgeKubernetesManifest ./fpga-deployment.json -ModuleName fpga", TestPaths.Samples));
    }

    [Fact]
    public void APathWhoseBracketsMatchNoFileAsAWildcardNamesTheFileOfThatName()
    {
        // As the cmdlets read it: site[1].json given without escaping its brackets.
        var folder = System.IO.Directory.CreateTempSubdirectory("edgemigration-").FullName;
        try
        {
            System.IO.File.Copy(Sample, System.IO.Path.Combine(folder, "site[1].json"));

            Assert.Equal(new[] { "WebServerApp" }, Complete("Test-EdgeModuleCompatibility ./site[1].json -ModuleName web", folder));
            Assert.Equal(3, Complete("ConvertTo-GpuEdgeManifest site[1].json -ShareMap ", folder).Count);
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void AWholeModuleIdTypedIsOfferedFirst()
    {
        // Tab replaces the word with the first id offered: "web" typed stays web, not web2 that the manifest lists first.
        var folder = System.IO.Directory.CreateTempSubdirectory("edgemigration-").FullName;
        try
        {
            System.IO.File.WriteAllText(System.IO.Path.Combine(folder, "two.json"), System.IO.File.ReadAllText(Sample).Replace("\"WebServerApp\"", "\"web2\"").Replace("\"file_mover\"", "\"web\""));

            Assert.Equal(new[] { "web", "web2" }, Complete("Get-EdgeModule ./two.json -Name web", folder));
            Assert.Equal(new[] { "web2", "web" }, Complete("Get-EdgeModule ./two.json -Name w", folder));
            // Ids that differ only in case are two modules: the one typed exactly stays itself.
            System.IO.File.WriteAllText(System.IO.Path.Combine(folder, "case.json"), System.IO.File.ReadAllText(Sample).Replace("\"WebServerApp\"", "\"Web\"").Replace("\"file_mover\"", "\"web\""));
            Assert.Equal(new[] { "web", "Web" }, Complete("Get-EdgeModule ./case.json -Name web", folder));
            Assert.Equal(new[] { "Web", "web" }, Complete("Get-EdgeModule ./case.json -Name Web", folder));
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void NoManifestOrAnUnreadableOneOffersNoModuleNames()
    {
        Assert.Empty(Complete("Get-EdgeModule ./no-such-file.json -Name ", TestPaths.Samples));
        Assert.Empty(Complete("Get-EdgeModule ./iotedge-list.txt -Name ", TestPaths.Samples));
    }

    [Fact]
    public void ShareMapOffersTheFpgaSharesTheManifestBinds()
    {
        var offered = Complete($"ConvertTo-GpuEdgeManifest '{Sample}' -ShareMap ");

        Assert.Equal("@{ '/home/hcsshares/fpgainput' = 'fpgainput'; '/home/hcsshares/fpgaoutput' = 'fpgaoutput' }", offered[0]);
        Assert.Contains("@{ '/home/hcsshares/fpgaoutput' = 'fpgaoutput' }", offered);
        Assert.Equal(3, offered.Count);
    }

    [Fact]
    public void CompletedShareMapIsAValidArgument()
    {
        using var ps = new PowerShellSession();
        var map = Complete($"ConvertTo-GpuEdgeManifest '{Sample}' -ShareMap ")[0];

        var result = ps.Run($"ConvertTo-GpuEdgeManifest '{Sample}' -ShareMap {map} -WarningAction SilentlyContinue");

        Assert.Empty(result.Errors);
        Assert.Single(result.Output);
    }

    [Fact]
    public void ModuleNameMapOffersTheRenamesOfRuleO2AndIsAValidArgument()
    {
        // The sample's FpgaInference, WebServerApp and file_mover are no Kubernetes names; edgeAgent and edgeHub keep their ids.
        var offered = Complete($"ConvertTo-GpuEdgeManifest '{Sample}' -ModuleNameMap ");

        Assert.Equal("@{ 'FpgaInference' = 'fpgainference'; 'WebServerApp' = 'webserverapp'; 'file_mover' = 'file-mover' }", offered[0]);
        Assert.Equal(new[] { "@{ 'FpgaInference' = 'fpgainference' }", "@{ 'WebServerApp' = 'webserverapp' }", "@{ 'file_mover' = 'file-mover' }" },
            offered.Skip(1));
        using var ps = new PowerShellSession();
        var result = ps.Run($"ConvertTo-GpuEdgeManifest '{Sample}' -ModuleNameMap {offered[0].Replace("'file-mover'", "'mover'")} -WarningAction SilentlyContinue | ForEach-Object {{ $_.Changes | Where-Object {{ $_.RuleId -eq 'O2' -and $_.Location -eq '' }} | ForEach-Object After }}");
        Assert.Empty(result.Errors);
        Assert.Equal(new[] { "\"fpgainference\"", "\"webserverapp\"", "\"mover\"" }, result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void RuleIdsCompleteForEveryRuleParameter()
    {
        Assert.Equal(new[] { "R1", "R2", "R3" }, Complete("Get-EdgeMigrationRule -Id R"));
        using var ps = new PowerShellSession();
        var proxyRules = ps.Run("Get-EdgeMigrationRule P* | ForEach-Object Id").AssertNoErrors().Output.Select(o => o.ToString());
        Assert.Equal(proxyRules, Complete($"Test-EdgeModuleCompatibility '{Sample}' -Rule p"));
        Assert.Contains("O2", Complete($"ConvertTo-GpuEdgeManifest '{Sample}' -ExcludeRule O"));
    }

    [Fact]
    public void RuleIdsCompleteWithTheWildcardsTheParametersTake()
    {
        // In catalog order, as every rule list.
        Assert.Equal(new[] { "O4", "O2" }, Complete("Get-EdgeMigrationRule -Id 'O[24]"));
        Assert.Equal(new[] { "R1", "R2" }, Complete($"Test-EdgeModuleCompatibility '{Sample}' -Rule 'R[1-2]"));
        Assert.Empty(Complete("Get-EdgeMigrationRule -Id 'O[2"));
    }

    /// <summary>Tab replaces the word with the first id offered: a whole id typed stays itself, not K15, the first K1… of the catalog.</summary>
    [Fact]
    public void AWholeRuleIdTypedIsOfferedFirst()
    {
        Assert.Equal(new[] { "K1", "K15", "K12", "K13", "K18", "K11", "K16", "K10", "K17", "K14", "K19" }, Complete("Get-EdgeMigrationRule -Id K1"));
        Assert.Equal("K1", Complete($"Test-EdgeModuleCompatibility '{Sample}' -ExcludeRule k1")[0]);
    }
}

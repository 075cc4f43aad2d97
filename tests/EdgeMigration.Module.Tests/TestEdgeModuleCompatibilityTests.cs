using System.Linq;
using Xunit;

namespace EdgeMigration.Tests;

public class TestEdgeModuleCompatibilityTests
{
    private static string Sample => TestPaths.Samples + "/fpga-deployment.json";

    [Fact]
    public void OneResultPerModuleWithFindingsUsersCanFilter()
    {
        using var ps = new PowerShellSession();
        var result = ps.Run($"Test-EdgeModuleCompatibility -Path '{Sample}' | Where-Object {{ -not $_.Compatible }} | ForEach-Object ModuleName").AssertNoErrors();
        Assert.Contains("file_mover", result.Output.Select(o => o.BaseObject));
        var finding = ps.Run($"(Test-EdgeModuleCompatibility '{Sample}' -ModuleName file_mover).Findings | Where-Object RuleId -eq O4").AssertNoErrors().Single();
        Assert.Equal("env['Storage:Target']", finding.Properties["Location"].Value);
        Assert.Equal("Error", finding.Properties["Severity"].Value.ToString());
        Assert.Equal(true, finding.Properties["IsFixable"].Value);
        Assert.StartsWith("https://learn.microsoft.com/azure/databox-online/azure-stack-edge-gpu-modify-fpga-modules-gpu#", (string)finding.Properties["HelpUri"].Value);
    }

    [Fact]
    public void QuietGivesOneBooleanPerManifest()
    {
        using var ps = new PowerShellSession();
        var clean = TestPaths.CorpusFile("Azure+iotedge__e2e_deployment_files_nestededge_middleLayerBaseDeployment_amqp.json");
        var result = ps.Run($"Test-EdgeModuleCompatibility -Path '{Sample}', '{clean}' -Rule O4 -Quiet").AssertNoErrors();
        Assert.Equal(new object[] { false, true }, result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void ExcludingARuleRemovesItsFindings()
    {
        using var ps = new PowerShellSession();
        var result = ps.Run($"Test-EdgeModuleCompatibility -Path '{Sample}' -ExcludeRule O4 | ForEach-Object Findings | Where-Object RuleId -eq O4").AssertNoErrors();
        Assert.Empty(result.Output);
    }

    [Fact]
    public void SeverityFiltersTheFindingsShown()
    {
        using var ps = new PowerShellSession();
        var result = ps.Run($"Test-EdgeModuleCompatibility -Path '{Sample}' -Severity Information | ForEach-Object Findings | Where-Object Severity -ne Information").AssertNoErrors();
        Assert.Empty(result.Output);
    }

    [Fact]
    public void CreateOptionsOfOneModuleCanBeCheckedOnTheirOwn()
    {
        using var ps = new PowerShellSession();
        var result = ps.Run("'{\"Env\": [\"A:B=1\"]}' | Test-EdgeModuleCompatibility -ModuleName filter -Rule O4").AssertNoErrors().Single();
        Assert.Equal("filter", result.Properties["ModuleName"].Value);
        Assert.Equal(false, result.Properties["Compatible"].Value);
    }

    [Fact]
    public void RuleIdsTabComplete()
    {
        using var ps = new PowerShellSession();
        var line = "Test-EdgeModuleCompatibility -Rule O";
        var matches = ps.Run($"(TabExpansion2 -inputScript '{line}' -cursorColumn {line.Length}).CompletionMatches | ForEach-Object CompletionText").AssertNoErrors();
        Assert.Contains("O4", matches.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void MissingFileAndInvalidJsonAreNonTerminatingErrors()
    {
        using var ps = new PowerShellSession();
        var result = ps.Run($"'{{ \"modulesContent\": ' | Test-EdgeModuleCompatibility; Test-EdgeModuleCompatibility -LiteralPath '/no/such/file.json', '{Sample}' -Quiet");
        Assert.Equal(new[]
        {
            "InvalidManifestJson,EdgeMigration.Commands.TestEdgeModuleCompatibilityCommand",
            "ManifestFileNotFound,EdgeMigration.Commands.TestEdgeModuleCompatibilityCommand",
        }, result.ErrorIds);
        Assert.Equal(new object[] { false }, result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void GetEdgeMigrationRuleListsRulesWithTheirSections()
    {
        using var ps = new PowerShellSession();
        var rule = ps.Run("Get-EdgeMigrationRule -Id O4").AssertNoErrors().Single();
        Assert.Equal(("O4", "other-differences", true), ((string)rule.Properties["Id"].Value, (string)rule.Properties["Section"].Value, (bool)rule.Properties["CanFix"].Value));
        Assert.True(ps.Run("Get-EdgeMigrationRule").AssertNoErrors().Output.Count >= 1);
        var missing = ps.Run("Get-EdgeMigrationRule -Id Z9");
        Assert.Equal("RuleNotFound,EdgeMigration.Commands.GetEdgeMigrationRuleCommand", Assert.Single(missing.ErrorIds));
    }
}

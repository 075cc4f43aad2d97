using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
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

    /// <summary>The RuleIds column of the view is a property: modules can be chosen by the rules they break, and Export-Csv writes the ids.</summary>
    [Fact]
    public void ModulesAreChosenByTheRulesTheyBreak()
    {
        using var ps = new PowerShellSession();

        var modules = ps.Run($"Test-EdgeModuleCompatibility '{Sample}' | Where-Object RuleIds -contains R1 | ForEach-Object ModuleName").AssertNoErrors();
        var text = ps.Run($"Test-EdgeModuleCompatibility '{Sample}' -ModuleName FpgaInference | Where-Object ModuleName | ForEach-Object {{ $_.RuleIds.ToString() }}").AssertNoErrors();

        Assert.Equal(new object[] { "FpgaInference" }, modules.Output.Select(o => o.BaseObject));
        Assert.Equal("O4,R1,R2,S2,S1,O1,O2,K19", Assert.Single(text.Output).BaseObject);
    }

    /// <summary>
    /// A runbook pairs -Quiet's Booleans with its inputs: an input that gives no manifest (JSON that is not a manifest, a
    /// result that stands for no file) answers False after its error, and one that is compatible still answers True.
    /// </summary>
    [Fact]
    public void QuietAnswersFalseForEachInputThatIsNoManifest()
    {
        using var ps = new PowerShellSession();
        var clean = TestPaths.CorpusFile("Azure+iotedge__e2e_deployment_files_nestededge_middleLayerBaseDeployment_amqp.json");

        var run = ps.Run($"'{{\"a\": 1}}', [System.IO.FileInfo]::new('{clean}') | Test-EdgeModuleCompatibility -Rule O4 -Quiet");

        Assert.Equal(new object[] { false, true }, run.Output.Select(o => o.BaseObject));
        Assert.Equal("NotAManifest,EdgeMigration.Commands.TestEdgeModuleCompatibilityCommand", Assert.Single(run.ErrorIds));
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
    public void EachAzDeploymentOfAHubIsNamedByItsId()
    {
        using var ps = new PowerShellSession();
        // Get-AzIotHubDeployment's PSDeployments, as a runbook checks every deployment of a hub: which one is incompatible?
        var script = $$"""
            $content = @{}
            $modules = [Newtonsoft.Json.Linq.JObject]::Parse([System.IO.File]::ReadAllText('{{Sample}}'))['modulesContent']
            foreach ($p in $modules.Properties()) { $content[$p.Name] = $p.Value }
            'fpga-v1', 'fpga-v2' | ForEach-Object { [pscustomobject]@{ Id = $_; Priority = 10; Content = [pscustomobject]@{ ModulesContent = $content } } } |
                Test-EdgeModuleCompatibility -ModuleName file_mover -Rule O4 | ForEach-Object Manifest
            """;

        var manifests = ps.Run(script).AssertNoErrors().Output.Select(o => o.ToString());

        Assert.Equal(new[] { "deployment 'fpga-v1'", "deployment 'fpga-v2'" }, manifests);
    }

    [Fact]
    public void ExcludingARuleRemovesItsFindings()
    {
        using var ps = new PowerShellSession();
        var result = ps.Run($"Test-EdgeModuleCompatibility -Path '{Sample}' -ExcludeRule O4 | ForEach-Object Findings | Where-Object RuleId -eq O4").AssertNoErrors();
        Assert.Empty(result.Output);
    }

    [Fact]
    public void RuleTakesCharacterClassesAndRefusesAnUnclosedBracket()
    {
        using var ps = new PowerShellSession();
        var ruleIds = ps.Run($"Test-EdgeModuleCompatibility '{Sample}' -Rule 'O[24]' | ForEach-Object Findings | ForEach-Object RuleId").AssertNoErrors();
        Assert.Equal(new object[] { "O2", "O4" }, ruleIds.Output.Select(o => o.BaseObject).Distinct().OrderBy(id => id));

        var invalid = ps.Run($"Test-EdgeModuleCompatibility '{Sample}' -ExcludeRule 'O[24'");
        Assert.Empty(invalid.Output);
        Assert.StartsWith("ParameterArgumentValidationError,", Assert.Single(invalid.ErrorIds));
        Assert.Contains("The specified wildcard character pattern is not valid: O[24", invalid.Errors[0].ToString());
    }

    [Fact]
    public void SeverityFiltersTheFindingsShown()
    {
        using var ps = new PowerShellSession();
        var result = ps.Run($"Test-EdgeModuleCompatibility -Path '{Sample}' -Severity Information | ForEach-Object Findings | Where-Object Severity -ne Information").AssertNoErrors();
        Assert.Empty(result.Output);
    }

    [Fact]
    public void EachModuleGetsItsOwnFindingsAndIsJudgedByAllOfThem()
    {
        using var ps = new PowerShellSession();
        var results = ps.Run($"Test-EdgeModuleCompatibility -Path '{Sample}' -Severity Information").AssertNoErrors().Output;
        // Manifest-wide first, then the modules in manifest order; each result holds only its own module's findings.
        Assert.Equal(new object?[] { null, "edgeAgent", "edgeHub", "FpgaInference", "WebServerApp", "file_mover" },
            results.Select(r => r.Properties["ModuleName"].Value));
        Assert.All(results, r => Assert.All(((System.Collections.IEnumerable)r.Properties["Findings"].Value).Cast<object>(),
            f => Assert.Equal(r.Properties["ModuleName"].Value, PSObject.AsPSObject(f).Properties["ModuleName"].Value)));
        // Only Information findings are shown, but a module with errors is still not compatible.
        var fileMover = results.Single(r => "file_mover".Equals(r.Properties["ModuleName"].Value));
        Assert.Equal(false, fileMover.Properties["Compatible"].Value);
        Assert.Equal(0, fileMover.Properties["ErrorCount"].Value);

        // -Quiet judges the modules asked for (and the manifest as a whole) only: edgeAgent is the device's own, whose pod no
        // refused Deployment holds back (K19).
        var quiet = ps.Run($"Test-EdgeModuleCompatibility '{Sample}' -ModuleName edgeAgent -Quiet; Test-EdgeModuleCompatibility '{Sample}' -ModuleName file* -Quiet")
            .AssertNoErrors();
        Assert.Equal(new object[] { true, false }, quiet.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void CreateOptionsOfOneModuleCanBeCheckedOnTheirOwn()
    {
        using var ps = new PowerShellSession();
        var result = ps.Run("'{\"Env\": [\"A:B=1\"]}' | Test-EdgeModuleCompatibility -ModuleName filter -Rule O4").AssertNoErrors().Single();
        Assert.Equal("filter", result.Properties["ModuleName"].Value);
        Assert.Equal(false, result.Properties["Compatible"].Value);
        Assert.Equal("CreateOptions", result.Properties["Shape"].Value);
    }

    [Fact]
    public void RequestsTheApiServerRefusesAreErrorsAtTheRequest()
    {
        using var ps = new PowerShellSession();
        const string Options = """{"k8s-experimental": {"resources": {"limits": {"memory": "256Mi"}, "requests": {"memory": "1Gi", "nvidia.com/gpu": 1}}}}""";
        var result = ps.Run($"'{Options}' | Test-EdgeModuleCompatibility -ModuleName detector").AssertNoErrors().Single();
        Assert.Equal(false, result.Properties["Compatible"].Value);

        var findings = ps.Run($"('{Options}' | Test-EdgeModuleCompatibility -ModuleName detector -Rule K12).Findings | ForEach-Object {{ $_.Location + ' | ' + $_.Message }}")
            .AssertNoErrors().Output.Select(o => (string)o.BaseObject).ToList();
        Assert.Equal(new[]
        {
            "k8s-experimental.resources.requests.memory | requests.memory (\"1Gi\") is above limits.memory (\"256Mi\"); the Kubernetes API server refuses a request above its limit (\"must be less than or equal to memory limit of 256Mi\") and with it the module's Deployment, so the module never runs.",
            "k8s-experimental.resources.requests['nvidia.com/gpu'] | requests['nvidia.com/gpu'] (1) is given without limits['nvidia.com/gpu']; Kubernetes does not overcommit an extended resource such as 'nvidia.com/gpu' (a name with a domain outside kubernetes.io), so the API server refuses a request without a limit (\"Limit must be set for non overcommitable resources\") and with it the module's Deployment, so the module never runs.",
        }, findings);
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
    public void ManyFilesTextAndAnUnreadableFileComeOutInInputOrder()
    {
        var folder = Directory.CreateTempSubdirectory("edgemigration-").FullName;
        try
        {
            // Files are checked on other threads: results and errors still follow the input's order.
            var clean = TestPaths.CorpusFile("Azure+iotedge__e2e_deployment_files_nestededge_middleLayerBaseDeployment_amqp.json");
            var broken = Path.Combine(folder, "broken.json");
            File.WriteAllText(broken, "{ \"modulesContent\": ");
            var files = Enumerable.Range(0, 30).Select(i => Path.Combine(folder, $"device-{i:D2}.json")).ToList();
            files.ForEach(file => File.Copy(files.IndexOf(file) % 3 == 0 ? Sample : clean, file));
            using var ps = new PowerShellSession();
            var run = ps.Run("& { $files[0..9] | ForEach-Object { [System.IO.FileInfo]::new($_) }; [System.IO.File]::ReadAllText($files[0]); [System.IO.FileInfo]::new($broken); " +
                "$files[10..29] | ForEach-Object { [System.IO.FileInfo]::new($_) } } | Test-EdgeModuleCompatibility -Quiet -ErrorVariable failed -ErrorAction SilentlyContinue; " +
                "$failed | ForEach-Object { '{0} {1}' -f $_.FullyQualifiedErrorId, $_.TargetObject }",
                new Dictionary<string, object?> { ["files"] = files.ToArray(), ["broken"] = broken });

            // The text of files[0] (the sample: False), then the broken file's False after its error: one Boolean per input.
            var expected = files.Take(10).Select((_, i) => (object)(i % 3 != 0)).Append(false).Append(false).Concat(files.Skip(10).Select((_, i) => (object)((i + 10) % 3 != 0)))
                .Append($"InvalidManifestJson,EdgeMigration.Commands.TestEdgeModuleCompatibilityCommand {broken}");
            Assert.Equal(expected, run.Output.Select(o => o.BaseObject));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
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
        // -Quiet answers for the missing file too (False), then for the sample (False: it has errors).
        Assert.Equal(new object[] { false, false }, result.Output.Select(o => o.BaseObject));
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

    [Fact]
    public void GetEdgeMigrationRuleSelectsAsRuleDoes()
    {
        using var ps = new PowerShellSession();
        var ids = ps.Run("Get-EdgeMigrationRule '[KR]1', 'R`2', 'Z[19]' | ForEach-Object Id").AssertNoErrors();
        Assert.Equal(new object[] { "K1", "R1", "R2" }, ids.Output.Select(o => o.BaseObject).OrderBy(id => id));
        var escapedStar = ps.Run("Get-EdgeMigrationRule 'R`*'");
        Assert.Empty(escapedStar.Output);
        Assert.Equal("RuleNotFound,EdgeMigration.Commands.GetEdgeMigrationRuleCommand", Assert.Single(escapedStar.ErrorIds));
    }
}

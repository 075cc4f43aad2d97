using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Rules;
using EdgeMigration.Core.Rules.Other;
using Xunit;

namespace EdgeMigration.Tests.Rules;

public class EnvironmentNameColonRuleTests
{
    private static readonly EnvironmentNameColonRule Rule = new();

    [Fact]
    public void FindsColonNamesInEnvSectionAndCreateOptionsEnv()
    {
        var manifest = ManifestBuilder.Deployment(
            ("filter", """{"Env":["Logging:LogLevel=Debug","PLAIN=1"]}""", """{"Azure:Key": {"value": "x"}, "OK": {"value": "y"}}"""));

        var findings = Rule.Check(manifest).ToList();

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(("O4", Severity.Error, "filter", true), (f.RuleId, f.Severity, f.ModuleName, f.IsFixable)));
        Assert.Equal("env['Azure:Key']", findings[0].Location);
        Assert.Equal("Env[0]", findings[1].Location);
        Assert.EndsWith(".modules.filter.settings.createOptions.Env[0]", findings[1].ManifestPath);
    }

    [Fact]
    public void CleanModuleHasNoFinding()
    {
        var manifest = ManifestBuilder.Deployment(("filter", """{"Env":["Logging__LogLevel=Debug"]}""", """{"A__B": {"value": "x"}}"""));
        Assert.Empty(Rule.Check(manifest));
    }

    [Fact]
    public void FixRenamesBothPlacesAndRecordsEachChange()
    {
        var manifest = ManifestBuilder.Deployment(
            ("filter", """{"Env":["Logging:LogLevel=a:b"]}""", """{"Azure:Key": {"value": "x"}}"""));

        var result = ManifestConverter.Convert(manifest, new ConversionOptions { Rules = new RuleSelection(new[] { "O4" }, null) });

        var module = result.Manifest.FindModule("filter")!;
        Assert.Equal(new[] { "Azure__Key" }, module.Env.Select(e => e.Name));
        Assert.Equal("""{"Env":["Logging__LogLevel=a:b"]}""", module.CreateOptions!.Text);
        Assert.Equal(2, result.Changes.Count);
        Assert.Equal(("\"Logging:LogLevel=a:b\"", "\"Logging__LogLevel=a:b\""), (result.Changes[1].Before, result.Changes[1].After));
        Assert.Empty(result.RemainingFindings);
    }
}

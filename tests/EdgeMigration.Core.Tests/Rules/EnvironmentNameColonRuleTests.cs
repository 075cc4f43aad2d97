using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Kubernetes;
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

    [Fact]
    public void NameAlreadySetWhereTheRenameWouldGoIsReportedAndNotRenamed()
    {
        // Renaming would write "P__Q" twice in the env section (a duplicate key) and set X__Y twice in Env, where the last wins.
        var manifest = ManifestBuilder.Deployment(
            ("filter", """{"Env":["X:Y=1","X__Y=2","M:N=3"]}""", """{"P:Q": {"value": "1"}, "P__Q": {"value": "2"}, "m__n": {"value": "3"}}"""));

        var findings = Rule.Check(manifest).ToList();

        Assert.Equal(new[] { ("env['P:Q']", false), ("Env[0]", false), ("Env[2]", true) }, findings.Select(f => (f.Location, f.IsFixable)));
        Assert.Contains("also sets 'P__Q'", findings[0].Message);
        Assert.Equal("Keep one of the two, named 'X__Y', with the value meant ('__' is read as ':' by .NET configuration).", findings[1].Recommendation);

        var result = ManifestConverter.Convert(manifest, new ConversionOptions { Rules = new RuleSelection(new[] { "O4" }, null) });

        var module = result.Manifest.FindModule("filter")!;
        Assert.Equal(new[] { "P:Q", "P__Q", "m__n" }, module.Env.Select(e => e.Name));
        Assert.Equal("""{"Env":["X:Y=1","X__Y=2","M__N=3"]}""", module.CreateOptions!.Text);
        Assert.Equal(new[] { "env['P:Q']", "Env[0]" }, result.RemainingFindings.Where(f => f.RuleId == "O4").Select(f => f.Location));
    }

    [Fact]
    public void NameWrittenTwiceWithColonIsRenamedInBothEntries()
    {
        // The first rename does not hold back the second: both were one name already, and a second conversion finds nothing.
        var manifest = ManifestBuilder.Deployment(("filter", """{"Env":["A:B=1","A:B=1"]}"""));

        var result = ManifestConverter.Convert(manifest, new ConversionOptions { Rules = new RuleSelection(new[] { "O4" }, null) });

        Assert.Equal("""{"Env":["A__B=1","A__B=1"]}""", result.Manifest.FindModule("filter")!.CreateOptions!.Text);
        Assert.Empty(Rule.Check(result.Manifest));
    }

    [Fact]
    public void OtherNamesKubernetesRefusesAreReportedAndLeftToTheUser()
    {
        // A leading digit, a space, a letter outside ASCII, ':' with one of those: the API server refuses each, and '__'
        // for ':' does not help. Env entries the agent drops (without '=' or without a name) are not judged.
        var manifest = ManifestBuilder.Deployment(
            ("filter", """{"Env":["1ABC=1","A B=2","NO_EQUALS:SIGN","=x","OK.name-1=3"]}""", """{"Caf\u00e9:Key": {"value": "x"}, "": {"value": "y"}}"""));

        var findings = Rule.Check(manifest).ToList();

        Assert.Equal(new[] { "env['Caf\u00e9:Key']", "env['']", "Env[0]", "Env[1]" }, findings.Select(f => f.Location));
        Assert.All(findings, f => Assert.Equal((Severity.Error, false), (f.Severity, f.IsFixable)));
        Assert.Equal(
            "Environment variable name '1ABC' in createOptions Env is not one Kubernetes accepts (letters, digits, '_', '-' and '.', not starting with a digit); the API server refuses the module's Deployment.",
            findings[2].Message);
        Assert.Equal("Rename it, and what reads it, to a name of letters, digits, '_', '-' and '.', not starting with a digit.", findings[2].Recommendation);
        Assert.Empty(ManifestConverter.Convert(manifest, new ConversionOptions { Rules = new RuleSelection(new[] { "O4" }, null) }).Changes);
    }

    [Fact]
    public void ThePreviewFailsTheVariablesTheRuleReportsWithItsAdvice()
    {
        var manifest = ManifestBuilder.Deployment(("filter", """{"Env":["1ABC=1","Logging:Level=2","A=3"]}"""));

        var failed = KubernetesRenderer.Render(manifest).Modules.Single(m => m.ModuleName == "filter").Dropped
            .Where(d => d.Effect == DropEffect.Fails).ToList();

        var findings = Rule.Check(manifest).ToList();
        Assert.Equal(findings.Select(f => (f.Location, f.Recommendation)), failed.Select(d => (d.Location, d.Advice)));
        Assert.Equal("Rename it to 'Logging__Level' ('__' is read as ':' by .NET configuration; ConvertTo-GpuEdgeManifest renames it).", findings[1].Recommendation);
    }
}

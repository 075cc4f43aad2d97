using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Manifests;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class EnvironmentOverrideRuleTests
{
    /// <summary>A and LEVEL set in both places to other values, B to the same value, C without '=', D and a only in Env.</summary>
    private static ManifestDocument Manifest() => ManifestBuilder.Deployment(
        ("filter", """{"Env":["A=from-env","B=2","C","D=4","LEVEL=debug","a=lower"]}""",
            """{"A": {"value": "from-section"}, "B": {"value": "2"}, "C": {"value": "3"}, "LEVEL": {"value": "info"}}"""),
        ("plain", """{"Env":["A=1"]}""", null));

    [Fact]
    public void AVariableSetInBothPlacesIsInformationAsTheEnvEntrysValueCountsOnBothDevices()
    {
        // The FPGA device's iotedged merges Env over the env section (edgelet-docker merge_env); the GPU device's agent sends
        // both, Env last, and the container takes the last. Only an Env entry of the env section's value can go unnoticed.
        var findings = Check(Manifest(), "K15");

        Assert.Equal(new[] { "K15 Information filter Env[0] manual", "K15 Information filter Env[1] fixable", "K15 Information filter Env[4] manual" }, Summary(findings));
        Assert.Contains("Environment variable 'A' is set in the env section and, to another value, in createOptions Env: on both devices the module gets the Env entry's value", findings[0].Message);
        Assert.DoesNotContain("from-", findings[0].Message + findings[0].Recommendation);
    }

    [Fact]
    public void TheConversionRemovesOnlyEnvEntriesOfTheEnvSectionsValueSoTheModuleKeepsItsValues()
    {
        var result = Convert(Manifest(), "K15");

        // A=from-env and LEVEL=debug are the values the module runs with, on the FPGA device as on the GPU device.
        Assert.Equal(new[] { "K15 filter Env[1]: \"B=2\" -> -" }, Describe(result.Changes));
        Assert.Equal("""{"Env":["A=from-env","C","D=4","LEVEL=debug","a=lower"]}""", OptionsText(result.Manifest, "filter"));
        Assert.Equal("""{"Env":["A=1"]}""", OptionsText(result.Manifest, "plain"));
        AssertIdempotent(result, "K15");
    }

    [Fact]
    public void OfEnvEntriesOfOneNameTheLastCountsAndOnlyIfItHasTheSectionsValueDoTheyGo()
    {
        var manifest = ManifestBuilder.Deployment(
            ("app", """{"Env":["A=1","A=2","B=3","B=1"]}""", """{"A": {"value": "1"}, "B": {"value": "1"}}"""));

        var findings = Check(manifest, "K15");
        var result = Convert(manifest, "K15");

        // A ends as 2, which the fix must keep; B ends as the env section's 1, so both its entries can go.
        Assert.Equal(new[] { "K15 Information app Env[1] manual", "K15 Information app Env[3] fixable" }, Summary(findings));
        Assert.Equal(new[] { "K15 app Env[2]: \"B=3\" -> -", "K15 app Env[3]: \"B=1\" -> -" }, Describe(result.Changes));
        Assert.Equal("""{"Env":["A=1","A=2"]}""", OptionsText(result.Manifest, "app"));
    }

    [Fact]
    public void AnEnvEntryFollowedByOneWithoutAValueIsNotSaidToCountOnTheFpgaDevice()
    {
        // On the FPGA device iotedged set FOO to '' with the later "FOO"; the GPU device's agent drops that entry.
        var manifest = ManifestBuilder.Deployment(
            ("app", """{"Env":["FOO=1","FOO","BAR=2","BAR"]}""", """{"FOO": {"value": "1"}, "BAR": {"value": "1"}}"""));

        var findings = Check(manifest, "K15");
        var result = Convert(manifest, "K15");

        Assert.Equal(new[] { "K15 Information app Env[0] fixable", "K15 Information app Env[2] manual" }, Summary(findings));
        Assert.Equal("Environment variable 'FOO' is set in the env section and again, to the same value, in createOptions Env, and a later Env entry 'FOO' without '=' follows: on the FPGA device that entry set the variable to '' (see K1); the GPU device's agent drops it, so there the module gets this Env entry's value.", findings[0].Message);
        Assert.StartsWith("Environment variable 'BAR' is set in the env section and to another value in createOptions Env, and a later Env entry 'BAR' without '='", findings[1].Message);
        Assert.DoesNotContain(findings, f => f.Message.Contains("on both devices"));
        // On the GPU device FOO stays 1 from the env section; BAR keeps the 2 it runs with there.
        Assert.Equal("""{"Env":["FOO","BAR=2","BAR"]}""", OptionsText(result.Manifest, "app"));
    }

    [Fact]
    public void AVariableAProxyFixSetsWrittenInBothPlacesEndsAsOneSetting()
    {
        // P2 sets no_proxy where it takes effect, the Env entry; the env section's setting of the same value is the same
        // setting written twice, so it takes the new value too, and K15 (after the proxy fixes) removes the Env twin.
        var manifest = ManifestBuilder.Deployment(
            ("app", """{"Env":["no_proxy=corp.local"],"WorkingDir":"/app"}""", """{"https_proxy": {"value": "http://proxy:3128"}, "no_proxy": {"value": "corp.local"}}"""));

        var result = ManifestConverter.Convert(manifest);

        var app = result.Manifest.Modules.Single(m => m.Name == "app");
        Assert.Equal("corp.local,localhost", EdgeModule.EnvValue(app.EnvSection!.Find("no_proxy")!));
        Assert.Equal("""{"WorkingDir":"/app"}""", OptionsText(result.Manifest, "app"));
        Assert.DoesNotContain(result.RemainingFindings, f => f.RuleId == "K15");
        Assert.Empty(Describe(ManifestConverter.Convert(result.Manifest).Changes));
    }

    [Fact]
    public void WhatTheConversionRemovesLeavesCreateOptionsAsIfWrittenWithoutIt()
    {
        var manifest = ManifestBuilder.Deployment(
            ("first", """{"Env": ["A=2", "B=x", "C=3"]}""", """{"A": {"value": "2"}, "B": {"value": "x"}}"""),
            ("last", """{"Env": ["C=3", "A=2"]}""", """{"A": {"value": "2"}}"""),
            ("lines", "{\n  \"Env\": [\n    \"A=2\",\n    \"C=3\"\n  ]\n}", """{"A": {"value": "2"}}"""),
            ("all", """{"Env": ["A=2"], "WorkingDir": "/app"}""", """{"A": {"value": "2"}}"""));

        var result = Convert(manifest, "K15");

        Assert.Equal("""{"Env": ["C=3"]}""", OptionsText(result.Manifest, "first"));
        Assert.Equal("""{"Env": ["C=3"]}""", OptionsText(result.Manifest, "last"));
        Assert.Equal("{\n  \"Env\": [\n    \"C=3\"\n  ]\n}", OptionsText(result.Manifest, "lines"));
        Assert.Equal("""{"WorkingDir": "/app"}""", OptionsText(result.Manifest, "all"));
    }

    [Fact]
    public void AnEnvOfTwinsOnlyGoesAsOneChangeThatNamesEachEntry()
    {
        var manifest = ManifestBuilder.Deployment(("app", """{"Env":["A=1","B=2"]}""", """{"A": {"value": "1"}, "B": {"value": "2"}}"""));

        var result = Convert(manifest, "K15");

        var change = Assert.Single(result.Changes);
        Assert.Equal("K15 app Env: [\"A=1\",\"B=2\"] -> -", Assert.Single(Describe(result.Changes)));
        Assert.Equal(
            "Removed Env entry A: the env section sets it to the value the module gets. " +
            "Removed Env entry B: the env section sets it to the value the module gets. Env had no other entry and is removed.",
            change.Description);
        Assert.Equal("{}", OptionsText(result.Manifest, "app"));
    }
}

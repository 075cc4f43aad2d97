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
    public void AnEnvEntryThatWouldReplaceTheEnvSectionsValueIsAWarningAndOneOfTheSameValueInformation()
    {
        // Docker gives the module the env section's value; the device sends both, Env last, and the container takes the last.
        var findings = Check(Manifest(), "K15");

        Assert.Equal(new[] { "K15 Warning filter Env[0] fixable", "K15 Information filter Env[1] fixable", "K15 Warning filter Env[4] fixable" }, Summary(findings));
        Assert.Contains("Environment variable 'A' is set in the env section and, to another value, in createOptions Env", findings[0].Message);
        Assert.DoesNotContain("from-", findings[0].Message + findings[0].Recommendation);
    }

    [Fact]
    public void TheConversionRemovesTheEnvEntriesSoTheModuleKeepsItsValues()
    {
        var result = Convert(Manifest(), "K15");

        // In the order users read them, each at the place the entry has in the manifest as written.
        Assert.Equal(new[] { "K15 filter Env[0]: \"A=from-env\" -> -", "K15 filter Env[1]: \"B=2\" -> -", "K15 filter Env[4]: \"LEVEL=debug\" -> -" },
            Describe(result.Changes));
        Assert.Equal("""{"Env":["C","D=4","a=lower"]}""", OptionsText(result.Manifest, "filter"));
        Assert.Equal("""{"Env":["A=1"]}""", OptionsText(result.Manifest, "plain"));
        AssertIdempotent(result, "K15");
    }

    [Fact]
    public void AnEnvOfTwinsOnlyGoesAsOneChangeThatNamesEachEntry()
    {
        var manifest = ManifestBuilder.Deployment(("app", """{"Env":["A=1","B=2"]}""", """{"A": {"value": "1"}, "B": {"value": "3"}}"""));

        var result = Convert(manifest, "K15");

        var change = Assert.Single(result.Changes);
        Assert.Equal("K15 app Env: [\"A=1\",\"B=2\"] -> -", Assert.Single(Describe(result.Changes)));
        Assert.Equal(
            "Removed Env entry A: the env section sets it, and its value is the one the module gets on the FPGA device. " +
            "Removed Env entry B: the env section sets it, and its value is the one the module gets on the FPGA device. Env had no other entry and is removed.",
            change.Description);
        Assert.Equal("{}", OptionsText(result.Manifest, "app"));
    }
}

using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class SchemaVersionRuleTests
{
    private static ManifestDocument WithAgentSchema(string version)
    {
        var manifest = ManifestBuilder.Deployment(("m", "{}"));
        manifest.EdgeAgentDesired!.Set("schemaVersion", JValue.String(version));
        return manifest;
    }

    [Fact]
    public void SchemaVersion11NamesTheAgentVersions()
    {
        var finding = Assert.Single(Check(WithAgentSchema("1.1"), "K2"));

        Assert.Equal("K2 Information - $.modulesContent['$edgeAgent']['properties.desired'].schemaVersion manual", Summary(finding));
        Assert.Contains("0.1.0-beta10 to beta12 accept only 1.0", finding.Message);
        Assert.Contains("412", finding.Message);
    }

    [Fact]
    public void OtherVersionsAreErrorsAndPlaceholdersAreLeftAlone()
    {
        Assert.Equal(new[] { "K2 Error - $.modulesContent['$edgeAgent']['properties.desired'].schemaVersion manual" }, Summary(Check(WithAgentSchema("2.0"), "K2")));
        Assert.Empty(Check(WithAgentSchema("1.0"), "K2"));
        Assert.Empty(Check(WithAgentSchema("${EDGEAGENT_SCHEMA_VERSION}"), "K2"));
    }

    [Fact]
    public void CorpusManifestWithSchema11()
    {
        var manifest = ManifestDocument.Load(TestPaths.CorpusFile("microsoft__vscode-azure-iot-edge__testResources__deployment.template.json"));

        Assert.Single(Check(manifest, "K2"));
    }
}

using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class EdgeAgentSettingsRuleTests
{
    [Fact]
    public void StandardAgentWithEmptyOptionsHasNoFinding() =>
        Assert.Empty(Check(ManifestBuilder.Deployment(("m", "{}")), "K7"));

    [Fact]
    public void ImageCreateOptionsAndEnvOfEdgeAgentHaveNoEffect()
    {
        var manifest = ManifestBuilder.Deployment(("m", "{}"));
        var agent = manifest.FindModule("edgeAgent")!;
        agent.Settings!.Set("image", JValue.String("contoso.azurecr.io/custom-agent:1"));
        agent.Definition.Set("env", JDocument.Parse("""{"https_proxy": {"value": "http://proxy:3128"}}""").Root);
        var withOptions = ManifestDocument.Parse(manifest.ToJson().Replace("\"createOptions\": \"{}\"", "\"createOptions\": \"{\\\"HostConfig\\\":{}}\""));

        Assert.Equal(new[]
        {
            "K7 Information edgeAgent settings.image manual",
            "K7 Information edgeAgent  manual",
            "K7 Information edgeAgent env manual",
        }, Summary(Check(withOptions, "K7")));
    }

    [Fact]
    public void CorpusNestedEdgeAgentEnv()
    {
        var manifest = ManifestDocument.Load(TestPaths.CorpusFile("Azure__iotedge__e2e_deployment_files__nestededge_topLayerBaseDeployment_amqp.json"));

        var findings = Check(manifest, "K7");

        Assert.Equal(new[]
        {
            "K7 Information edgeAgent settings.image manual",
            "K7 Information edgeAgent  manual",
            "K7 Information edgeAgent env manual",
        }, Summary(findings));
        Assert.Contains("(UpstreamProtocol, https_proxy)", findings[2].Message);
    }
}

using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class EdgeHubPortsRuleTests
{
    /// <summary>A deployment of one module whose edgeHub has <paramref name="createOptions"/>.</summary>
    private static ManifestDocument WithEdgeHub(string createOptions) =>
        ManifestDocument.Parse(ManifestBuilder.Deployment(("sensor", "{}")).ToJson()
            .Replace(JsonTreeWriter.Quote(ManifestBuilder.EdgeHubCreateOptions), JsonTreeWriter.Quote(createOptions)));

    [Fact]
    public void AnEdgeHubWithoutAnAmqpBindingLeavesTheModulesThatConnectOverAmqpWithoutIt()
    {
        var manifest = WithEdgeHub("""{"HostConfig":{"PortBindings":{"8883/tcp":[{"HostPort":"8883"}],"443/tcp":[{"HostPort":"443"}]}}}""");

        var finding = Assert.Single(Check(manifest, "K22"));
        var result = Convert(manifest, "K22");

        Assert.Equal("K22 Warning edgeHub HostConfig.PortBindings fixable", Summary(finding));
        Assert.Equal(
            "edgeHub's Service on the GPU device serves ports 443, 8883 only: modules reach edgeHub as 'edgehub' (IOTEDGE_GATEWAYHOSTNAME) through it, so those that connect over AMQP (5671) cannot. On the FPGA device, Docker's network reached every port of its container.",
            finding.Message);
        Assert.Equal("Bind it in edgeHub's createOptions (\"PortBindings\": {\"5671/tcp\": [{\"HostPort\": \"5671\"}]}); ConvertTo-GpuEdgeManifest does.", finding.Recommendation);
        Assert.Equal("""{"HostConfig":{"PortBindings":{"8883/tcp":[{"HostPort":"8883"}],"443/tcp":[{"HostPort":"443"}],"5671/tcp":[{"HostPort":"5671"}]}}}""",
            OptionsText(result.Manifest, "edgeHub"));
        Assert.Equal(new[] { "K22 edgeHub HostConfig.PortBindings['5671/tcp']: - -> [{\"HostPort\":\"5671\"}]" }, Describe(result.Changes));
        AssertIdempotent(result, "K22");
    }

    [Fact]
    public void AnEdgeHubWithoutPortsHasNoServiceAndTheFixBindsAllThree()
    {
        var manifest = WithEdgeHub("{}");

        var finding = Assert.Single(Check(manifest, "K22"));
        var result = Convert(manifest, "K22");

        Assert.Equal("K22 Error edgeHub  fixable", Summary(finding));
        Assert.StartsWith("edgeHub has no ports, so the GPU device makes it no Service: the name 'edgehub' (IOTEDGE_GATEWAYHOSTNAME) that every module connects to does not resolve there", finding.Message);
        Assert.Equal("""{"HostConfig":{"PortBindings":{"5671/tcp":[{"HostPort":"5671"}],"8883/tcp":[{"HostPort":"8883"}],"443/tcp":[{"HostPort":"443"}]}}}""",
            OptionsText(result.Manifest, "edgeHub"));
        Assert.DoesNotContain(RuleEngine.Check(result.Manifest), f => f.RuleId == "K22");
    }

    [Fact]
    public void APortBoundToAnotherHostPortIsTheUsersToMove()
    {
        // Modules connect to edgehub:5671; the Service serves 15671. Adding a second HostPort to the port would give the
        // Service two ports of one name, which Kubernetes refuses (K10).
        var manifest = WithEdgeHub("""{"HostConfig":{"PortBindings":{"5671/tcp":[{"HostPort":"15671"}],"8883/tcp":[{"HostPort":"8883"}],"443/tcp":[{"HostPort":"443"}]}}}""");

        var finding = Assert.Single(Check(manifest, "K22"));

        Assert.False(finding.IsFixable);
        Assert.Contains("serves ports 443, 8883, 15671 only", finding.Message);
        Assert.StartsWith("Bind container port 5671 to HostPort 5671 instead of 15671, as modules connect to edgehub at the standard ports; replace the binding rather than add a second one", finding.Recommendation);
        Assert.Empty(Convert(manifest, "K22").Changes);
    }

    [Fact]
    public void TheAdviceForAPortBoundToAnotherHostPortWorksEitherWayItOffersAndNamesTheMissingPortsToo()
    {
        // QA: "Bind container port 5671 to the same HostPort", followed by adding [{"HostPort":"5671"}] beside 15671, gave
        // the Service two ports named hostport-5671-tcp: K10's Error, and the whole deployment stopped (K21). The advice also
        // left out 443, which was not bound at all, so a user fixing by hand met it only on the next check.
        var manifest = WithEdgeHub("""{"HostConfig":{"PortBindings":{"5671/tcp":[{"HostPort":"15671"}],"8883/tcp":[{"HostPort":"8883"}]}}}""");

        var finding = Assert.Single(Check(manifest, "K22"));

        Assert.Equal(
            "Bind container port 5671 to HostPort 5671 instead of 15671, as modules connect to edgehub at the standard ports; replace the binding rather than add a second one to the port: " +
            "the device names both Service ports after the container port, Kubernetes refuses two ports of one name, and the whole deployment fails. " +
            "To keep the HostPort for clients outside the device, leave the binding and expose the port as well (\"ExposedPorts\": {\"5671/tcp\": {}}): the Service then serves both. " +
            "Bind 443 too (\"PortBindings\": {\"443/tcp\": [{\"HostPort\": \"443\"}]}); ConvertTo-GpuEdgeManifest does.",
            finding.Recommendation);
        // Either way the advice offers, with 443 bound as it says: nothing left for K22, and nothing that stops the deployment.
        foreach (var followed in new[]
        {
            """{"HostConfig":{"PortBindings":{"5671/tcp":[{"HostPort":"5671"}],"8883/tcp":[{"HostPort":"8883"}],"443/tcp":[{"HostPort":"443"}]}}}""",
            """{"ExposedPorts":{"5671/tcp":{}},"HostConfig":{"PortBindings":{"5671/tcp":[{"HostPort":"15671"}],"8883/tcp":[{"HostPort":"8883"}],"443/tcp":[{"HostPort":"443"}]}}}""",
        })
        {
            var findings = RuleEngine.Check(WithEdgeHub(followed));
            Assert.DoesNotContain(findings, f => f.RuleId is "K22" or "K10" or "K21" || f.Severity == Severity.Error);
        }
    }

    [Theory]
    // Every standard binding, or the ports only exposed (a ClusterIP Service port each): served.
    [InlineData(ManifestBuilder.EdgeHubCreateOptions)]
    [InlineData("""{"ExposedPorts":{"5671/tcp":{},"8883/tcp":{},"443/tcp":{}}}""")]
    // A host-network edgeHub is N3's; ports a template fills in are judged once expanded; createOptions no one reads are K4's.
    [InlineData("""{"HostConfig":{"NetworkMode":"host"}}""")]
    [InlineData("""{"HostConfig":{"PortBindings":"${HUB_PORTS}"}}""")]
    [InlineData("""{"HostConfig":""")]
    public void AnEdgeHubThatServesTheModulesOrIsNotJudgedHasNoFinding(string createOptions) =>
        Assert.Empty(Check(WithEdgeHub(createOptions), "K22"));

    [Theory]
    // No 5671: modules connecting over AMQP fail (found by QA over the corpus).
    [InlineData("Azure__iotedge-lorawan-starterkit__LoRaEngine__deployment.ci.aio.template.json", "AMQP (5671)")]
    [InlineData("danigian__iot-edge-udp__iotedgeudp__deployment.template.json", "AMQP (5671)")]
    public void OnTheCorpusEdgeHubsWithoutAStandardPortAreFound(string file, string lost)
    {
        var finding = Assert.Single(Check(ManifestDocument.Load(TestPaths.CorpusFile(file)), "K22"));

        Assert.Contains($"connect over {lost} cannot", finding.Message);
    }
}

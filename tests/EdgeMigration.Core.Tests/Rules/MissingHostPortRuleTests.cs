using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class MissingHostPortRuleTests
{
    private static EdgeMigration.Core.Manifests.ManifestDocument Modules() => ManifestBuilder.Deployment(
        ("nohost", """{"HostConfig":{"PortBindings":{"80/tcp":[{"HostIp":"0.0.0.0"}],"81/tcp":[{"HostPort":""}],"82/udp":[],"83/tcp":null,"84/tcp":[{"HostPort":"84"}]}}}"""),
        ("exposed", """{"ExposedPorts":{"4000/tcp":{},"5000/tcp":{}},"HostConfig":{"PortBindings":{"5000/tcp":[{"HostPort":"5000"}]}}}"""),
        ("clusteronly", """{"ExposedPorts":{"4000/tcp":{}},"k8s-experimental":{"serviceOptions":{"type":"ClusterIP"}}}"""),
        ("fine", """{"ExposedPorts":{"8080/tcp":{}},"HostConfig":{"PortBindings":{"8080/tcp":[{"HostPort":"8080"}]}}}"""));

    [Fact]
    public void BindingsWithoutHostPortAndPortsOnlyExposedAreReported()
    {
        var findings = Check(Modules(), "N1");

        Assert.Equal(new[]
        {
            "N1 Warning nohost HostConfig.PortBindings['80/tcp'][0] fixable",
            "N1 Warning nohost HostConfig.PortBindings['81/tcp'][0] fixable",
            "N1 Warning nohost HostConfig.PortBindings['82/udp'] fixable",
            "N1 Error nohost HostConfig.PortBindings['83/tcp'] fixable",
            "N1 Warning exposed ExposedPorts['4000/tcp'] manual",
        }, Summary(findings));
        // Docker publishes a bound port only if it is exposed; 80/tcp is not in ExposedPorts, so only the image can expose it.
        Assert.Contains("Docker publishes the port on a random host port if the image exposes it (Docker ignores the bindings of a port that neither ExposedPorts nor the image's EXPOSE names), but the GPU device's agent skips it", findings[0].Message);
        // With no binding at all Docker publishes nothing (only PublishAllPorts would); binding it exposes it outside the device.
        Assert.All(new[] { findings[2], findings[3] }, finding =>
        {
            Assert.Contains("Docker publishes the port on no host port", finding.Message);
            Assert.DoesNotContain("random host port", finding.Message);
            Assert.Contains("which Docker did not", finding.Recommendation);
        });
        Assert.Contains("has no binding;", findings[2].Message);
        // Null the agent reads, then its Service mapping throws on it (PortExtensions.GetHostPorts): no module is deployed.
        Assert.Equal("HostConfig.PortBindings['83/tcp'] is null, not an array of bindings; Docker publishes the port on no host port, and the GPU device's agent reads it, then fails on it as it makes the module's Service, so the whole deployment fails.",
            findings[3].Message);
        Assert.Contains("ClusterIP Service (exposedport-4000-tcp)", findings[4].Message);
        // Where the binding goes: PortBindings beside ExposedPorts, at the top level, is read by no agent (K1).
        Assert.Contains("add \"HostConfig\": {\"PortBindings\": {\"4000/tcp\": [{\"HostPort\":\"4000\"}]}};", findings[4].Recommendation);
    }

    [Fact]
    public void ABindingWithoutHostPortOfAPortExposedInCreateOptionsIsPublishedByDocker()
    {
        var manifest = ManifestBuilder.Deployment(
            ("app", """{"ExposedPorts":{"80/tcp":{}},"HostConfig":{"PortBindings":{"80/tcp":[{"HostIp":"0.0.0.0"}]}}}"""));

        var finding = Assert.Single(Check(manifest, "N1"));

        Assert.Contains("Docker publishes the port on a random host port, but the GPU device's agent skips it", finding.Message);
    }

    [Fact]
    public void AHostPortATemplateFillsInIsNeitherMissingNorReplaced()
    {
        // A bare ${PORT} is a port once the template is expanded: the fix must not overwrite it with the container port.
        var manifest = ManifestBuilder.Deployment(("app", """{"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":${PORT}}]}}}"""));

        Assert.Empty(Check(manifest, "N1"));
        Assert.Equal("""{"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":${PORT}}]}}}""", OptionsText(Convert(manifest, "N1").Manifest, "app"));
    }

    [Fact]
    public void FixBindsTheContainerPortsOwnNumber()
    {
        var result = Convert(Modules(), "N1");

        Assert.Equal(
            """{"HostConfig":{"PortBindings":{"80/tcp":[{"HostIp":"0.0.0.0","HostPort":"80"}],"81/tcp":[{"HostPort":"81"}],"82/udp":[{"HostPort":"82"}],"83/tcp":[{"HostPort":"83"}],"84/tcp":[{"HostPort":"84"}]}}}""",
            OptionsText(result.Manifest, "nohost"));
        Assert.Equal(new[]
        {
            "N1 nohost HostConfig.PortBindings['80/tcp'][0].HostPort: - -> \"80\"",
            "N1 nohost HostConfig.PortBindings['81/tcp'][0].HostPort: \"\" -> \"81\"",
            "N1 nohost HostConfig.PortBindings['82/udp']: [] -> [{\"HostPort\":\"82\"}]",
            "N1 nohost HostConfig.PortBindings['83/tcp']: null -> [{\"HostPort\":\"83\"}]",
        }, Describe(result.Changes));
        AssertIdempotent(result, "N1");
    }

    [Theory]
    [InlineData("${PORT_BINDINGS}")]
    [InlineData("\"<port bindings>\"")]
    public void ExposedPortsAreNotSaidToLackABindingWhereATemplateFillsInTheBindings(string bindings)
    {
        var manifest = ManifestBuilder.Deployment(("web", "{\"ExposedPorts\":{\"80/tcp\":{}},\"HostConfig\":{\"PortBindings\":" + bindings + "}}"));

        Assert.Empty(Check(manifest, "N1"));
    }
}

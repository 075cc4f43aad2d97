using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class PortProtocolRuleTests
{
    [Fact]
    public void APortWithoutAProtocolIsTcpOnBothDevicesAndIsWrittenSo()
    {
        var manifest = ManifestBuilder.Deployment(
            ("web", """{"ExposedPorts":{"80":{},"53/udp":{}},"HostConfig":{"PortBindings":{"80":[{"HostPort":"8080"}],"443/tcp":[{"HostPort":"443"}]}}}"""),
            ("twice", """{"ExposedPorts":{"81":{},"81/TCP":{}}}"""));

        var findings = Check(manifest, "K16");

        Assert.Equal(new[]
        {
            "K16 Information web ExposedPorts['80'] fixable",
            "K16 Information web HostConfig.PortBindings['80'] fixable",
            "K16 Information twice ExposedPorts['81'] manual",
        }, Summary(findings));
        // kubernetes-mode.md, "port key protocol": default TCP.
        Assert.Equal("Port '80' has no protocol: Docker and the device's agent both take it for 80/tcp (agents built before Azure/iotedge PR 2929, of 2020, ignored it).", findings[0].Message);
        // The key beside it is named as written.
        Assert.Equal("Remove it: \"81/TCP\" beside it is the same port.", findings[2].Recommendation);
        Assert.Empty(Check(manifest, "K10"));

        var result = Convert(manifest, "K16");

        Assert.Equal("""{"ExposedPorts":{"80/tcp":{},"53/udp":{}},"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":"8080"}],"443/tcp":[{"HostPort":"443"}]}}}""",
            OptionsText(result.Manifest, "web"));
        Assert.Equal("""{"ExposedPorts":{"81":{},"81/TCP":{}}}""", OptionsText(result.Manifest, "twice"));
        Assert.Equal(new[]
        {
            "K16 web ExposedPorts['80']: \"80\" -> \"80/tcp\"",
            "K16 web HostConfig.PortBindings['80']: \"80\" -> \"80/tcp\"",
        }, Describe(result.Changes));
        AssertIdempotent(result, "K16");
    }

    [Fact]
    public void TwoKeysOfOnePortWithoutAProtocolAreOneFixAndOneRemoval()
    {
        var manifest = ManifestBuilder.Deployment(("web", """{"ExposedPorts":{"80":{},"080":{}}}"""));

        var findings = Check(manifest, "K16");

        Assert.Equal(new[] { "K16 Information web ExposedPorts['80'] fixable", "K16 Information web ExposedPorts['080'] manual" }, Summary(findings));
        Assert.Equal("Remove it: \"80\" beside it is the same port.", findings[1].Recommendation);

        var result = Convert(manifest, "K16");

        Assert.Equal("""{"ExposedPorts":{"80/tcp":{},"080":{}}}""", OptionsText(result.Manifest, "web"));
        Assert.Equal(new[] { "K16 Information web ExposedPorts['080'] manual" }, Summary(Check(result.Manifest, "K16")));
    }

    [Fact]
    public void APortFollowedOnlyBySlashIsTcpToDockerAndTheAgent()
    {
        var manifest = ManifestBuilder.Deployment(("web", """{"ExposedPorts":{"80/":{}},"HostConfig":{"PortBindings":{"80/":[{"HostPort":"8080"}]}}}"""));

        Assert.Equal(new[] { "K16 Information web ExposedPorts['80/'] fixable", "K16 Information web HostConfig.PortBindings['80/'] fixable" },
            Summary(Check(manifest, "K16")));

        var result = Convert(manifest, "K16");

        Assert.Equal("""{"ExposedPorts":{"80/tcp":{}},"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":"8080"}]}}}""", OptionsText(result.Manifest, "web"));
    }
}

using System.Linq;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class MixedProtocolsRuleTests
{
    [Fact]
    public void TcpAndUdpInOneModuleAreReportedAndTheSameNumberIsAnError()
    {
        var manifest = ManifestBuilder.Deployment(
            ("influx", """{"HostConfig":{"PortBindings":{"8086/tcp":[{"HostPort":"8086"}],"8089/udp":[{"HostPort":"8089"}]}}}"""),
            ("dns", """{"HostConfig":{"PortBindings":{"53/tcp":[{"HostPort":"53"}],"53/UDP":[{"HostPort":"53"}]}}}"""),
            ("tcponly", """{"HostConfig":{"PortBindings":{"80":[{"HostPort":"80"}],"443/tcp":[{"HostPort":"443"}]}}}"""));

        var findings = Check(manifest, "N4");

        Assert.Equal(new[]
        {
            "N4 Warning influx HostConfig.PortBindings manual",
            "N4 Error dns HostConfig.PortBindings manual",
        }, Summary(findings));
        Assert.Contains("(TCP 8086; UDP 8089)", findings[0].Message);
        Assert.Contains("port 53 keeps only its last protocol", findings[1].Message);
    }

    [Fact]
    public void OneProcessServingBothIsToldOfAClusterIpServiceWhichMayMixProtocols()
    {
        // influxdb listens on TCP 8086 and UDP 8089 in one process: moving a port to another module is no advice for it.
        const string Influx = """{"HostConfig":{"PortBindings":{"8086/tcp":[{"HostPort":"8086"}],"8089/udp":[{"HostPort":"8089"}]}}}""";
        var finding = Assert.Single(Check(ManifestBuilder.Deployment(("influx", Influx)), "N4"));

        Assert.Contains("make the Service ClusterIP, which may mix protocols (\"k8s-experimental\": {\"serviceOptions\": {\"type\": \"ClusterIP\"}})", finding.Recommendation);
        // Followed: no Warning; ports of one number still collide in the Service, which is keyed by number.
        var clusterIp = ""","k8s-experimental":{"serviceOptions":{"type":"ClusterIP"}}}""";
        Assert.Empty(Check(ManifestBuilder.Deployment(("influx", Influx.Substring(0, Influx.Length - 1) + clusterIp)), "N4"));
        var dns = """{"HostConfig":{"PortBindings":{"53/tcp":[{"HostPort":"53"}],"53/udp":[{"HostPort":"53"}]}}""" + clusterIp;
        Assert.Equal("N4 Error dns HostConfig.PortBindings manual", Summary(Assert.Single(Check(ManifestBuilder.Deployment(("dns", dns)), "N4"))));
    }

    [Fact]
    public void ExposedPortsOfOneNumberOverTwoProtocolsKeepOnlyTheLastAsThePreviewShows()
    {
        const string Options = """{"ExposedPorts":{"80":{},"53/udp":{},"80/udp":{},"53/UDP":{},"81/tcp":{}}}""";
        var manifest = ManifestBuilder.Deployment(("web", Options));

        var finding = Assert.Single(Check(manifest, "N4"));

        // "80" is TCP; "53/udp" and "53/UDP" are one port written twice (K10's), not two protocols.
        Assert.Equal("N4 Error web ExposedPorts['80'] manual", Summary(finding));
        Assert.Equal("Port 80 is exposed over TCP and UDP (ExposedPorts['80/udp']); the device keys Service ports by number, so the module's Service keeps only 80/udp, and 80/tcp cannot be reached through it.", finding.Message);
        var preview = EdgeMigration.Core.Kubernetes.KubernetesRenderer.Render(manifest).Modules.Single(m => m.ModuleName == "web");
        Assert.Contains(preview.Dropped, d => d.Location == finding.Location && d.Effect == EdgeMigration.Core.Kubernetes.DropEffect.Ignored);
    }
}

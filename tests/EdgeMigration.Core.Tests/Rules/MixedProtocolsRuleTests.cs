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
}

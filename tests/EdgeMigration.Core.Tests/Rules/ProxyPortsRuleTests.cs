using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class ProxyPortsRuleTests
{
    [Fact]
    public void ModulesListeningOnTheProxysPortsAreErrorsAndHostPortsWarnings()
    {
        var manifest = ManifestBuilder.Deployment(
            ("listens", """{"ExposedPorts":{"35000/tcp":{}},"HostConfig":{"PortBindings":{"35000/tcp":[{"HostPort":"8080"}],"35001/udp":[{"HostPort":"9090"}]}}}"""),
            ("maps", """{"HostConfig":{"PortBindings":{"8080/tcp":[{"HostPort":"35001"}]}}}"""),
            ("fine", """{"HostConfig":{"PortBindings":{"3500/tcp":[{"HostPort":"3500"}]}}}"""));

        var findings = Check(manifest, "P3");

        Assert.Equal(new[]
        {
            "P3 Error listens ExposedPorts['35000/tcp'] manual",
            "P3 Information listens HostConfig.PortBindings['35001/udp'] manual",
            "P3 Warning maps HostConfig.PortBindings['8080/tcp'][0] manual",
        }, Summary(findings));
        Assert.Contains("IoT Edge proxy sidecar", findings[0].Message);
        Assert.Contains("TCP only", findings[1].Message);
        Assert.Equal("https://learn.microsoft.com/azure/databox-online/azure-stack-edge-gpu-modify-fpga-modules-gpu#web-proxy", findings[0].HelpUri);
    }

    [Fact]
    public void UdpOnAProxyPortIsInformationAndItsTcpTwinStillAnError()
    {
        var manifest = ManifestBuilder.Deployment(
            ("udp", """{"ExposedPorts":{"35000/udp":{}}}"""),
            ("both", """{"ExposedPorts":{"35000/udp":{},"35000/tcp":{}}}"""));

        Assert.Equal(new[]
        {
            "P3 Information udp ExposedPorts['35000/udp'] manual",
            "P3 Information both ExposedPorts['35000/udp'] manual",
            "P3 Error both ExposedPorts['35000/tcp'] manual",
        }, Summary(Check(manifest, "P3")));
    }

    [Fact]
    public void APortWithoutAProtocolIsItsTcpTwinReportedOnce()
    {
        // Docker takes "35000" for 35000/tcp (K16 reports the missing protocol): one port, one finding.
        var manifest = ManifestBuilder.Deployment(
            ("both", """{"ExposedPorts":{"35000":{}},"HostConfig":{"PortBindings":{"35000/tcp":[{"HostPort":"8080"}]}}}"""));

        Assert.Equal(new[] { "P3 Error both ExposedPorts['35000'] manual" }, Summary(Check(manifest, "P3")));
    }
}

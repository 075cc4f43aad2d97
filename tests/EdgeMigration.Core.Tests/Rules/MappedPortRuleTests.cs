using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class MappedPortRuleTests
{
    [Fact]
    public void AHostPortOtherThanTheContainerPortIsWhereOtherModulesConnect()
    {
        var manifest = ManifestBuilder.Deployment(
            ("Web_Server", """{"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":"8080"}],"443/tcp":[{"HostPort":"443"}]}}}"""),
            ("same", """{"HostConfig":{"PortBindings":{"5000/tcp":[{"HostPort":"5000"}]}}}"""));

        var finding = Assert.Single(Check(manifest, "N2"));

        Assert.Equal("N2 Warning Web_Server HostConfig.PortBindings['80/tcp'][0] manual", Summary(finding));
        Assert.Contains("other modules reach it at 'webserver:8080'", finding.Message);
        Assert.Contains("not at port 80", finding.Message);
        Assert.Equal("https://learn.microsoft.com/azure/databox-online/azure-stack-edge-gpu-modify-fpga-modules-gpu#network", finding.HelpUri);
    }

    [Fact]
    public void APortAlsoExposedIsReachedAtItsOwnNumberToo()
    {
        // QA: a port bound to another HostPort and also exposed gets two Service ports, exposedport-5671-tcp (5671) and
        // hostport-5671-tcp (15671), both to container port 5671: modules reach it at 5671 as on Docker, and N2 said not.
        var manifest = ManifestBuilder.Deployment(
            ("broker", """{"ExposedPorts":{"5671/tcp":{}},"HostConfig":{"PortBindings":{"5671/tcp":[{"HostPort":"15671"}]}}}"""),
            ("web", """{"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":"8080"}]}}}"""));

        var finding = Assert.Single(Check(manifest, "N2"));

        Assert.Equal("web", finding.ModuleName);
        Assert.Equal("Make the modules that call it use port 8080; or bind it to HostPort 80 instead, or also expose it (\"ExposedPorts\": {\"80/tcp\": {}}, which keeps HostPort 8080 too), so that both devices agree.",
            finding.Recommendation);
    }

    [Fact]
    public void APlaceholderModuleIsReachedAtThePlaceholderNotAtItsSanitizedText()
    {
        var manifest = ManifestBuilder.Deployment(("__MODULE_NAME", """{"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":"8080"}]}}}"""));

        Assert.Contains("other modules reach it at '__MODULE_NAME:8080'", Assert.Single(Check(manifest, "N2")).Message);
    }
}

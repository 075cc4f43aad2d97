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
    public void APlaceholderModuleIsReachedAtThePlaceholderNotAtItsSanitizedText()
    {
        var manifest = ManifestBuilder.Deployment(("__MODULE_NAME", """{"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":"8080"}]}}}"""));

        Assert.Contains("other modules reach it at '__MODULE_NAME:8080'", Assert.Single(Check(manifest, "N2")).Message);
    }
}

using System.Linq;
using EdgeMigration.Core.Rules;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class PortSettingsRuleTests
{
    [Fact]
    public void PortsTheAgentSkipsOrRefusesAreReported()
    {
        var manifest = ManifestBuilder.Deployment(
            ("ports", """{"ExposedPorts":{"http":{}},"HostConfig":{"PortBindings":{"8000-8010/tcp":[{"HostPort":"8000-8010"}],"80/tcp":[{"HostPort":"eighty"}],"81/tcp":[{"HostPort":"0"}],"82/tcp":[{"HostPort":"8082"},{"HostPort":"9082"}],"83/tcp":[{"HostIp":"127.0.0.1","HostPort":"83"}],"84/tcp":[{"HostPort":84}]}}}"""),
            ("shapes", """{"HostConfig":{"PortBindings":{"80/tcp":{"HostPort":"80"},"81/tcp":["81"]}}}"""),
            ("notobject", """{"HostConfig":{"PortBindings":["80:80"]}}"""));

        var findings = Check(manifest, "K10");

        Assert.Equal(new[]
        {
            "K10 Warning ports ExposedPorts.http manual",
            "K10 Warning ports HostConfig.PortBindings['8000-8010/tcp'] manual",
            "K10 Warning ports HostConfig.PortBindings['8000-8010/tcp'][0] manual",
            "K10 Warning ports HostConfig.PortBindings['80/tcp'][0] manual",
            "K10 Error ports HostConfig.PortBindings['81/tcp'][0] manual",
            "K10 Error ports HostConfig.PortBindings['82/tcp'] manual",
            "K10 Information ports HostConfig.PortBindings['83/tcp'][0] manual",
            "K10 Error shapes HostConfig.PortBindings['80/tcp'] manual",
            "K10 Error shapes HostConfig.PortBindings['81/tcp'][0] manual",
            "K10 Error notobject HostConfig.PortBindings manual",
        }, Summary(findings));
        Assert.Contains("HostPort 'eighty' is not a whole number", findings[3].Message);
        Assert.Contains("hostport-82-tcp", findings[5].Message);
        Assert.Contains("loadBalancerIP", findings[6].Recommendation);
    }

    [Fact]
    public void ANullBindingStopsTheWholeDeployment()
    {
        // Json.NET reads it, then the agent's Service mapping throws on it (PortExtensions.GetHostPorts), before it applies anything.
        var manifest = ManifestBuilder.Deployment(("ports", """{"HostConfig":{"PortBindings":{"80/tcp":[null],"81/xyz":[null]}}}"""));

        var findings = Check(manifest, "K10").Where(f => f.Severity == EdgeMigration.Core.Rules.Severity.Error).ToList();

        Assert.Equal(new[] { "K10 Error ports HostConfig.PortBindings['80/tcp'][0] manual" }, Summary(findings));
        Assert.Equal("HostConfig.PortBindings['80/tcp'][0] is null, not a binding object; the GPU device's agent reads it, then fails on it as it makes the module's Service, so the whole deployment fails.",
            findings[0].Message);
    }

    [Fact]
    public void KeysOfOnePortInTwoCasesBoundToTwoHostPortsAreRefused()
    {
        // PortAndProtocol.Parse reads the protocol in any case: "80/TCP" and "80/tcp" are one container port, and the
        // agent names both Service ports hostport-80-tcp. Bound to one HostPort, they are one Service port.
        var manifest = ManifestBuilder.Deployment(
            ("web", """{"ExposedPorts":{"80/tcp":{}},"HostConfig":{"PortBindings":{"80/TCP":[{"HostPort":"8080"}],"81/tcp":[{"HostPort":"81"}],"80/tcp":[{"HostPort":"8081"}]}}}"""),
            ("same", """{"HostConfig":{"PortBindings":{"80/TCP":[{"HostPort":"8080"}],"80/tcp":[{"HostPort":"8080"}]}}}"""));

        var findings = Check(manifest, "K10");

        Assert.Equal(new[] { "K10 Error web HostConfig.PortBindings['80/tcp'] manual" }, Summary(findings));
        Assert.Equal("Port keys '80/TCP' and '80/tcp' are one container port, 80/tcp, to the device's agent, which reads the protocol in any case; bound to HostPorts 8080, 8081, it gives the Service two ports named hostport-80-tcp, and Kubernetes refuses two ports of the same name; the agent applies every module's Service before any Deployment and stops at a refused one, so the whole deployment fails.",
            findings[0].Message);
        Assert.Equal("Write the port once, as \"80/tcp\", bound to one HostPort.", findings[0].Recommendation);
    }

    [Fact]
    public void KeysWhoseNumberIsNoPortAreRefused()
    {
        // The agent's PortAndProtocol.Parse reads any int: Kubernetes refuses the container port, Service port or target port.
        var manifest = ManifestBuilder.Deployment(
            ("web", """{"ExposedPorts":{"0/tcp":{},"65536/udp":{}},"HostConfig":{"PortBindings":{"70000/tcp":[{"HostPort":"7000"}],"0/tcp":[{"HostPort":"7001"}]}}}"""));

        var findings = Check(manifest, "K10");

        Assert.Equal(new[]
        {
            "K10 Error web ExposedPorts['0/tcp'] manual",
            "K10 Error web ExposedPorts['65536/udp'] manual",
            "K10 Error web HostConfig.PortBindings['70000/tcp'] manual",
        }, Summary(findings));
        Assert.Equal(
            "Port '70000/tcp' is not a port from 1 to 65535; the device's agent passes 70000 on as the target port of the module's Service, and the Kubernetes API server refuses the Service (\"must be between 1 and 65535, inclusive\"); the agent applies every module's Service before any Deployment and stops at a refused one, so the whole deployment fails.",
            findings[2].Message);
        Assert.Equal("Give a port from 1 to 65535, such as \"8080/tcp\".", findings[2].Recommendation);
    }

    [Fact]
    public void UsualBindingsPass()
    {
        Assert.Empty(Check(ManifestBuilder.Deployment(("web", """{"ExposedPorts":{"80/tcp":{}},"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":"8080","HostIp":"0.0.0.0"}],"53/udp":[{"HostPort":"53"}]}}}""")), "K10"));
    }

    [Fact]
    public void AHostPortIsReadAsTheAgentReadsIt()
    {
        // The agent reads HostPort with int.TryParse: blanks around the number and a sign are fine, a fraction is not.
        var manifest = ManifestBuilder.Deployment(
            ("padded", """{"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":" 8080 "}],"81/tcp":[{"HostPort":"+9696"}],"82/tcp":[{"HostPort":"8082.0"}],"83/tcp":[{"HostPort":"-83"}]}}}"""));

        Assert.Equal(new[]
        {
            "K10 Warning padded HostConfig.PortBindings['82/tcp'][0] manual",
            "K10 Error padded HostConfig.PortBindings['83/tcp'][0] manual",
        }, Summary(Check(manifest, "K10")));
        var bindings = Core.Rules.Network.ModulePorts.Bindings(manifest.FindModule("padded")!);
        Assert.Equal(new int?[] { 8080, 9696, null, null }, bindings.Select(b => b.Bindings[0].HostPort));
    }

    /// <summary>
    /// The advice on a key the agent ignores names the port the key starts with: followed, the binding keeps the port the
    /// user meant (an example port, 8080, beside HostPort 8000 made a new N2 Warning).
    /// </summary>
    [Fact]
    public void TheAdviceOnAnIgnoredKeyKeepsItsPort()
    {
        var manifest = ManifestBuilder.Deployment(("range", """{"HostConfig":{"PortBindings":{"8000-8001/tcp":[{"HostPort":"8000"}]}}}"""));
        var followed = ManifestBuilder.Deployment(("range", """{"HostConfig":{"PortBindings":{"8000/tcp":[{"HostPort":"8000"}]}}}"""));

        var finding = Assert.Single(Check(manifest, "K10"));

        Assert.Equal("Write it as \"8000/tcp\" (or \"8000/udp\"); give each port of a range its own key.", finding.Recommendation);
        Assert.DoesNotContain(RuleEngine.Check(followed), f => f.ModuleName == "range" && f.RuleId is "K10" or "N2");
    }

    [Fact]
    public void APortKeyIsReadAsTheAgentReadsIt()
    {
        // The agent reads the port with int.TryParse, which takes blanks around it, but looks the protocol up as written:
        // "81/tcp " is ignored. " 82" is 82/tcp to the agent; Docker refused a port with blanks, so it is not K16's.
        var manifest = ManifestBuilder.Deployment(
            ("padded", """{"ExposedPorts":{" 80/tcp":{},"81/tcp ":{}," 82":{}},"HostConfig":{"PortBindings":{" 80/tcp":[{"HostPort":"8080"}]}}}"""));

        var findings = Check(manifest, "K10");

        Assert.Equal(new[] { "K10 Warning padded ExposedPorts['81/tcp '] manual" }, Summary(findings));
        Assert.Contains("Port '81/tcp ' is ignored by the device's agent", findings[0].Message);
        Assert.Empty(Check(manifest, "K16"));
        var module = manifest.FindModule("padded")!;
        Assert.Equal(new[] { "80/tcp", "/", "82/tcp" }, Core.Rules.Network.ModulePorts.Exposed(module).Select(p => p.Key.Name));
        Assert.Equal("80/tcp", Core.Rules.Network.ModulePorts.Bindings(module)[0].Key.Name);
    }

    [Fact]
    public void TemplatePlaceholdersAreJudgedOnceExpanded()
    {
        var manifest = ManifestBuilder.Deployment(
            ("template", """{"ExposedPorts":{"${PORT}/tcp":{}},"HostConfig":{"PortBindings":{"${PORT}/tcp":[{"HostPort":"${HOST_PORT}"}],"80/tcp":[{"HostPort":"$WEB_PORT"}]}}}"""));

        Assert.Empty(Check(manifest, "K10"));
    }
}

using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using Xunit;
using static EdgeMigration.Tests.Kubernetes.RenderKit;

namespace EdgeMigration.Tests.Kubernetes;

/// <summary>
/// Modules the device deploys whose pods do not start, with the findings Test-EdgeModuleCompatibility gives for them:
/// a bind of a file (S4), a second module on the host network (N3), an FPGA (R1), the proxy sidecar's ports (P3).
/// </summary>
public class RenderStartTests
{
    [Fact]
    public void ABindOfAFileDeploysButDoesNotStartAsS4Says()
    {
        var manifest = ManifestBuilder.Deployment((Module, """
            {"HostConfig":{"Binds":["/data:/data","/etc/localtime:/etc/localtime:ro","/opt/app.d:/etc/app.d"],
              "Mounts":[{"Type":"bind","Source":"/srv/app/config.json","Target":"/app/config.json"}]}}
            """));

        var module = RenderModule(manifest);

        // The device deploys the file as a hostPath directory; '/opt/app.d' is only possibly a file, a warning of the check.
        Assert.False(module.Fails);
        Assert.False(module.Starts);
        Assert.Contains("etclocaltime", Compact(PodSpec(module)["volumes"]));
        Assert.Equal(new[] { "S4 HostConfig.Binds[1]", "S4 HostConfig.Mounts[0]" }, module.StartProblems.Select(f => f.RuleId + " " + f.Location));
        Assert.Equal(ErrorsOf(manifest, "S4"), module.StartProblems);
        Assert.Contains("the pod does not start", module.StartProblems[0].Message);
    }

    [Fact]
    public void OnlyOneModuleOnTheHostNetworkStartsAsN3Says()
    {
        const string Host = """{"HostConfig":{"NetworkMode":"host"}}""";
        var manifest = ManifestBuilder.Deployment(("first", Host), ("second", Host), ("other", "{}"));

        var modules = KubernetesRenderer.Render(manifest).Modules.Where(m => m.Resources.Count > 0).ToDictionary(m => m.ModuleName, m => m);
        var alone = KubernetesRenderer.Render(ManifestBuilder.Deployment(("first", Host), ("other", "{}"))).Modules.Single(m => m.ModuleName == "first");

        Assert.Equal(new[] { "edgeHub", "other" }, modules.Values.Where(m => m.Starts).Select(m => m.ModuleName));
        Assert.Equal(ErrorsOf(manifest, "N3"), modules["first"].StartProblems.Concat(modules["second"].StartProblems));
        Assert.Contains("as 'second' does", Assert.Single(modules["first"].StartProblems).Message);
        Assert.False(modules["first"].Fails);
        Assert.True(alone.Starts);
    }

    [Fact]
    public void AStoppedOrRefusedModuleOnTheHostNetworkKeepsNoOtherFromStarting()
    {
        const string Host = """{"HostConfig":{"NetworkMode":"host"}}""";
        var stopped = ManifestBuilder.Deployment(("first", Host), ("spare", Host));
        stopped.FindModule("spare")!.Definition.Set("status", JValue.String("stopped"));
        // The device refuses 'refused' (an env name with ':'), so no pod of it holds the node's ports; the check still
        // reports both, as the user may fix the name. What keeps 'first' from starting is the refusal itself (K19).
        var refused = ManifestBuilder.Deployment(("first", Host, null), ("refused", Host, """{"A:B":{"value":"1"}}"""));

        var withStopped = KubernetesRenderer.Render(stopped).Modules;
        var withRefused = KubernetesRenderer.Render(refused).Modules;

        Assert.All(withStopped, m => Assert.True(m.Starts, m.ModuleName));
        Assert.Empty(ErrorsOf(stopped, "N3"));
        Assert.Equal(new[] { "K19" }, withRefused.Single(m => m.ModuleName == "first").StartProblems.Select(f => f.RuleId));
        Assert.True(withRefused.Single(m => m.ModuleName == "refused").Fails);
        // Once its env name is fixed, 'refused' conflicts with 'first', as the check says.
        Assert.Equal(ErrorsOf(refused, "N3").Where(f => f.ModuleName == "refused"), withRefused.Single(m => m.ModuleName == "refused").StartProblems);
        Assert.Equal(2, ErrorsOf(refused, "N3").Length);
    }

    [Fact]
    public void AnFpgaKeepsThePodPendingAndGpuRequestsUnequalToLimitsAreToldOnceAsRefused()
    {
        var fpga = Render("""{"k8s-experimental":{"resources":{"limits":{"microsoft.com/fpga_catapult":1}}}}""");
        var unequal = Render("""{"k8s-experimental":{"resources":{"limits":{"nvidia.com/gpu":1},"requests":{"nvidia.com/gpu":2}}}}""");

        Assert.False(fpga.Fails);
        Assert.Contains("the pod stays Pending", Assert.Single(fpga.StartProblems, f => f.RuleId == "R1").Message);
        Assert.True(unequal.Fails);
        Assert.Empty(unequal.StartProblems);
        Assert.False(unequal.Starts);
    }

    [Fact]
    public void AModuleListeningOnTheProxySidecarsPortDoesNotStartAHostPortThereDoes()
    {
        var listening = Render("""{"ExposedPorts":{"35000/tcp":{}}}""");
        var hostPort = Render("""{"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":"35001"}]}}}""");
        var udp = Render("""{"ExposedPorts":{"35000/udp":{}}}""");

        Assert.Equal("P3", Assert.Single(listening.StartProblems).RuleId);
        Assert.True(hostPort.Starts);
        // The sidecar listens on TCP only.
        Assert.True(udp.Starts);
    }

    [Fact]
    public void AWebProxyWithoutNoProxyAndTheManifestsEdgeAgentAreLeftToTheCheck()
    {
        // P2: whether the runtime's calls go through the proxy depends on the module's HTTP client. edgeAgent: the device runs its own.
        var proxied = Render("{}", env: """{"https_proxy":{"value":"http://proxy:3128"}}""");
        var manifest = ManifestBuilder.Deployment((Module, "{}"));
        manifest.FindModule("edgeAgent")!.Settings!.Set("createOptions", JValue.String("""{"HostConfig":{"Binds":["/var/run/docker.sock:/var/run/docker.sock"]}}"""));
        var agent = KubernetesRenderer.Render(ManifestDocument.Parse(manifest.ToJson())).Modules.Single(m => m.ModuleName == "edgeAgent");

        Assert.True(proxied.Starts);
        Assert.Empty(agent.StartProblems);
    }

    [Fact]
    public void TheYamlSaysWhyADeployedModuleDoesNotStart()
    {
        var yaml = KubernetesYaml.Write(KubernetesRenderer.Render(ManifestBuilder.Deployment((Module, """{"HostConfig":{"Binds":["/etc/localtime:/etc/localtime:ro"]}}"""))));

        Assert.Contains("# Module 'm' runs as 'm': deployed, but DOES NOT START, see below.\n#   DOES NOT START (rule S4): HostConfig.Binds[0] mounts '/etc/localtime' at '/etc/localtime'", yaml);
        Assert.Contains("# Module 'edgeHub' runs as 'edgehub'.\n", yaml);
    }

    private static ModuleRendering RenderModule(ManifestDocument manifest) => KubernetesRenderer.Render(manifest).Modules.Single(m => m.ModuleName == Module);

    /// <summary>The check's Error findings of one rule, as Test-EdgeModuleCompatibility reports them.</summary>
    private static Finding[] ErrorsOf(ManifestDocument manifest, string ruleId) =>
        RuleEngine.Check(manifest).Where(f => f.RuleId == ruleId && f.Severity == Severity.Error).ToArray();
}

using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class StoppedDeploymentRuleTests
{
    /// <summary>One module for each kind of setting for which the device's agent stops the whole deployment, one healthy and one stopped.</summary>
    private static ManifestDocument EveryStop()
    {
        var manifest = ManifestBuilder.Deployment(
            ("ok", "{}", null),
            ("json", "{\"HostConfig\":", null),
            ("binds", """{"HostConfig":{"Binds":"/data:/data"}}""", null),
            ("mounts", """{"HostConfig":{"Mounts":[{"Type":"bind","Target":"/data"}]}}""", null),
            ("hostport", """{"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":"70000"}]}}}""", null),
            ("cmd", """{"Cmd":"run me"}""", null),
            ("label", """{"Labels":{"---":"x"}}""", null),
            ("volume", """{"HostConfig":{"Binds":["/a-path-whose-name-is-far-longer-than-the-sixty-three-characters-a-label-has:/data"]}}""", null),
            ("limits", """{"k8s-experimental":{"resources":{"limits":{"memory":["lots"]}}}}""", null),
            ("idle", "{}", null));
        manifest.FindModule("idle")!.Definition.Set("status", JValue.String("stopped"));
        return manifest;
    }

    [Fact]
    public void TheModulesThatStopTheDeploymentAreThoseThePreviewStopsItFor() =>
        Assert.Equal(new[] { "json", "binds", "mounts", "hostport", "cmd", "label", "volume", "limits" }, AssertStoppedAsThePreviewStops(EveryStop()));

    [Fact]
    public void AModuleWhoseImagesPullSecretCannotBeNamedStopsTheDeploymentAsThePreviewSays()
    {
        // The agent names each module's pull secret after its registry's credential (rule K8); one it cannot name stops it all.
        var manifest = ManifestBuilder.Deployment(("ok", "{}"), ("pulled", "{}"));
        ((JObject)manifest.EdgeAgentDesired!["runtime"]!).ObjectOf("settings")!.Set("registryCredentials",
            JDocument.Parse("""{"acr": {"username": "u", "password": "p", "address": "10.0.0.4:5000"}}""").Root);
        manifest.FindModule("pulled")!.Settings!.Set("image", JValue.String("10.0.0.4:5000/pulled:1"));
        manifest = ManifestDocument.Parse(manifest.ToJson());

        Assert.Equal(new[] { "pulled" }, AssertStoppedAsThePreviewStops(manifest));
    }

    [Theory]
    [MemberData(nameof(TestPaths.CorpusManifests), MemberType = typeof(TestPaths))]
    public void OnTheCorpusTheModulesThatStopTheDeploymentAreThoseThePreviewStopsItFor(string file) =>
        AssertStoppedAsThePreviewStops(ManifestDocument.Load(TestPaths.CorpusFile(file)));

    [Fact]
    public void EveryModuleThatRunsIsToldTheDeploymentStopsAndWhy()
    {
        var findings = Check(EveryStop(), "K21");

        // edgeHub and every module with a pod; not the stopped one, nor edgeAgent (the device's own).
        Assert.Equal(new[] { "edgeHub", "ok", "json", "binds", "mounts", "hostport", "cmd", "label", "volume", "limits" }, findings.Select(f => f.ModuleName));
        Assert.All(findings, f => Assert.Equal((Severity.Error, Certainty.Certain, false, ""), (f.Severity, f.Certainty, f.IsFixable, f.Location)));
        var ok = findings.Single(f => f.ModuleName == "ok");
        Assert.Equal(
            "The device's agent stops the whole deployment for 8 modules ('json', 'binds', 'mounts' and 5 more; rules K4, S1, K9, K10, O3, K14, K13 and K3) before it deploys any module: none of its modules is deployed.",
            ok.Message);
        Assert.Equal("Fix what rules K4, S1, K9, K10, O3, K14, K13 and K3 report for those 8 modules; then the agent deploys the modules.", ok.Recommendation);
        Assert.EndsWith(".modules.ok", ok.ManifestPath);
    }

    [Fact]
    public void OneStopIsNamedAloneTheModuleThatStopsItHasNoFindingOfItAndNoDeploymentIsCalledRefused()
    {
        // The agent never reaches the Deployments: K19's refused one (K17) is no reason the ServiceAccounts are missing.
        var manifest = ManifestBuilder.Deployment(("ok", "{}"), ("cmd", """{"Cmd":"run me"}"""), ("strategy", """{"k8s-experimental":{"strategy":{"type":"recreate"}}}"""));

        var findings = Check(manifest, "K21");

        Assert.Equal(new[] { "edgeHub", "ok", "strategy" }, findings.Select(f => f.ModuleName));
        Assert.Equal(
            "The device's agent stops the whole deployment for module 'cmd' (rule O3) before it deploys any module: none of its modules is deployed.",
            findings[1].Message);
        Assert.Equal("Fix what rule O3 reports for 'cmd'; then the agent deploys the modules.", findings[1].Recommendation);
        Assert.Empty(Check(manifest, "K19"));
        Assert.Contains(Check(ManifestBuilder.Deployment(("ok", "{}"), ("strategy", """{"k8s-experimental":{"strategy":{"type":"recreate"}}}""")), "K19"),
            f => f.ModuleName == "ok");
    }

    [Fact]
    public void AFewModulesThatStopItAreEachNamedWithTheirRules()
    {
        var manifest = ManifestBuilder.Deployment(("ok", "{}"), ("cmd", """{"Cmd":"run me","Entrypoint":"go"}"""), ("json", "nope"));

        var findings = Check(manifest, "K21");

        Assert.StartsWith("The device's agent stops the whole deployment for modules 'cmd' (rule O3) and 'json' (rule K4) before", findings.Single(f => f.ModuleName == "ok").Message);
        // A module that stops it is told of the others.
        Assert.StartsWith("The device's agent stops the whole deployment for module 'json' (rule K4) before", findings.Single(f => f.ModuleName == "cmd").Message);
    }

    [Fact]
    public void ALayersStopIsAlsoTheBaseDeploymentsOne()
    {
        var layer = ManifestDocument.Parse("""
            {"content": {"modulesContent": {"$edgeAgent": {
              "properties.desired.modules.cmd": {"type": "docker", "settings": {"image": "c:1", "createOptions": "{\"Cmd\":\"run me\"}"}}
            }}}}
            """);

        var finding = Assert.Single(Check(layer, "K21"));

        Assert.Null(finding.ModuleName);
        Assert.Equal(
            "The device's agent stops the whole deployment for module 'cmd' (rule O3) before it deploys any module: none of the modules of this layer, of the base deployment or of the other layers for the same devices, which IoT Hub merges with it, is deployed.",
            finding.Message);
        Assert.Equal("Fix what rule O3 reports for 'cmd'; then the agent deploys the modules.", finding.Recommendation);
    }

    [Fact]
    public void NothingStoppedIsNoFindingAndAConversionThatFixesTheStopLeavesNone()
    {
        var fixable = ManifestBuilder.Deployment(("ok", "{}"), ("cmd", """{"Cmd":"run me"}"""));

        Assert.Empty(Check(ManifestBuilder.Deployment(("ok", "{}"), ("other", """{"Env":["A__B=1"]}""")), "K21"));
        Assert.Contains(RuleEngine.Check(fixable), f => f.RuleId == "K21");
        Assert.DoesNotContain(ManifestConverter.Convert(fixable).RemainingFindings, f => f.RuleId == "K21");
        Assert.Equal(new[] { "edgeHub", "ok" }, ManifestConverter.Convert(EveryStop()).RemainingFindings.Where(f => f.RuleId == "K21" && f.ModuleName is "edgeHub" or "ok").Select(f => f.ModuleName));
    }

    [Fact]
    public void AloneOrInAFullCheckTheRuleSaysTheSame()
    {
        var manifest = EveryStop();

        Assert.Equal(Check(manifest, "K21"), RuleEngine.Check(manifest).Where(f => f.RuleId == "K21"));
    }

    /// <summary>The modules the check finds stopping the whole deployment are those the preview stops it for. Returns them.</summary>
    private static string[] AssertStoppedAsThePreviewStops(ManifestDocument manifest)
    {
        var stopping = KubernetesRenderer.Render(manifest).Modules
            .Where(m => m.Dropped.Any(d => d.StopsDeployment)).Select(m => m.ModuleName).ToArray();

        Assert.Equal(stopping, RuleEngine.Check(manifest).Where(f => f.StopsDeployment).Select(f => f.ModuleName!).Distinct());
        return stopping;
    }
}

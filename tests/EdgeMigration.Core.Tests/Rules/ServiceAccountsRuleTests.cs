using System;
using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class ServiceAccountsRuleTests
{
    /// <summary>One module for each rule that finds a Deployment the API server refuses, one healthy and one stopped.</summary>
    private static ManifestDocument EveryRefusal()
    {
        var manifest = ManifestBuilder.Deployment(
            ("ok", "{}", null),
            ("a.b", "{}", null),
            ("env", "{}", """{"1ABC": {"value": "1"}}"""),
            ("requests", """{"k8s-experimental":{"resources":{"limits":{"memory":"1Gi"},"requests":{"memory":"2Gi"}}}}""", null),
            ("volumes", """{"HostConfig":{"Binds":["/data:/a","/data:/b"]}}""", null),
            ("strategy", """{"k8s-experimental":{"strategy":{"type":"recreate"}}}""", null),
            ("paths", """{"HostConfig":{"Binds":["/a:/data","/b:/data"]}}""", null),
            ("idle", "{}", null));
        manifest.FindModule("idle")!.Definition.Set("status", JValue.String("stopped"));
        return manifest;
    }

    [Fact]
    public void EveryModuleThatRunsIsToldWhichDeploymentsAreRefusedAndWhy()
    {
        var findings = Check(EveryRefusal(), "K19");

        // edgeHub and every module with a pod; not the stopped one.
        Assert.Equal(new[] { "edgeHub", "ok", "a.b", "env", "requests", "volumes", "strategy", "paths" }, findings.Select(f => f.ModuleName));
        Assert.All(findings, f => Assert.Equal((Severity.Error, Certainty.Likely, false, ""), (f.Severity, f.Certainty, f.IsFixable, f.Location)));
        var ok = findings.Single(f => f.ModuleName == "ok");
        // Past three, the refused modules are counted: each has findings of its own that name it.
        Assert.Equal(
            "The API server refuses the Deployments of 6 modules ('a.b', 'env', 'requests' and 3 more; rules O2, O4, K12, K13, K17 and K18), and the device's agent stops at the first, before it creates the modules' ServiceAccounts; Kubernetes admits no pod whose ServiceAccount does not exist, so the modules' pods do not start on a device that has not run them before, such as a new GPU device.",
            ok.Message);
        Assert.Equal(
            "Fix what rules O2, O4, K12, K13, K17 and K18 report for those 6 modules; once the API server accepts every Deployment, the agent creates the ServiceAccounts and the modules start.",
            ok.Recommendation);
        Assert.EndsWith(".modules.ok", ok.ManifestPath);
        // A refused module is told of the others only.
        Assert.StartsWith("The API server refuses the Deployments of 5 modules ('a.b', 'requests', 'volumes' and 2 more; rules O2, K12, K13, K17 and K18),",
            findings.Single(f => f.ModuleName == "env").Message);
    }

    [Fact]
    public void AFewRefusedModulesAreEachNamedWithTheirRules()
    {
        var manifest = ManifestBuilder.Deployment(
            ("ok", "{}", null),
            ("env", """{"HostConfig":{"Binds":["/data:/a","/data:/b"]}}""", """{"1ABC": {"value": "1"}}"""),
            ("strategy", """{"k8s-experimental":{"strategy":{"type":"recreate"}}}""", null));

        var ok = Check(manifest, "K19").Single(f => f.ModuleName == "ok");

        Assert.StartsWith("The API server refuses the Deployments of modules 'env' (rules O4 and K13) and 'strategy' (rule K17), and the device's agent stops at the first, before", ok.Message);
        Assert.StartsWith("Fix what rules O4, K13 and K17 report for 'env' and 'strategy';", ok.Recommendation);
    }

    [Fact]
    public void OneRefusalIsNamedAloneAndTheRefusedModuleHasNoFindingOfIt()
    {
        var manifest = ManifestBuilder.Deployment(("ok", "{}"), ("strategy", """{"k8s-experimental":{"strategy":{"type":"recreate"}}}"""));

        var findings = Check(manifest, "K19");

        Assert.Equal(new[] { "edgeHub", "ok" }, findings.Select(f => f.ModuleName));
        Assert.StartsWith("The API server refuses the Deployment of module 'strategy' (rule K17), and the device's agent stops there, before", findings[1].Message);
        Assert.StartsWith("Fix what rule K17 reports for 'strategy';", findings[1].Recommendation);
    }

    [Fact]
    public void NothingRefusedOrTheWholeDeploymentStoppedIsNoFinding()
    {
        // A stop of the whole deployment (K4) comes before any Deployment: the rules that find it say so.
        var stopped = ManifestBuilder.Deployment(("ok", "{}"), ("broken", """{"HostConfig":{"Binds":"/data:/data"}}"""));

        Assert.Empty(Check(ManifestBuilder.Deployment(("ok", "{}"), ("other", """{"Env":["A__B=1"]}""")), "K19"));
        Assert.Empty(Check(stopped, "K19"));
        Assert.Contains(RuleEngine.Check(stopped), f => f.Severity == Severity.Error && f.Message.Contains("refuses the whole deployment"));
    }

    [Fact]
    public void AloneOrInAFullCheckTheRuleSaysTheSame()
    {
        var manifest = EveryRefusal();

        Assert.Equal(Check(manifest, "K19"), RuleEngine.Check(manifest).Where(f => f.RuleId == "K19"));
    }

    [Fact]
    public void ThePreviewDeploysTheOtherModulesButTheyDoNotStartAsTheCheckSays()
    {
        var manifest = EveryRefusal();
        var rendering = KubernetesRenderer.Render(manifest);
        var ok = rendering.Modules.Single(m => m.ModuleName == "ok");

        Assert.False(ok.Fails);
        Assert.False(ok.Starts);
        Assert.Equal(Check(manifest, "K19").Where(f => f.ModuleName == "ok"), ok.StartProblems);
        Assert.True(rendering.Modules.Single(m => m.ModuleName == "idle").Starts);
        // No module's ServiceAccount is created: each is a reference its pod needs, left out of what the agent creates.
        Assert.All(rendering.Modules.SelectMany(m => m.Resources).Where(r => r.Kind == "ServiceAccount"), r => Assert.True(r.IsReference, r.ModuleName));
        Assert.DoesNotContain(rendering.CreatedResources, r => r.Kind == "ServiceAccount");
        Assert.Contains("#   The pod runs as ServiceAccount 'ok', which the agent does not create while a Deployment is refused (rule K19).", KubernetesYaml.Write(rendering));
        // A refused module: what keeps its pod from starting once its own refusal is fixed.
        Assert.Contains(rendering.Modules.Single(m => m.ModuleName == "strategy").StartProblems, f => f.RuleId == "K19");
    }

    [Fact]
    public void WithoutARefusalEveryServiceAccountIsCreated()
    {
        var rendering = KubernetesRenderer.Render(ManifestBuilder.Deployment(("ok", "{}")));

        Assert.Equal(new[] { "edgeHub", "ok" }, rendering.CreatedResources.Where(r => r.Kind == "ServiceAccount").Select(r => r.ModuleName));
    }

    [Fact]
    public void ARefusedModuleWithNoOtherToTellStillKeepsTheServiceAccountsFromBeingCreated()
    {
        // A layer with the refused module and a stopped one: no K19 finding, yet the agent's pass ends all the same (QA finding).
        var manifest = ManifestBuilder.Deployment(("strategy", """{"k8s-experimental":{"strategy":{"type":"recreate"}}}"""), ("idle", "{}"));
        manifest.FindModule("idle")!.Definition.Set("status", JValue.String("stopped"));
        manifest.FindModule("edgeHub")!.Definition.Set("status", JValue.String("stopped"));

        Assert.Empty(Check(manifest, "K19"));
        Assert.DoesNotContain(KubernetesRenderer.Render(manifest).CreatedResources, r => r.Kind == "ServiceAccount");
    }

    /// <summary>
    /// IoT Hub merges a layer with the base deployment for the device: a refusal in the layer keeps the base deployment's
    /// modules from starting too, which the layer's check cannot see. The layer itself says so, also when its only module
    /// is the refused one; a deployment that stands alone does not.
    /// </summary>
    [Fact]
    public void ALayersRefusalIsAlsoTheBaseDeploymentsModulesOne()
    {
        var layer = ManifestDocument.Parse("""
            {"content": {"modulesContent": {"$edgeAgent": {
              "properties.desired.modules.strategy": {"type": "docker", "settings": {"image": "s:1", "createOptions": "{\"k8s-experimental\":{\"strategy\":{\"type\":\"recreate\"}}}"}}
            }}}}
            """);

        var finding = Assert.Single(Check(layer, "K19"));

        Assert.Null(finding.ModuleName);
        Assert.Equal(
            "The API server refuses the Deployment of module 'strategy' (rule K17), and the device's agent stops there, before it creates the modules' ServiceAccounts; Kubernetes admits no pod whose ServiceAccount does not exist, so the modules of the base deployment and of the other layers for the same devices, which IoT Hub merges with this layer, do not start on a device that has not run them before.",
            finding.Message);
        Assert.Equal("Fix what rule K17 reports for 'strategy'; once the API server accepts every Deployment, the agent creates the ServiceAccounts and their modules start.", finding.Recommendation);
        Assert.DoesNotContain(Check(ManifestBuilder.Deployment(("ok", "{}"), ("strategy", """{"k8s-experimental":{"strategy":{"type":"recreate"}}}""")), "K19"), f => f.ModuleName is null);
    }

    [Fact]
    public void AConversionThatFixesTheRefusalsLeavesNoFindingAndOneThatCannotLeavesIt()
    {
        var fixable = ManifestBuilder.Deployment(("ok", "{}"), ("env", """{"Env":["Logging:Level=1"]}"""));
        var unfixable = ManifestBuilder.Deployment(("ok", "{}"), ("strategy", """{"k8s-experimental":{"strategy":{"type":"recreate"}}}"""));

        Assert.Contains(RuleEngine.Check(fixable), f => f.RuleId == "K19");
        Assert.DoesNotContain(ManifestConverter.Convert(fixable).RemainingFindings, f => f.RuleId == "K19");
        Assert.Equal(new[] { "edgeHub", "ok" }, ManifestConverter.Convert(unfixable).RemainingFindings.Where(f => f.RuleId == "K19").Select(f => f.ModuleName));
    }

    [Theory]
    [MemberData(nameof(TestPaths.CorpusManifests), MemberType = typeof(TestPaths))]
    public void OnTheCorpusTheRefusedDeploymentsAreThoseThePreviewFailsModuleByModule(string file) =>
        AssertRefusedAsThePreviewFails(ManifestDocument.Load(TestPaths.CorpusFile(file)));

    [Fact]
    public void TheRefusedDeploymentsAreThoseThePreviewFailsModuleByModule() =>
        Assert.Equal(new[] { "a.b", "env", "requests", "volumes", "strategy", "paths" }, AssertRefusedAsThePreviewFails(EveryRefusal()));

    /// <summary>
    /// The modules whose Deployment the rules find refused are those the preview fails on their own account (not
    /// stopping the whole deployment, nor stopped by another), but for createOptions pieces the runtime cannot join (K5),
    /// which never reach the API server. Returns them.
    /// </summary>
    private static string[] AssertRefusedAsThePreviewFails(ManifestDocument manifest)
    {
        var failing = KubernetesRenderer.Render(manifest).Modules
            .Where(m => m.Dropped.Any(d => d is { Effect: DropEffect.Fails, StopsDeployment: false, StoppedBy: null } && !d.Reason.Contains("the agent cannot read the module's createOptions, so the module is not deployed", StringComparison.Ordinal)))
            .Select(m => m.ModuleName).ToArray();

        Assert.Equal(failing, RuleEngine.Check(manifest).Where(f => f.RefusesDeployment).Select(f => f.ModuleName!).Distinct());
        return failing;
    }
}

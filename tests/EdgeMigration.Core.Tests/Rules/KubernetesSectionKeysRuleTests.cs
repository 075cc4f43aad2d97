using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class KubernetesSectionKeysRuleTests
{
    [Fact]
    public void UnknownKeysMisspelledServiceOptionsAndAMiscasedSection()
    {
        var manifest = ManifestBuilder.Deployment(
            ("a", """{"k8s-experimental":{"Resources":{},"STRATEGY":{},"service-options":{"type":"ClusterIP"},"affinity":{}}}"""),
            ("b", """{"K8s-Experimental":{"strategy":{"type":"Recreate"}}}"""),
            ("c", """{"k8s-experimental":"Recreate"}"""),
            ("d", """{"k8s-experimental":{"volumes":[],"nodeSelector":{},"securityContext":{},"serviceOptions":{}}}"""));

        var findings = Check(manifest, "K3");

        Assert.Equal(new[]
        {
            "K3 Warning a k8s-experimental.service-options manual",
            "K3 Warning a k8s-experimental.affinity manual",
            "K3 Warning b K8s-Experimental manual",
            "K3 Warning c k8s-experimental manual",
        }, Summary(findings));
        Assert.Equal("'service-options', the docs' spelling, is not a setting the agent knows: it logs \"Unknown Kubernetes CreateOption\" and ignores it; only 'serviceOptions' works.", findings[0].Message);
        Assert.Contains("Unknown Kubernetes CreateOption", findings[1].Message);
        Assert.Contains("Unable to parse Kubernetes CreateOptions", findings[3].Message);
    }

    [Fact]
    public void WhatThePreviewCannotReadIsAnErrorInItsWords()
    {
        var manifest = ManifestBuilder.Deployment(
            ("lots", """{"k8s-experimental":{"resources":{"limits":{"memory":"lots"},"requests":{"memory":"1Gi"}}}}"""),
            ("flag", """{"k8s-experimental":{"resources":{"limits":{"memory":"1Gi"},"requests":{"memory":true}}}}"""),
            ("surge", """{"k8s-experimental":{"strategy":{"rollingUpdate":{"maxSurge":{}}},"securityContext":{"runAsUser":"root"}}}"""),
            ("fine", """{"k8s-experimental":{"resources":{"limits":{"memory":"1Gi","cpu":0.5}},"securityContext":{"runAsUser":"1000"}}}"""));

        var errors = Check(manifest, "K3").Where(f => f.Severity == Severity.Error).ToList();

        Assert.Equal(new[]
        {
            "K3 Error lots k8s-experimental.resources.limits.memory manual",
            "K3 Error flag k8s-experimental.resources.requests.memory manual",
            "K3 Error surge k8s-experimental.strategy.rollingUpdate.maxSurge manual",
            "K3 Error surge k8s-experimental.securityContext.runAsUser manual",
        }, Summary(errors));
        AssertInThePreviewsWords(manifest, DropEffect.Fails, errors);
        Assert.Contains("where Kubernetes expects a Kubernetes quantity", errors[0].Message);
        // The advice says what to write, not only where to look it up.
        Assert.Equal("Write it as a Kubernetes quantity such as \"128Mi\" or \"500m\".", errors[0].Recommendation);
        Assert.Equal("Write it as a whole number.", errors[3].Recommendation);
    }

    [Fact]
    public void APlaceholderWhereAnObjectOrAListBelongsIsInformationAsThePreviewKeepsIt()
    {
        // Quoted or bare, for the section, a type, a map or a list, or an item of one; a bare quantity is only kept.
        var manifest = ManifestBuilder.Deployment(
            ("lists", """{"k8s-experimental":{"resources":{"limits":"${LIMITS}","requests":${REQUESTS}}}}"""),
            ("types", """{"k8s-experimental":{"resources":"<resources>","strategy":"${STRATEGY}","securityContext":"${SC}","nodeSelector":"${NODES}","serviceOptions":"${SERVICE}"}}"""),
            ("volumes", """{"k8s-experimental":{"volumes":["${VOLUME}",{"volume":"${V}","volumeMounts":["${MOUNT}"]}]}}"""),
            ("section", """{"k8s-experimental":"${K8S}"}"""),
            ("bare", """{"k8s-experimental":{"resources":{"limits":{"nvidia.com/gpu":${GPUS}}}}}"""));

        var findings = Check(manifest, "K3");

        Assert.Equal(new[]
        {
            "K3 Information lists k8s-experimental.resources.limits manual",
            "K3 Information lists k8s-experimental.resources.requests manual",
            "K3 Information types k8s-experimental.resources manual",
            "K3 Information types k8s-experimental.strategy manual",
            "K3 Information types k8s-experimental.securityContext manual",
            "K3 Information types k8s-experimental.nodeSelector manual",
            "K3 Information types k8s-experimental.serviceOptions manual",
            "K3 Information volumes k8s-experimental.volumes[0] manual",
            "K3 Information volumes k8s-experimental.volumes[1].volume manual",
            "K3 Information volumes k8s-experimental.volumes[1].volumeMounts[0] manual",
            "K3 Information section k8s-experimental manual",
        }, Summary(findings));
        AssertInThePreviewsWords(manifest, DropEffect.Pending, findings);
        Assert.Equal(
            "k8s-experimental.resources.limits \"${LIMITS}\" is a template placeholder where an object of names and values belongs; what it holds is known only once the template is expanded.",
            findings[0].Message);
    }

    /// <summary>The findings are the preview's dropped settings of that effect, in the same words.</summary>
    private static void AssertInThePreviewsWords(ManifestDocument manifest, DropEffect effect, IEnumerable<Finding> findings) =>
        Assert.Equal(
            KubernetesRenderer.Render(manifest).Modules.SelectMany(m => m.Dropped).Where(d => d.Effect == effect && d.StoppedBy is null).Select(d => (d.ModuleName, d.ManifestPath, d.Reason, d.Advice)),
            findings.Select(f => (f.ModuleName!, f.ManifestPath, f.Message, f.Recommendation)));
}

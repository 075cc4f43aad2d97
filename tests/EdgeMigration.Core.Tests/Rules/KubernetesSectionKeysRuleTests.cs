using System.Linq;
using EdgeMigration.Core.Kubernetes;
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
            "K3 Error c k8s-experimental manual",
        }, Summary(findings));
        Assert.Contains("only 'serviceOptions' works", findings[0].Message);
        Assert.Contains("Unknown Kubernetes CreateOption", findings[1].Message);
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
        var failed = KubernetesRenderer.Render(manifest).Modules.SelectMany(m => m.Dropped).Where(d => d.Effect == DropEffect.Fails).ToList();

        Assert.Equal(new[]
        {
            "K3 Error lots k8s-experimental.resources.limits.memory manual",
            "K3 Error flag k8s-experimental.resources.requests.memory manual",
            "K3 Error surge k8s-experimental.strategy.rollingUpdate.maxSurge manual",
            "K3 Error surge k8s-experimental.securityContext.runAsUser manual",
        }, Summary(errors));
        Assert.Equal(failed.Select(d => (d.ModuleName, d.ManifestPath, d.Reason, d.Advice)), errors.Select(f => (f.ModuleName!, f.ManifestPath, f.Message, f.Recommendation)));
        Assert.Contains("where Kubernetes expects a Kubernetes quantity", errors[0].Message);
    }
}

using System.Collections.Generic;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// K17: the device's agent copies <c>k8s-experimental.strategy</c> into the module's Deployment as written, and the API
/// server refuses a strategy type other than exactly Recreate or RollingUpdate ("recreate"), a rollingUpdate beside
/// Recreate, and a rolling update whose maxSurge and maxUnavailable are both 0: the module never runs. Docker ignores the
/// section, so only the GPU device fails. Not fixed (which strategy is meant is the user's to say). What is refused is
/// <see cref="StrategyRefusals.Of"/>, which the Kubernetes preview fails modules for too; O1 says which strategy a
/// module needs.
/// </summary>
public sealed class RefusedStrategyRule : ModuleRule
{
    public override string Id => "K17";
    public override string Title => "Deployment strategies the API server refuses";
    public override Severity DefaultSeverity => Severity.Error;
    public override string Section => "other-differences";

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, List<Finding> findings)
    {
        // As K12: edgeAgent is the device's own, and a section the agent cannot read (K3) sends no Deployment to refuse.
        if (module.IsEdgeAgent || KubernetesExtensions.IsUnreadable(module))
        {
            return;
        }
        foreach (var refusal in StrategyRefusals.Of(module))
        {
            findings.Add(Finding(module, refusal.Location, refusal.FindingMessage, refusal.Remedy));
        }
    }
}

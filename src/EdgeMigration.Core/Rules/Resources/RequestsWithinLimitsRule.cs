using System.Collections.Generic;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Resources;

/// <summary>
/// K12: the device's agent copies <c>k8s-experimental.resources</c> into the module's container, and the API server
/// validates them with the Deployment: a name without a domain that is not a container's resource ("gpu", "Memory"), a
/// negative quantity, a fraction of an extended resource, a request above its limit, or for a resource Kubernetes does not
/// overcommit (a GPU, any extended resource, huge pages) a request that differs from its limit or has none, or huge pages
/// without cpu or memory, refuses the Deployment (HTTP 422) and the module never runs. Not fixed (how much the module
/// needs is the user's decision), but for FPGAs, which R1's fix replaces. edgeAgent is not judged: the device runs its own. What is refused is
/// <see cref="ResourceRefusals.Of"/>, which the Kubernetes preview fails modules for too.
/// </summary>
public sealed class RequestsWithinLimitsRule : ModuleRule
{
    public override string Id => "K12";
    public override string Title => "Resource requests must fit their limits";
    public override Severity DefaultSeverity => Severity.Error;
    public override string Section => "memory-and-cpu-usage";
    internal override bool FindsRefusedDeployments => true;

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, List<Finding> findings)
    {
        // The device runs its own edgeAgent and never uses the manifest's createOptions for it (K7).
        // Nor a module whose k8s-experimental the agent cannot read (K3): it sends no Deployment to refuse.
        if (module.IsEdgeAgent || KubernetesExtensions.IsUnreadable(module))
        {
            return;
        }
        foreach (var refusal in ResourceRefusals.Of(module))
        {
            findings.Add(Finding(module, refusal.Location, ApiServerRefusal.FindingMessageOf(refusal.Problem), refusal.Remedy,
                fixable: refusal.ReplacedByR1 && ModuleResources.HasOrCanAddLimits(module), refusesDeployment: true));
        }
    }
}

using System.Collections.Generic;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Resources;

/// <summary>
/// K12: the device's agent copies <c>k8s-experimental.resources</c> into the module's container, and the API server
/// validates them with the Deployment: a request above its limit, or for a resource Kubernetes does not overcommit (a
/// GPU, any extended resource, huge pages) a request that differs from its limit or has none, refuses the Deployment
/// (HTTP 422) and the module never runs. Not fixed (how much the module needs is the user's decision), but for FPGAs, which
/// R1's fix replaces. edgeAgent is not judged: the device runs its own. The comparison is
/// <see cref="ModuleResources.RefusedRequests"/>, which the Kubernetes preview fails modules with too.
/// </summary>
public sealed class RequestsWithinLimitsRule : ModuleRule
{
    public override string Id => "K12";
    public override string Title => "Resource requests must fit their limits";
    public override Severity DefaultSeverity => Severity.Error;
    public override string Section => "memory-and-cpu-usage";

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, List<Finding> findings)
    {
        // The device runs its own edgeAgent and never uses the manifest's createOptions for it (K7).
        if (module.IsEdgeAgent)
        {
            return;
        }
        var limits = ModuleResources.Find(module, ModuleResources.Limits);
        var requests = ModuleResources.Find(module, ModuleResources.Requests);
        foreach (var list in new[] { limits, requests })
        {
            if (list is null)
            {
                continue;
            }
            foreach (var fraction in ModuleResources.FractionalExtendedQuantities(list.Values))
            {
                findings.Add(Finding(module, list.PathOf(fraction.Name), ModuleResources.FractionProblem(list.Kind, fraction) + ", so the module never runs.",
                    ModuleResources.FractionRemedy(fraction), fixable: false));
            }
        }
        if (requests is null)
        {
            return;
        }
        foreach (var refused in ModuleResources.RefusedRequests(requests.Values, limits?.Values))
        {
            // R1's fix replaces FPGAs with one GPU count in both lists, which the API server accepts.
            findings.Add(Finding(module, requests.PathOf(refused.Name), refused.Problem + ", so the module never runs.", refused.Remedy,
                fixable: refused.Name == ModuleResources.FpgaResource && ModuleResources.HasOrCanAddLimits(module)));
        }
    }
}

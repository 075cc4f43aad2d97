using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// K3: the agent matches the <c>k8s-experimental</c> key exactly, and inside it knows only resources, volumes,
/// nodeSelector, securityContext, strategy and serviceOptions (in any case). Anything else is logged as "Unknown
/// Kubernetes CreateOption" and ignored; so is the docs' <c>service-options</c> spelling
/// (<see cref="IgnoredSettings"/>, shared with the Kubernetes preview), and so is a section that is not an object. A value
/// its Kubernetes type cannot hold ("lots" of memory) fails the module's createOptions: the Errors are what the
/// preview's typed reading fails the module for (<see cref="KubernetesExtensions.UnreadableOrPending"/>). A template's
/// placeholder standing for the section, an object or a list (<c>"limits": "${LIMITS}"</c>) is Information, as that
/// reading keeps it: what it holds is judged once the template is expanded.
/// </summary>
public sealed class KubernetesSectionKeysRule : ModuleRule
{
    public override string Id => "K3";
    public override string Title => "k8s-experimental: unknown settings are ignored, unreadable values fail";
    public override Severity DefaultSeverity => Severity.Warning;
    public override string Section => "other-differences";
    internal override bool FindsStoppedDeployments => true;

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, List<Finding> findings)
    {
        foreach (var ignored in IgnoredSettings.KubernetesOptions(module))
        {
            findings.Add(Finding(module, ignored.Location, ignored.Reason, ignored.Advice));
        }
        // The device runs its own edgeAgent and never reads the manifest's createOptions of it (K7).
        foreach (var setting in module.IsEdgeAgent ? Enumerable.Empty<DroppedSetting>() : KubernetesExtensions.UnreadableOrPending(module))
        {
            findings.Add(Finding(module, setting.Location, setting.Reason, setting.Advice, setting.Effect == DropEffect.Fails ? Severity.Error : Severity.Information,
                stopsDeployment: setting.StopsDeployment));
        }
    }
}

using System.Collections.Generic;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// K3: the agent matches the <c>k8s-experimental</c> key exactly, and inside it knows only resources, volumes,
/// nodeSelector, securityContext, strategy and serviceOptions (in any case). Anything else is logged as "Unknown
/// Kubernetes CreateOption" and ignored; the docs' <c>service-options</c> spelling is ignored without a word
/// (<see cref="IgnoredSettings"/>, shared with the Kubernetes preview). A section that is not an object fails.
/// </summary>
public sealed class KubernetesSectionKeysRule : ModuleRule
{
    public override string Id => "K3";
    public override string Title => "Unknown k8s-experimental settings are ignored";
    public override Severity DefaultSeverity => Severity.Warning;
    public override string Section => "other-differences";

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, List<Finding> findings)
    {
        foreach (var ignored in IgnoredSettings.KubernetesOptions(module))
        {
            findings.Add(Finding(module, ignored.Location, ignored.Reason, ignored.Advice));
        }
        if (module.Options()?.Find(CreateOptionsAccess.KubernetesSection) is { Value: not JObject } section)
        {
            findings.Add(Finding(module, CreateOptionsAccess.KubernetesSection,
                $"k8s-experimental is {section.Value.ToCompactJson()}, not an object; the agent cannot read the module's createOptions.",
                "Make it an object such as {\"strategy\": {\"type\": \"Recreate\"}}.", Severity.Error));
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// K3: the agent matches the <c>k8s-experimental</c> key exactly, and inside it knows only resources, volumes,
/// nodeSelector, securityContext, strategy and serviceOptions (in any case). Anything else is logged as "Unknown
/// Kubernetes CreateOption" and ignored; the docs' <c>service-options</c> spelling is ignored without a word.
/// </summary>
public sealed class KubernetesSectionKeysRule : ModuleRule
{
    private static readonly string[] KnownKeys = { "resources", "volumes", "nodeSelector", "securityContext", "strategy", "serviceOptions" };

    public override string Id => "K3";
    public override string Title => "Unknown k8s-experimental settings are ignored";
    public override Severity DefaultSeverity => Severity.Warning;
    public override string Section => "other-differences";

    protected override IEnumerable<Finding> CheckModule(EdgeModule module, ManifestDocument manifest)
    {
        foreach (var member in module.Options()?.Members ?? Enumerable.Empty<JMember>())
        {
            if (member.Name != CreateOptionsAccess.KubernetesSection &&
                string.Equals(member.Name, CreateOptionsAccess.KubernetesSection, StringComparison.OrdinalIgnoreCase))
            {
                yield return Finding(module, JsonPath.Member("", member.Name),
                    $"'{member.Name}' is not spelled 'k8s-experimental' exactly; the agent matches the key exactly and ignores the whole section.",
                    "Spell it 'k8s-experimental'.");
            }
        }
        var section = module.Options()?.Find(CreateOptionsAccess.KubernetesSection);
        if (section is null)
        {
            yield break;
        }
        if (section.Value is not JObject settings)
        {
            yield return Finding(module, CreateOptionsAccess.KubernetesSection,
                $"k8s-experimental is {section.Value.ToCompactJson()}, not an object; the agent cannot read the module's createOptions.",
                "Make it an object such as {\"strategy\": {\"type\": \"Recreate\"}}.", Severity.Error);
            yield break;
        }
        foreach (var member in settings.Members.Where(m => !KnownKeys.Contains(m.Name, StringComparer.OrdinalIgnoreCase)))
        {
            var location = JsonPath.Member(CreateOptionsAccess.KubernetesSection, member.Name);
            yield return string.Equals(member.Name, "service-options", StringComparison.OrdinalIgnoreCase)
                ? Finding(module, location, "'service-options' is silently ignored by the agent; only 'serviceOptions' works.", "Rename it to 'serviceOptions'.")
                : Finding(module, location,
                    $"'{member.Name}' is not a k8s-experimental setting; the agent logs \"Unknown Kubernetes CreateOption\" and ignores it.",
                    "Use only " + string.Join(", ", KnownKeys) + ".");
        }
    }
}

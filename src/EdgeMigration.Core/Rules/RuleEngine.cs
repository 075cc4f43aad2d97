using System.Collections.Generic;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules;

/// <summary>Runs the selected rules over a manifest; findings come out in module order, secrets redacted.</summary>
public static class RuleEngine
{
    public static IReadOnlyList<Finding> Check(ManifestDocument manifest, RuleSelection? selection = null, IEnumerable<MigrationRule>? rules = null,
        CheckSettings? settings = null)
    {
        var findings = new List<Finding>();
        using (CheckScope.Begin())
        {
            foreach (var rule in (selection ?? RuleSelection.AllRules).Apply(rules ?? RuleCatalog.All))
            {
                findings.AddRange(CheckScope.FindingsOf(rule, manifest, settings ?? CheckSettings.Default));
            }
        }
        var ordered = ModuleOrder.Sort(ModuleOrder.NamesOf(manifest), findings, f => f.ModuleName);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i] = SecretRedactor.Redact(ordered[i], manifest.Secrets);
        }
        return ordered;
    }
}

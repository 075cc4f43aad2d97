using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules;

/// <summary>Runs the selected rules over a manifest; findings come out in module order, secrets redacted.</summary>
public static class RuleEngine
{
    public static IReadOnlyList<Finding> Check(ManifestDocument manifest, RuleSelection? selection = null, IEnumerable<MigrationRule>? rules = null,
        CheckSettings? settings = null)
    {
        var findings = new List<Finding>();
        foreach (var rule in (selection ?? RuleSelection.AllRules).Apply(rules ?? RuleCatalog.All))
        {
            findings.AddRange(rule.Check(manifest, settings ?? CheckSettings.Default));
        }
        var moduleOrder = manifest.Modules.Select((m, i) => (m.Name, i)).GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.First().i);
        return findings
            .Select(f => SecretRedactor.Redact(f, manifest.Secrets))
            .Select((f, i) => (f, i))
            .OrderBy(p => p.f.ModuleName is null ? -1 : moduleOrder.TryGetValue(p.f.ModuleName, out var order) ? order : int.MaxValue)
            .ThenBy(p => p.i)
            .Select(p => p.f)
            .ToList();
    }
}

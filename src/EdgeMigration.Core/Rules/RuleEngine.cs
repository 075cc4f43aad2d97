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
                findings.AddRange(rule.Check(manifest, settings ?? CheckSettings.Default));
            }
        }
        // Module order, the manifest as a whole first and modules not in the manifest last; within each, the order the
        // rules found them in.
        var moduleOrder = new Dictionary<string, int>();
        for (var i = manifest.Modules.Count - 1; i >= 0; i--)
        {
            moduleOrder[manifest.Modules[i].Name] = i + 1;
        }
        var groups = new List<Finding>?[manifest.Modules.Count + 2];
        foreach (var finding in findings)
        {
            var group = finding.ModuleName is not { } name ? 0 : moduleOrder.TryGetValue(name, out var order) ? order : groups.Length - 1;
            (groups[group] ??= new List<Finding>()).Add(SecretRedactor.Redact(finding, manifest.Secrets));
        }
        var ordered = new List<Finding>(findings.Count);
        foreach (var group in groups)
        {
            if (group is not null)
            {
                ordered.AddRange(group);
            }
        }
        return ordered;
    }
}

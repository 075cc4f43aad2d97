using System;
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
        using (CheckScope.Begin())
        {
            foreach (var rule in (selection ?? RuleSelection.AllRules).Apply(rules ?? RuleCatalog.All))
            {
                findings.AddRange(rule.Check(manifest, settings ?? CheckSettings.Default));
            }
        }
        // Module order, the manifest as a whole first; within one module, the order the rules found them in.
        var moduleOrder = new Dictionary<string, int>();
        for (var i = manifest.Modules.Count - 1; i >= 0; i--)
        {
            moduleOrder[manifest.Modules[i].Name] = i;
        }
        var ordered = new (int Module, int Found, Finding Finding)[findings.Count];
        for (var i = 0; i < findings.Count; i++)
        {
            var name = findings[i].ModuleName;
            ordered[i] = (name is null ? -1 : moduleOrder.TryGetValue(name, out var order) ? order : int.MaxValue, i, SecretRedactor.Redact(findings[i], manifest.Secrets));
        }
        Array.Sort(ordered, (a, b) => a.Module != b.Module ? a.Module.CompareTo(b.Module) : a.Found.CompareTo(b.Found));
        return ordered.Select(o => o.Finding).ToList();
    }
}

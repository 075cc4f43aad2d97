using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// The modules that some rules' findings say one thing of (their Deployment is refused, K19; they stop the whole
/// deployment, K21), each with the ids of those rules in the catalog's order, and how the findings that tell the other
/// modules name them. Read from the findings of the check (<see cref="CheckScope.FindingsOf"/>), so a full check
/// computes nothing twice.
/// </summary>
internal sealed class ModulesByRule
{
    private readonly Dictionary<string, List<string>> _rulesByModule;

    private ModulesByRule(Dictionary<string, List<string>> rulesByModule, List<string> names)
    {
        _rulesByModule = rulesByModule;
        Names = names;
    }

    /// <summary>The modules, once each, in manifest order.</summary>
    public List<string> Names { get; }

    public bool Contains(string module) => _rulesByModule.ContainsKey(module);

    /// <summary>
    /// The modules of which a finding of a rule that <paramref name="asks"/> accepts <paramref name="says"/> it; null for
    /// none. The catalog itself rather than a list of its own made once: the catalog makes the asking rules while it is
    /// being made.
    /// </summary>
    public static ModulesByRule? Of(ManifestDocument manifest, CheckSettings settings, Func<MigrationRule, bool> asks, Func<Finding, bool> says)
    {
        Dictionary<string, List<string>>? rulesByModule = null;
        foreach (var rule in RuleCatalog.All)
        {
            if (!asks(rule))
            {
                continue;
            }
            foreach (var finding in CheckScope.FindingsOf(rule, manifest, settings))
            {
                if (finding.ModuleName is { } name && says(finding))
                {
                    rulesByModule ??= new Dictionary<string, List<string>>(StringComparer.Ordinal);
                    if (!rulesByModule.TryGetValue(name, out var rules))
                    {
                        rulesByModule[name] = rules = new List<string>();
                    }
                    if (!rules.Contains(rule.Id))
                    {
                        rules.Add(rule.Id);
                    }
                }
            }
        }
        return rulesByModule is null
            ? null
            : new ModulesByRule(rulesByModule, manifest.Modules.Select(m => m.Name).Where(rulesByModule.ContainsKey).Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// The findings that tell of these modules, <paramref name="finding"/> made of the words <paramref name="text"/> gives for
    /// the modules named and whether they are those of the deployments a layer is merged with. Every module with a pod (not
    /// edgeAgent, the device's own, nor a stopped module) is told of all of them, in the same words, made once; one of them
    /// of the others (one alone is told of none: its own findings say it); then a layered deployment as a whole (no module).
    /// </summary>
    public List<Finding> Told(ManifestDocument manifest, Func<List<string>, bool, (string Message, string Recommendation)> text,
        Func<EdgeModule?, string, string, Finding> finding)
    {
        var findings = new List<Finding>();
        (string Message, string Recommendation)? ofAll = null;
        foreach (var module in manifest.Modules)
        {
            if (module.IsEdgeAgent || module.IsStopped || (Names.Count == 1 && Names[0] == module.Name))
            {
                continue;
            }
            var (message, recommendation) = Contains(module.Name) ? text(Names.FindAll(name => name != module.Name), false) : ofAll ??= text(Names, false);
            findings.Add(finding(module, message, recommendation));
        }
        if (manifest.IsLayered)
        {
            var (message, recommendation) = text(Names, true);
            findings.Add(finding(null, message, recommendation));
        }
        return findings;
    }

    /// <summary>At most this many modules are named; the others are counted (their own findings name them).</summary>
    private const int NamedAtMost = 3;

    /// <summary>
    /// <paramref name="modules"/> (of <see cref="Names"/>) with their rules: "module 'a' (rule K17)", "modules 'a' (rules O4
    /// and K13) and 'b' (rule K17)", "6 modules ('a', 'b', 'c' and 3 more; rules O2, O4 and K13)".
    /// </summary>
    public string Described(List<string> modules)
    {
        if (modules.Count == 1)
        {
            return $"module '{modules[0]}' ({Rules(_rulesByModule[modules[0]])})";
        }
        if (modules.Count <= NamedAtMost)
        {
            return $"modules {ProseList.Joined(modules.Select(name => $"'{name}' ({Rules(_rulesByModule[name])})").ToList())}";
        }
        var named = modules.Take(NamedAtMost).Select(name => "'" + name + "'");
        return $"{modules.Count} modules ({string.Join(", ", named)} and {modules.Count - NamedAtMost} more; {Rules(RulesOf(modules))})";
    }

    /// <summary>The modules as advice names them: "'a' and 'b'", or "those 6 modules".</summary>
    private static string Which(List<string> modules) =>
        modules.Count <= NamedAtMost ? ProseList.Joined(modules.Select(name => "'" + name + "'").ToList()) : $"those {modules.Count} modules";

    /// <summary>"Fix what rule K4 reports for 'a'", "Fix what rules O4 and K12 report for those 6 modules": how the advice of the findings that tell of <paramref name="modules"/> begins.</summary>
    public string FixWhatIsReportedFor(List<string> modules)
    {
        var rules = RulesOf(modules);
        return $"Fix what {Rules(rules)} {(rules.Count == 1 ? "reports" : "report")} for {Which(modules)}";
    }

    /// <summary>The rules of <paramref name="modules"/>, once each.</summary>
    public List<string> RulesOf(List<string> modules) => modules.SelectMany(name => _rulesByModule[name]).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>"rule K17", or "rules O4, K12 and K13".</summary>
    public static string Rules(List<string> ids) => (ids.Count == 1 ? "rule " : "rules ") + ProseList.Joined(ids);
}

using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace EdgeMigration.Core.Rules;

/// <summary>Which rules run: -Rule / -ExcludeRule ids, with * and ? wildcards, case-insensitive.</summary>
public sealed class RuleSelection
{
    public static readonly RuleSelection AllRules = new(null, null);

    private readonly List<Regex> _include;
    private readonly List<Regex> _exclude;

    public RuleSelection(IEnumerable<string>? include, IEnumerable<string>? exclude)
    {
        _include = ToPatterns(include);
        _exclude = ToPatterns(exclude);
    }

    public bool Includes(MigrationRule rule) =>
        (_include.Count == 0 || _include.Any(p => p.IsMatch(rule.Id))) && !_exclude.Any(p => p.IsMatch(rule.Id));

    public IEnumerable<MigrationRule> Apply(IEnumerable<MigrationRule> rules) => rules.Where(Includes);

    private static List<Regex> ToPatterns(IEnumerable<string>? ids) =>
        (ids ?? Enumerable.Empty<string>())
        .Select(id => new Regex("^" + Regex.Escape(id).Replace("\\*", ".*").Replace("\\?", ".") + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
        .ToList();
}

using System.Collections.Generic;
using System.Linq;

namespace EdgeMigration.Core.Rules;

/// <summary>
/// Which rules run: -Rule / -ExcludeRule ids, with PowerShell's wildcards (* ? [24] [1-3] and ` to escape),
/// case-insensitive. An invalid pattern (a [ without its ]) is an <see cref="System.ArgumentException"/>.
/// </summary>
public sealed class RuleSelection
{
    public static readonly RuleSelection AllRules = new(null, null);

    private readonly List<PowerShellWildcard> _include;
    private readonly List<PowerShellWildcard> _exclude;

    public RuleSelection(IEnumerable<string>? include, IEnumerable<string>? exclude)
    {
        _include = ToPatterns(include);
        _exclude = ToPatterns(exclude);
    }

    public bool Includes(MigrationRule rule) =>
        (_include.Count == 0 || _include.Any(p => p.IsMatch(rule.Id))) && !_exclude.Any(p => p.IsMatch(rule.Id));

    public IEnumerable<MigrationRule> Apply(IEnumerable<MigrationRule> rules) => rules.Where(Includes);

    /// <summary>The ids given to include that have no wildcard and name no rule of <paramref name="rules"/>: most likely misspelt.</summary>
    public IEnumerable<string> UnknownIds(IEnumerable<MigrationRule> rules) =>
        _include.Where(p => !p.HasWildcards && !rules.Any(rule => p.IsMatch(rule.Id))).Select(p => p.Pattern);

    private static List<PowerShellWildcard> ToPatterns(IEnumerable<string>? ids) =>
        (ids ?? Enumerable.Empty<string>()).Select(PowerShellWildcard.Parse).ToList();
}

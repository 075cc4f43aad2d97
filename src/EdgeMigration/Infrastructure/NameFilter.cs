using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace EdgeMigration.Infrastructure;

/// <summary>-Name filtering with PowerShell wildcards, case-insensitive; no patterns means everything matches.</summary>
internal sealed class NameFilter
{
    private readonly List<(string Text, WildcardPattern Pattern)> _patterns;

    public NameFilter(IEnumerable<string>? patterns) =>
        _patterns = (patterns ?? Enumerable.Empty<string>()).Select(p => (p, new WildcardPattern(p, WildcardOptions.IgnoreCase))).ToList();

    public bool Matches(string name) => _patterns.Count == 0 || _patterns.Any(p => p.Pattern.IsMatch(name));

    /// <summary>The names given without wildcards that match none of <paramref name="names"/>: errors, as for Get-Process -Name.</summary>
    public IEnumerable<string> Unmatched(IReadOnlyCollection<string> names) =>
        _patterns.Where(p => !WildcardPattern.ContainsWildcardCharacters(p.Text) && !names.Any(p.Pattern.IsMatch)).Select(p => p.Text);
}

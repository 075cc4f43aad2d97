using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace EdgeMigration.Infrastructure;

/// <summary>-Name filtering with PowerShell wildcards, case-insensitive; no patterns means everything matches.</summary>
internal sealed class NameFilter
{
    private readonly List<WildcardPattern> _patterns;

    public NameFilter(IEnumerable<string>? patterns) =>
        _patterns = (patterns ?? Enumerable.Empty<string>()).Select(p => new WildcardPattern(p, WildcardOptions.IgnoreCase)).ToList();

    public bool Matches(string name) => _patterns.Count == 0 || _patterns.Any(p => p.IsMatch(name));
}

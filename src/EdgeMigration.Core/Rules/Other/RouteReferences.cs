using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// Where an $edgeHub route names a module by its IoT Hub id: <c>FROM /messages/modules/&lt;id&gt;/…</c>,
/// <c>BrokeredEndpoint("/modules/&lt;id&gt;/inputs/…")</c> (also without the leading '/'), and
/// <c>WHERE $connectionModuleId = '&lt;id&gt;'</c>. Ids are case-sensitive, the keywords are not. One pattern serves
/// every route, so that a manifest with many modules and routes is read in linear time.
/// </summary>
internal sealed class RouteReferences
{
    private readonly Regex? _pattern;

    public RouteReferences(IEnumerable<string> moduleIds)
    {
        var ids = moduleIds.ToList();
        _pattern = ids.Count == 0 ? null : Pattern(ids);
    }

    /// <summary>The ids of <see cref="RouteReferences(IEnumerable{string})"/> that <paramref name="route"/> names.</summary>
    public ISet<string> Mentioned(string route) =>
        new HashSet<string>(_pattern?.Matches(route).Cast<Match>().Select(m => m.Groups["id"].Value) ?? Enumerable.Empty<string>(), StringComparer.Ordinal);

    /// <summary>The route with every module of <paramref name="renames"/> (old id → new id) renamed in one pass.</summary>
    public string Rename(string route, IReadOnlyDictionary<string, string> renames) =>
        _pattern is null ? route : _pattern.Replace(route, m => m.Groups["prefix"].Value + renames[m.Groups["id"].Value]);

    private static Regex Pattern(IEnumerable<string> moduleIds)
    {
        // Longest first, so that an id that begins another id does not match in its place.
        var id = "(?<id>" + string.Join("|", moduleIds.OrderByDescending(i => i.Length).Select(Regex.Escape)) + ")";
        return new Regex(
            "(?<prefix>/messages/modules/)" + id + @"(?=/|\s|$)" +
            @"|(?<prefix>(?i:BrokeredEndpoint)\s*\(\s*""/?modules/)" + id + "(?=/)" +
            @"|(?<prefix>(?i:\$connectionModuleId)\s*=\s*['""])" + id + @"(?=['""])",
            RegexOptions.CultureInvariant);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// Where an $edgeHub route names a module by its IoT Hub id: <c>FROM /messages/modules/&lt;id&gt;/…</c>,
/// <c>BrokeredEndpoint("/modules/&lt;id&gt;/inputs/…")</c> (also without the leading '/'), and
/// <c>WHERE $connectionModuleId = '&lt;id&gt;'</c>. Ids are case-sensitive, the keywords are not.
/// </summary>
internal static class RouteReferences
{
    /// <summary>
    /// What comes before an id, in one pattern built once: the ids are then compared where each match ends, so
    /// a manifest with many modules and routes costs no regular expression per id or per route.
    /// </summary>
    private static readonly Regex Prefix = new(
        "(?<path>/messages/modules/)" +
        @"|(?<endpoint>(?i:BrokeredEndpoint)\s*\(\s*""/?modules/)" +
        @"|(?<condition>(?i:\$connectionModuleId)\s*=\s*['""])",
        RegexOptions.CultureInvariant);

    /// <summary>The ids of <paramref name="moduleIds"/> that <paramref name="route"/> names anywhere.</summary>
    public static HashSet<string> Mentioned(string route, IEnumerable<string> moduleIds)
    {
        var ids = moduleIds.ToList();
        var mentioned = new HashSet<string>(StringComparer.Ordinal);
        for (var match = Prefix.Match(route); match.Success; match = match.NextMatch())
        {
            mentioned.UnionWith(ids.Where(id => IsIdAt(route, match, id)));
        }
        return mentioned;
    }

    /// <summary>The route with every module of <paramref name="renames"/> (old id → new id) renamed in one pass.</summary>
    public static string Rename(string route, IReadOnlyDictionary<string, string> renames)
    {
        if (renames.Count == 0)
        {
            return route;
        }
        // Longest first, so that an id that begins another id does not match in its place.
        var ids = renames.Keys.OrderByDescending(id => id.Length).ToList();
        StringBuilder? renamed = null;
        var copied = 0;
        for (var match = Prefix.Match(route); match.Success; match = match.NextMatch())
        {
            // A prefix inside an id already replaced is part of that id, not a reference.
            if (match.Index < copied || ids.FirstOrDefault(id => IsIdAt(route, match, id)) is not { } id)
            {
                continue;
            }
            var start = match.Index + match.Length;
            renamed ??= new StringBuilder(route.Length + 16);
            renamed.Append(route, copied, start - copied).Append(renames[id]);
            copied = start + id.Length;
        }
        return renamed is null ? route : renamed.Append(route, copied, route.Length - copied).ToString();
    }

    /// <summary>True when <paramref name="id"/> follows the prefix <paramref name="match"/> and is followed by what ends an id there.</summary>
    private static bool IsIdAt(string route, Match match, string id)
    {
        var start = match.Index + match.Length;
        if (start + id.Length > route.Length || string.CompareOrdinal(route, start, id, 0, id.Length) != 0)
        {
            return false;
        }
        var end = start + id.Length;
        if (match.Groups["path"].Success)
        {
            // The id is followed by '/', white space or the end of the route.
            return end == route.Length || route[end] == '/' || char.IsWhiteSpace(route[end]);
        }
        if (match.Groups["endpoint"].Success)
        {
            return end < route.Length && route[end] == '/';
        }
        return end < route.Length && route[end] is '\'' or '"';
    }
}

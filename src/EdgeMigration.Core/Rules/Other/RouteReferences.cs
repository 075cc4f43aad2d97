using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// Where an $edgeHub route names a module by its IoT Hub id: <c>FROM /messages/modules/&lt;id&gt;/…</c>,
/// <c>BrokeredEndpoint("/modules/&lt;id&gt;/inputs/…")</c> (also without the leading '/'), and
/// <c>WHERE $connectionModuleId = '&lt;id&gt;'</c>. Ids are case-sensitive, the keywords are not. One pattern, built once,
/// finds what comes before an id; the ids are then compared where it ends, so a manifest with many modules and routes
/// is read in linear time and no regular expression is built per manifest.
/// </summary>
internal sealed class RouteReferences
{
    private static readonly Regex Prefix = new(
        "(?<path>/messages/modules/)" +
        @"|(?<endpoint>(?i:BrokeredEndpoint)\s*\(\s*""/?modules/)" +
        @"|(?<condition>(?i:\$connectionModuleId)\s*=\s*['""])",
        RegexOptions.CultureInvariant);

    /// <summary>Longest first, so that an id that begins another id does not match in its place.</summary>
    private readonly List<string> _ids;

    public RouteReferences(IEnumerable<string> moduleIds)
    {
        _ids = moduleIds.Distinct(StringComparer.Ordinal).OrderByDescending(id => id.Length).ToList();
    }

    /// <summary>The ids of <see cref="RouteReferences(IEnumerable{string})"/> that <paramref name="route"/> names.</summary>
    public IReadOnlyCollection<string> Mentioned(string route)
    {
        // Most routes name one module or none: a short list, made only when there is something in it.
        List<string>? mentioned = null;
        foreach (var (_, _, id) in References(route))
        {
            if (mentioned is null || !mentioned.Contains(id))
            {
                (mentioned ??= new List<string>()).Add(id);
            }
        }
        return mentioned ?? (IReadOnlyCollection<string>)Array.Empty<string>();
    }

    /// <summary>The route with every module of <paramref name="renames"/> (old id → new id) renamed in one pass.</summary>
    public string Rename(string route, IReadOnlyDictionary<string, string> renames)
    {
        StringBuilder? renamed = null;
        var copied = 0;
        foreach (var (start, length, id) in References(route))
        {
            renamed ??= new StringBuilder(route.Length + 16);
            renamed.Append(route, copied, start - copied).Append(renames[id]);
            copied = start + length;
        }
        return renamed is null ? route : renamed.Append(route, copied, route.Length - copied).ToString();
    }

    /// <summary>
    /// Each reference: where its id starts, its length, and the id; found left to right as one alternation of all
    /// ids after each prefix would find them (a prefix with no id after it is passed by one character).
    /// </summary>
    private IEnumerable<(int Start, int Length, string Id)> References(string route)
    {
        if (_ids.Count == 0)
        {
            yield break;
        }
        for (var match = Prefix.Match(route); match.Success;)
        {
            var start = match.Index + match.Length;
            if (IdAt(route, match) is { } id)
            {
                yield return (start, id.Length, id);
                match = Prefix.Match(route, start + id.Length);
            }
            else
            {
                match = Prefix.Match(route, match.Index + 1);
            }
        }
    }

    /// <summary>The first (longest) id that follows the prefix <paramref name="match"/>, or null.</summary>
    private string? IdAt(string route, Match match)
    {
        foreach (var id in _ids)
        {
            if (IsIdAt(route, match, id))
            {
                return id;
            }
        }
        return null;
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

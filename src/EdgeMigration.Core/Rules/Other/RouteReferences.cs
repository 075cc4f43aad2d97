using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// Where an $edgeHub route names a module by its IoT Hub id: <c>FROM /messages/modules/&lt;id&gt;/…</c>,
/// <c>BrokeredEndpoint("/modules/&lt;id&gt;/inputs/…")</c> (also without the leading '/'), and
/// <c>WHERE $connectionModuleId = '&lt;id&gt;'</c>. Ids are case-sensitive, the keywords are not. What comes before an
/// id is found by reading the route once (as the pattern <c>/messages/modules/|BrokeredEndpoint\s*\(\s*"/?modules/|
/// \$connectionModuleId\s*=\s*['"]</c> would, keywords ignoring case); the ids are then compared where it ends, so a
/// manifest with many modules and routes is read in linear time.
/// </summary>
internal sealed class RouteReferences
{
    private const string MessagesPath = "/messages/modules/";
    private const string EndpointKeyword = "BrokeredEndpoint";
    private const string EndpointPath = "modules/";
    private const string ConditionKeyword = "$connectionModuleId";

    /// <summary>The characters a prefix can start with.</summary>
    private static readonly char[] PrefixStarts = { '/', 'B', 'b', '$' };

    /// <summary>What comes before an id, and so what may follow it.</summary>
    private enum PrefixKind
    {
        Path,
        Endpoint,
        Condition,
    }

    /// <summary>A prefix found in a route: where it starts, where the id after it would start, and its kind.</summary>
    private readonly record struct Prefix(int Index, int End, PrefixKind Kind);

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

    /// <summary>
    /// Every id <paramref name="route"/> names, known or not, once each in order: what follows each prefix up to what ends
    /// an id there. A wildcard (<c>/messages/modules/*</c>) names none.
    /// </summary>
    public static IReadOnlyList<string> NamedIds(string route)
    {
        var named = new List<string>();
        for (var prefix = NextPrefix(route, 0); prefix is { } found;)
        {
            var end = found.End;
            while (end < route.Length && !EndsId(route, found, end))
            {
                end++;
            }
            if (end == route.Length && found.Kind != PrefixKind.Path)
            {
                // Nothing ends the id: no reference here, and a prefix may still follow within the rest.
                prefix = NextPrefix(route, found.Index + 1);
                continue;
            }
            var id = route.Substring(found.End, end - found.End);
            if (id.Length > 0 && id.IndexOf('*') < 0 && !named.Contains(id))
            {
                named.Add(id);
            }
            prefix = NextPrefix(route, Math.Max(end, found.Index + 1));
        }
        return named;
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
        for (var prefix = NextPrefix(route, 0); prefix is { } found;)
        {
            if (IdAt(route, found) is { } id)
            {
                yield return (found.End, id.Length, id);
                prefix = NextPrefix(route, found.End + id.Length);
            }
            else
            {
                prefix = NextPrefix(route, found.Index + 1);
            }
        }
    }

    /// <summary>The first (longest) id that follows <paramref name="prefix"/>, or null.</summary>
    private string? IdAt(string route, Prefix prefix)
    {
        foreach (var id in _ids)
        {
            if (IsIdAt(route, prefix, id))
            {
                return id;
            }
        }
        return null;
    }

    /// <summary>True when <paramref name="id"/> follows <paramref name="prefix"/> and is followed by what ends an id there.</summary>
    private static bool IsIdAt(string route, Prefix prefix, string id)
    {
        var start = prefix.End;
        if (start + id.Length > route.Length || string.CompareOrdinal(route, start, id, 0, id.Length) != 0)
        {
            return false;
        }
        var end = start + id.Length;
        return end == route.Length ? prefix.Kind == PrefixKind.Path : EndsId(route, prefix, end);
    }

    /// <summary>True when the character at <paramref name="index"/> (within the route) ends an id that follows <paramref name="prefix"/>.</summary>
    private static bool EndsId(string route, Prefix prefix, int index) => prefix.Kind switch
    {
        // The id is followed by '/', white space or the end of the route.
        PrefixKind.Path => route[index] == '/' || char.IsWhiteSpace(route[index]),
        PrefixKind.Endpoint => route[index] == '/',
        _ => route[index] is '\'' or '"',
    };

    /// <summary>The leftmost prefix that starts at or after <paramref name="from"/>, or null.</summary>
    private static Prefix? NextPrefix(string route, int from)
    {
        for (var i = route.IndexOfAny(PrefixStarts, from); i >= 0; i = route.IndexOfAny(PrefixStarts, i + 1))
        {
            var prefix = route[i] switch
            {
                '/' => Matches(route, i, MessagesPath, StringComparison.Ordinal) ? new Prefix(i, i + MessagesPath.Length, PrefixKind.Path) : (Prefix?)null,
                '$' => ConditionAt(route, i),
                _ => EndpointAt(route, i),
            };
            if (prefix is not null)
            {
                return prefix;
            }
        }
        return null;
    }

    /// <summary><c>BrokeredEndpoint\s*\(\s*"/?modules/</c> at <paramref name="index"/>, the keyword in any case.</summary>
    private static Prefix? EndpointAt(string route, int index)
    {
        var i = AfterKeyword(route, index, EndpointKeyword, '(');
        if (i < 0 || i >= route.Length || route[i] != '"')
        {
            return null;
        }
        i++;
        if (i < route.Length && route[i] == '/')
        {
            i++;
        }
        return Matches(route, i, EndpointPath, StringComparison.Ordinal) ? new Prefix(index, i + EndpointPath.Length, PrefixKind.Endpoint) : null;
    }

    /// <summary><c>\$connectionModuleId\s*=\s*['"]</c> at <paramref name="index"/>, the keyword in any case.</summary>
    private static Prefix? ConditionAt(string route, int index)
    {
        var i = AfterKeyword(route, index, ConditionKeyword, '=');
        return i >= 0 && i < route.Length && route[i] is '\'' or '"' ? new Prefix(index, i + 1, PrefixKind.Condition) : null;
    }

    /// <summary>
    /// Where <c>keyword\s*punctuation\s*</c> at <paramref name="index"/> ends, the keyword in any case; -1 when it is not there.
    /// </summary>
    private static int AfterKeyword(string route, int index, string keyword, char punctuation)
    {
        if (!Matches(route, index, keyword, StringComparison.OrdinalIgnoreCase))
        {
            return -1;
        }
        var i = SkipWhiteSpace(route, index + keyword.Length);
        return i < route.Length && route[i] == punctuation ? SkipWhiteSpace(route, i + 1) : -1;
    }

    private static bool Matches(string route, int index, string text, StringComparison comparison) =>
        index + text.Length <= route.Length && string.Compare(route, index, text, 0, text.Length, comparison) == 0;

    private static int SkipWhiteSpace(string route, int index)
    {
        while (index < route.Length && char.IsWhiteSpace(route[index]))
        {
            index++;
        }
        return index;
    }
}

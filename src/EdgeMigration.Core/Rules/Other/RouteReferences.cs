using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// Where an $edgeHub route names a module by its IoT Hub id: <c>FROM /messages/modules/&lt;id&gt;/…</c>,
/// <c>BrokeredEndpoint("/modules/&lt;id&gt;/inputs/…")</c> (also without the leading '/'), and
/// <c>WHERE $connectionModuleId = '&lt;id&gt;'</c>. Ids are case-sensitive, the keywords are not.
/// </summary>
internal static class RouteReferences
{
    public static bool Mentions(string route, string moduleId) =>
        Pattern(new[] { moduleId }).IsMatch(route);

    /// <summary>The route with every module of <paramref name="renames"/> (old id → new id) renamed in one pass.</summary>
    public static string Rename(string route, IReadOnlyDictionary<string, string> renames) =>
        renames.Count == 0 ? route : Pattern(renames.Keys).Replace(route, m => m.Groups["prefix"].Value + renames[m.Groups["id"].Value]);

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

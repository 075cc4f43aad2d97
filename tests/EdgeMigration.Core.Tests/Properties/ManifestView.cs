using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Tests.Properties;

/// <summary>
/// A manifest as the device reads it, for comparing a conversion's input with its output: each module's createOptions
/// decoded into one object at <c>settings.createOptions</c> however they are written (one string, pieces), so that
/// re-splitting or re-escaping is no difference and an edit inside them shows at its own path.
/// </summary>
public static class ManifestView
{
    public static JNode Of(ManifestDocument manifest)
    {
        var decoded = manifest.Modules
            .Where(m => m.Settings is not null && m.CreateOptions is { Error: null, Root: not null, Encoding: not CreateOptionsEncoding.Object })
            .ToDictionary(m => m.Settings!, m => m.CreateOptions!);
        return Copy(manifest.Root, decoded);
    }

    /// <summary>
    /// The converted manifest with the conversion's module renames (O2) undone, so that its paths are the input's, as
    /// every change's path is.
    /// </summary>
    public static ManifestDocument WithOriginalIds(ConversionResult result)
    {
        var copy = result.Manifest.Clone();
        var originalIds = result.Changes
            .Where(c => c.RuleId == "O2" && c.ModuleName is not null && c.Location.Length == 0)
            .GroupBy(c => JsonText(c.After!))
            .ToDictionary(g => g.Key, g => g.First().ModuleName!);
        foreach (var module in copy.Modules.Where(m => !m.IsSystemModule && originalIds.ContainsKey(m.Name)))
        {
            var key = module.Member.Name;
            module.Container.Rename(module.Member, key.Substring(0, key.Length - module.Name.Length) + originalIds[module.Name]);
        }
        foreach (var twin in copy.ModuleTwins.Where(t => originalIds.ContainsKey(t.ModuleId)))
        {
            twin.ModulesContent.Rename(twin.Member, originalIds[twin.ModuleId]);
        }
        copy.Refresh();
        return copy;
    }

    /// <summary>Paths where two views differ, as deep as they can be told apart; an array whose length changed differs as a whole.</summary>
    public static IEnumerable<string> Differences(JNode before, JNode after, string path = JsonPath.Root)
    {
        switch (before, after)
        {
            case (JObject a, JObject b):
                foreach (var name in a.Names.Concat(b.Names).Distinct())
                {
                    var memberPath = JsonPath.Member(path, name);
                    if (a.Find(name) is not { } x || b.Find(name) is not { } y || a.Names.Count(n => n == name) != b.Names.Count(n => n == name))
                    {
                        yield return memberPath;
                        continue;
                    }
                    foreach (var difference in Differences(x.Value, y.Value, memberPath))
                    {
                        yield return difference;
                    }
                }
                break;
            case (JArray a, JArray b) when a.Count == b.Count:
                for (var i = 0; i < a.Count; i++)
                {
                    foreach (var difference in Differences(a[i], b[i], JsonPath.Index(path, i)))
                    {
                        yield return difference;
                    }
                }
                break;
            default:
                if (!before.ValueEquals(after))
                {
                    yield return path;
                }
                break;
        }
    }

    /// <summary>
    /// The paths a change accounts for: its own; for a change of an array element, the whole array (changes are
    /// listed in the order made, as a JSON Patch is, so an element's index is the one it had when it was changed);
    /// and for a renamed key (the path ends in the old name; Before and After are the old and new names) the new key.
    /// </summary>
    public static IEnumerable<string> PathsOf(Change change)
    {
        yield return change.ManifestPath;
        if (ArrayElement.Match(change.ManifestPath) is { Success: true } element)
        {
            yield return element.Groups[1].Value;
        }
        if (change.Before is { } before && change.After is { } after &&
            JDocument.Parse(before).Root is JValue { IsString: true } oldName && JDocument.Parse(after).Root is JValue { IsString: true } newName)
        {
            var relative = JsonPath.Member("", oldName.Text);
            var suffix = relative.StartsWith("[", System.StringComparison.Ordinal) ? relative : "." + relative;
            if (change.ManifestPath.EndsWith(suffix, System.StringComparison.Ordinal))
            {
                yield return JsonPath.Member(change.ManifestPath.Substring(0, change.ManifestPath.Length - suffix.Length), newName.Text);
            }
        }
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="other"/> or lies inside it.</summary>
    public static bool IsWithin(string path, string other) =>
        path.StartsWith(other, System.StringComparison.Ordinal) && (path.Length == other.Length || path[other.Length] is '.' or '[');

    private static readonly Regex ArrayElement = new(@"^(.*)\[[0-9]+\]", RegexOptions.CultureInvariant);

    private static string JsonText(string json) => ((JValue)JDocument.Parse(json).Root).Text;

    private static JNode Copy(JNode node, Dictionary<JObject, CreateOptions> decoded)
    {
        switch (node)
        {
            case JObject obj:
                var copy = new JObject();
                decoded.TryGetValue(obj, out var options);
                foreach (var member in obj.Members)
                {
                    if (options is null || !options.PieceNames.Contains(member.Name))
                    {
                        copy.Add(member.Name, Copy(member.Value, decoded));
                    }
                    else if (copy.Find("createOptions") is null)
                    {
                        copy.Add("createOptions", options.Root!.DeepClone());
                    }
                }
                return copy;
            case JArray array:
                return new JArray(array.Select(item => Copy(item, decoded)));
            default:
                return node.DeepClone();
        }
    }
}

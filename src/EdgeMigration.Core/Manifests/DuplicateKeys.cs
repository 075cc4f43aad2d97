using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using EdgeMigration.Core.Json;

namespace EdgeMigration.Core.Manifests;

/// <summary>Finds names that appear twice in one object: kept as written, but only the last one counts.</summary>
internal static class DuplicateKeys
{
    /// <summary>Objects up to this size are searched pairwise: cheaper than a set for the small objects manifests hold.</summary>
    private const int PairwiseLimit = 16;

    public static void Find(JNode node, string path, List<ManifestDiagnostic> diagnostics) =>
        Find(node, new List<(string? Name, int Index)>(), path, diagnostics);

    /// <summary>Steps holds the member names and array indexes from the root path to the node: the path is spelled out only for a duplicate.</summary>
    [MethodImpl(HotPath.Optimized)]
    private static void Find(JNode node, List<(string? Name, int Index)> steps, string rootPath, List<ManifestDiagnostic> diagnostics)
    {
        switch (node)
        {
            case JObject obj:
                var members = obj.MemberList;
                var seen = members.Count > PairwiseLimit ? new HashSet<string>(StringComparer.Ordinal) : null;
                for (var i = 0; i < members.Count; i++)
                {
                    var member = members[i];
                    steps.Add((member.Name, 0));
                    if (seen is null ? AppearsBefore(members, i) : !seen.Add(member.Name))
                    {
                        diagnostics.Add(new ManifestDiagnostic("DuplicateKey",
                            $"The key '{member.Name}' appears more than once in the same object; the last value is used, as most JSON readers do, and IoT Hub may reject the manifest.",
                            PathOf(rootPath, steps)));
                    }
                    Find(member.Value, steps, rootPath, diagnostics);
                    steps.RemoveAt(steps.Count - 1);
                }
                break;
            case JArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    steps.Add((null, i));
                    Find(array[i], steps, rootPath, diagnostics);
                    steps.RemoveAt(steps.Count - 1);
                }
                break;
        }
    }

    [MethodImpl(HotPath.Optimized)]
    private static bool AppearsBefore(List<JMember> members, int index)
    {
        var name = members[index].Name;
        for (var j = 0; j < index; j++)
        {
            if (string.Equals(members[j].Name, name, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static string PathOf(string rootPath, List<(string? Name, int Index)> steps)
    {
        var path = rootPath;
        foreach (var step in steps)
        {
            path = step.Name is null ? JsonPath.Index(path, step.Index) : JsonPath.Member(path, step.Name);
        }
        return path;
    }
}

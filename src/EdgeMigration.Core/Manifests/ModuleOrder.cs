using System;
using System.Collections.Generic;

namespace EdgeMigration.Core.Manifests;

/// <summary>
/// The order findings and changes are reported in: what concerns the manifest as a whole first, then module by module
/// as the manifest lists them, then modules it does not list; within each, the order they were made in.
/// </summary>
internal static class ModuleOrder
{
    public static List<T> Sort<T>(IReadOnlyList<string> moduleNames, IReadOnlyList<T> items, Func<T, string?> moduleOf)
    {
        var position = new Dictionary<string, int>(moduleNames.Count, StringComparer.Ordinal);
        for (var i = moduleNames.Count - 1; i >= 0; i--)
        {
            position[moduleNames[i]] = i + 1;
        }
        var groups = new List<T>?[moduleNames.Count + 2];
        foreach (var item in items)
        {
            var group = moduleOf(item) is not { } name ? 0 : position.TryGetValue(name, out var order) ? order : groups.Length - 1;
            (groups[group] ??= new List<T>()).Add(item);
        }
        var ordered = new List<T>(items.Count);
        foreach (var group in groups)
        {
            if (group is not null)
            {
                ordered.AddRange(group);
            }
        }
        return ordered;
    }

    public static string[] NamesOf(ManifestDocument manifest)
    {
        var names = new string[manifest.Modules.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = manifest.Modules[i].Name;
        }
        return names;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// Which custom modules O2 renames, and to what, decided the same way every time: the user's renames first, then
/// every id that is already a safe Kubernetes name keeps it, then the others get <see cref="KubernetesNames.MakeSafe"/>,
/// made unique with a -2, -3… suffix, in manifest order, never taking a key that is already used for something else. System modules keep their ids (the device names them
/// edgeagent and edgehub, which no custom module may take).
/// </summary>
internal sealed class ModuleRenamePlan
{
    private ModuleRenamePlan(Dictionary<string, string> renames) => Renames = renames;

    /// <summary>Old id → new id, for the modules whose id changes.</summary>
    public IReadOnlyDictionary<string, string> Renames { get; }

    public static ModuleRenamePlan For(ManifestDocument manifest, IDictionary<string, string> userRenames)
    {
        var ids = CustomModuleIds(manifest).ToList();
        var taken = new HashSet<string>(manifest.Modules.Where(m => m.IsSystemModule).Select(m => KubernetesNames.Sanitize(m.Name)), StringComparer.Ordinal);
        taken.UnionWith(KeysOfNoModule(manifest));
        var planned = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in ids.Where(userRenames.ContainsKey))
        {
            planned[id] = userRenames[id];
            taken.Add(userRenames[id]);
        }
        foreach (var id in ids.Where(id => !planned.ContainsKey(id) && KubernetesNames.IsSafeName(id)))
        {
            if (taken.Add(id))
            {
                planned[id] = id;
            }
        }
        foreach (var id in ids.Where(id => !planned.ContainsKey(id)))
        {
            planned[id] = KubernetesNames.MakeUnique(KubernetesNames.MakeSafe(id), taken);
            taken.Add(planned[id]);
        }
        // In the plan's order (a dictionary filled without removals enumerates in insertion order).
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in planned)
        {
            if (pair.Key != pair.Value)
            {
                renames[pair.Key] = pair.Value;
            }
        }
        return new ModuleRenamePlan(renames);
    }

    /// <summary>
    /// Keys a renamed module must not take: module entries that are not definitions (K6 reports them) and module twin
    /// sections of no module. Taking one would make a duplicate key, or hand the module another's desired properties.
    /// </summary>
    private static IEnumerable<string> KeysOfNoModule(ManifestDocument manifest)
    {
        var moduleIds = new HashSet<string>(manifest.Modules.Select(m => m.Name), StringComparer.Ordinal);
        return manifest.Diagnostics.Where(d => d.Id == ManifestDiagnosticsRule.ModuleNotAnObject).Select(d => d.ModuleName)
            .Concat(manifest.ModuleTwins.Select(t => t.ModuleId))
            .OfType<string>()
            .Where(key => !moduleIds.Contains(key));
    }

    /// <summary>
    /// Ids of custom modules, once each; ids with '$' are template placeholders, judged only once expanded.
    /// </summary>
    public static IEnumerable<string> CustomModuleIds(ManifestDocument manifest) =>
        manifest.Modules.Where(m => !m.IsSystemModule && m.Name.IndexOf('$') < 0).Select(m => m.Name).Distinct(StringComparer.Ordinal);
}

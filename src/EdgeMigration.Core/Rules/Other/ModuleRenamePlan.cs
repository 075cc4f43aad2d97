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
    private ModuleRenamePlan(Dictionary<string, string> renames, List<string> foreignIds, Dictionary<string, string> blocked,
        List<ModuleNameConflict> conflicts)
    {
        Renames = renames;
        ForeignIds = foreignIds;
        Blocked = blocked;
        Conflicts = conflicts;
    }

    /// <summary>
    /// Old id → new id, for the modules whose id changes, and for the modules of other deployments that a layered one's
    /// routes, module twin sections and module setting keys name (<see cref="ForeignIds"/>), which its references follow.
    /// </summary>
    public IReadOnlyDictionary<string, string> Renames { get; }

    /// <summary>
    /// Ids a layered deployment's routes, module twin sections and module setting keys name without defining the module: another deployment
    /// for the same devices does, and its conversion renames the module as <see cref="KubernetesNames.MakeSafe"/> does
    /// unless the user's renames say otherwise.
    /// </summary>
    public IReadOnlyList<string> ForeignIds { get; }

    /// <summary>Foreign ids whose safe name a module or key of this deployment already has → that name: not followed.</summary>
    public IReadOnlyDictionary<string, string> Blocked { get; }

    /// <summary>
    /// The user's renames of this manifest's modules that leave two modules one device name, or move a module the user did
    /// not name aside from the name it has otherwise ('web' to 'web-2'), in the plan's order.
    /// </summary>
    public IReadOnlyList<ModuleNameConflict> Conflicts { get; }

    public bool IsForeign(string id) => ForeignIds.Contains(id);

    public static ModuleRenamePlan For(ManifestDocument manifest, IDictionary<string, string> userRenames)
    {
        // Written as loops: this runs for every check and conversion, and each query's lambdas were methods for the JIT.
        var ids = CustomModuleIds(manifest);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var module in manifest.Modules)
        {
            if (module.IsSystemModule)
            {
                taken.Add(KubernetesNames.Sanitize(module.Name));
            }
        }
        taken.UnionWith(KeysOfNoModule(manifest));
        var planned = new Dictionary<string, string>(StringComparer.Ordinal);
        // The user's renames also name placeholder ids, which are otherwise kept.
        foreach (var id in WithPlaceholderIds(manifest, ids))
        {
            if (userRenames.TryGetValue(id, out var userId))
            {
                planned[id] = userId;
                taken.Add(userId);
            }
        }
        foreach (var id in ids)
        {
            if (!planned.ContainsKey(id) && KubernetesNames.IsSafeName(id) && taken.Add(id))
            {
                planned[id] = id;
            }
        }
        foreach (var id in ids)
        {
            if (!planned.ContainsKey(id))
            {
                planned[id] = KubernetesNames.MakeUnique(KubernetesNames.MakeSafe(id), taken);
                taken.Add(planned[id]);
            }
        }
        var conflicts = UserRenameConflicts(manifest, userRenames, planned);
        var foreignIds = ForeignModuleIds(manifest);
        var blocked = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in foreignIds)
        {
            // The other deployment's conversion cannot see this one's names: a safe name taken here is reported, not made unique.
            if (userRenames.TryGetValue(id, out var userId))
            {
                planned[id] = userId;
            }
            else if (!KubernetesNames.IsSafeName(id) && !TemplateText.IsPlaceholderId(id))
            {
                var safe = KubernetesNames.MakeSafe(id);
                if (taken.Contains(safe))
                {
                    blocked[id] = safe;
                }
                else
                {
                    planned[id] = safe;
                }
            }
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
        return new ModuleRenamePlan(renames, foreignIds, blocked, conflicts);
    }

    /// <summary>
    /// For each module the user renamed (to another id), whether its device name is another module's too once the plan
    /// is carried out, or is the name another module has when nothing takes it first (its id when that is a Kubernetes
    /// name, else the name made of it: 'file_mover' becomes 'file-mover', though the device runs it as 'filemover').
    /// </summary>
    private static List<ModuleNameConflict> UserRenameConflicts(ManifestDocument manifest, IDictionary<string, string> userRenames,
        Dictionary<string, string> planned)
    {
        var conflicts = new List<ModuleNameConflict>();
        if (userRenames.Count == 0)
        {
            return conflicts;
        }
        var deviceNames = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var module in manifest.Modules)
        {
            var name = KubernetesNames.Sanitize(planned.TryGetValue(module.Name, out var newId) ? newId : module.Name);
            deviceNames[name] = deviceNames.TryGetValue(name, out var count) ? count + 1 : 1;
        }
        foreach (var pair in planned)
        {
            if (pair.Key == pair.Value || !userRenames.TryGetValue(pair.Key, out var userId) || userId != pair.Value)
            {
                continue;
            }
            var name = KubernetesNames.Sanitize(userId);
            if (deviceNames[name] > 1 || MovedAside(manifest, userRenames, planned, name))
            {
                conflicts.Add(new ModuleNameConflict(pair.Key, userId, name));
            }
        }
        return conflicts;
    }

    /// <summary>True when a custom module the user did not rename has <paramref name="name"/> as the name it gets when free, and was given another.</summary>
    private static bool MovedAside(ManifestDocument manifest, IDictionary<string, string> userRenames, Dictionary<string, string> planned, string name)
    {
        foreach (var module in manifest.Modules)
        {
            if (!module.IsSystemModule && !userRenames.ContainsKey(module.Name) && planned.TryGetValue(module.Name, out var newId) &&
                NameWhenFree(module.Name) == name && newId != name)
            {
                return true;
            }
        }
        return false;
    }

    private static string NameWhenFree(string id) => KubernetesNames.IsSafeName(id) ? id : KubernetesNames.MakeSafe(id);

    /// <summary>
    /// In a layered deployment, the ids its routes, module twin sections and module setting keys name that are no module of
    /// its own, once each in manifest order (routes first); none in a deployment that stands alone, where such a reference
    /// names nothing.
    /// </summary>
    private static List<string> ForeignModuleIds(ManifestDocument manifest)
    {
        var foreign = new List<string>();
        if (!manifest.IsLayered)
        {
            return foreign;
        }
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var module in manifest.Modules)
        {
            defined.Add(module.Name);
        }
        void Add(string id)
        {
            // "$edgeHub" and "$upstream" are no modules' ids.
            if (!id.StartsWith("$", StringComparison.Ordinal) && !defined.Contains(id) && !foreign.Contains(id))
            {
                foreign.Add(id);
            }
        }
        foreach (var route in manifest.Routes)
        {
            if (route.Text is { } text)
            {
                foreach (var id in RouteReferences.NamedIds(text))
                {
                    Add(id);
                }
            }
        }
        foreach (var twin in manifest.ModuleTwins)
        {
            Add(twin.ModuleId);
        }
        foreach (var key in manifest.ModuleSettingKeys)
        {
            if (!key.IsSystemModule)
            {
                Add(key.ModuleId);
            }
        }
        return foreign;
    }

    /// <summary>The custom module ids and, after them, those the plan otherwise keeps as template placeholders.</summary>
    private static List<string> WithPlaceholderIds(ManifestDocument manifest, List<string> ids)
    {
        var all = new List<string>(ids);
        foreach (var module in manifest.Modules)
        {
            if (!module.IsSystemModule && TemplateText.IsPlaceholderId(module.Name) && !all.Contains(module.Name))
            {
                all.Add(module.Name);
            }
        }
        return all;
    }

    /// <summary>
    /// Keys a renamed module must not take: module entries that are not definitions (K6 reports them) and module twin
    /// sections of no module. Taking one would make a duplicate key, or hand the module another's desired properties.
    /// </summary>
    private static List<string> KeysOfNoModule(ManifestDocument manifest)
    {
        var moduleIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var module in manifest.Modules)
        {
            moduleIds.Add(module.Name);
        }
        var keys = new List<string>();
        foreach (var diagnostic in manifest.Diagnostics)
        {
            if (diagnostic.Id == ManifestDiagnosticsRule.ModuleNotAnObject && diagnostic.ModuleName is { } key && !moduleIds.Contains(key))
            {
                keys.Add(key);
            }
        }
        foreach (var twin in manifest.ModuleTwins)
        {
            if (!moduleIds.Contains(twin.ModuleId))
            {
                keys.Add(twin.ModuleId);
            }
        }
        return keys;
    }

    /// <summary>
    /// Ids of custom modules, once each, in manifest order; placeholders of a template (<see cref="TemplateText.IsPlaceholderId"/>)
    /// are judged only once expanded, and renaming one would leave the script that expands it nothing to replace.
    /// </summary>
    public static List<string> CustomModuleIds(ManifestDocument manifest)
    {
        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var module in manifest.Modules)
        {
            if (!module.IsSystemModule && !TemplateText.IsPlaceholderId(module.Name) && seen.Add(module.Name))
            {
                ids.Add(module.Name);
            }
        }
        return ids;
    }
}

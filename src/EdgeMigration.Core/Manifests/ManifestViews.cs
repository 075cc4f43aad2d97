using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Json;
using static EdgeMigration.Core.Manifests.ManifestDocument;

namespace EdgeMigration.Core.Manifests;

/// <summary>
/// Reads the views of a <see cref="ManifestDocument"/> where its shape puts them: modules (in the $edgeAgent desired
/// properties, or a layered deployment's dotted keys), routes and module twin sections, each over its members of the tree.
/// </summary>
internal static class ManifestViews
{
    /// <summary>The modules; each definition that is no object is skipped with a diagnostic.</summary>
    public static List<EdgeModule> Modules(ManifestDocument document, Dictionary<JObject, CreateOptions>? decoded, List<ManifestDiagnostic> diagnostics)
    {
        var modules = new List<EdgeModule>();
        foreach (var entry in ModuleEntries(document, diagnostics))
        {
            modules.Add(new EdgeModule(entry.Name, entry.IsSystem, entry.Definition, entry.Location, entry.Member, entry.Container, document.IsTemplate, decoded));
        }
        return modules;
    }

    /// <summary>True when a module's createOptions are an object, as in a template: its shape is being detected, so nothing is reported yet.</summary>
    public static bool HasObjectCreateOptions(ManifestDocument document) =>
        ModuleEntries(document, diagnostics: null).Any(e => e.Definition.FindIgnoreCase("settings")?.Value is JObject s && s.FindIgnoreCase("createOptions")?.Value is JObject);

    private static IEnumerable<ModuleEntry> ModuleEntries(ManifestDocument document, List<ManifestDiagnostic>? diagnostics)
    {
        if (document.EdgeAgentDesired is not null)
        {
            foreach (var section in new[] { ("systemModules", true), ("modules", false) })
            {
                if (document.EdgeAgentDesired.Find(section.Item1)?.Value is JObject modules)
                {
                    var path = JsonPath.Member(document.EdgeAgentDesiredPath!, section.Item1);
                    foreach (var member in modules.Members)
                    {
                        if (Entry(member.Name, section.Item2, member, modules, JsonPath.Member(path, member.Name), diagnostics) is { } entry)
                        {
                            yield return entry;
                        }
                    }
                }
            }
        }
        foreach (var key in LayeredAgentKeys(document))
        {
            if (key.SettingStart < 0 && Entry(key.Id, key.IsSystem, key.Member, key.Agent, key.Location, diagnostics) is { } entry)
            {
                yield return entry;
            }
        }
    }

    /// <summary>A layered deployment's keys that set one setting of a module (<see cref="ModuleSettingKey"/>), in manifest order.</summary>
    public static List<ModuleSettingKey> ModuleSettingKeys(ManifestDocument document)
    {
        var keys = new List<ModuleSettingKey>();
        foreach (var key in LayeredAgentKeys(document))
        {
            if (key.SettingStart >= 0)
            {
                keys.Add(new ModuleSettingKey(key.Id.Substring(0, key.SettingStart - 1), key.Id.Substring(key.SettingStart), key.IsSystem,
                    key.Agent, key.Member, key.Location));
            }
        }
        return keys;
    }

    /// <summary>
    /// The module keys of a layered deployment's $edgeAgent: "properties.desired.modules.&lt;id&gt;" (or systemModules),
    /// each with what follows the prefix and where a setting after the id begins (-1 for a key that defines the module).
    /// </summary>
    private static IEnumerable<(string Id, int SettingStart, bool IsSystem, JMember Member, JObject Agent, string Location)> LayeredAgentKeys(ManifestDocument document)
    {
        if (!document.IsLayered || document.ModulesContent?.Find(EdgeAgent)?.Value is not JObject agent)
        {
            yield break;
        }
        var agentPath = JsonPath.Member(document.ModulesContentPath!, EdgeAgent);
        foreach (var member in agent.Members)
        {
            var system = member.Name.StartsWith(LayeredSystemModulePrefix, StringComparison.Ordinal);
            if (!system && !member.Name.StartsWith(LayeredModulePrefix, StringComparison.Ordinal))
            {
                continue;
            }
            var id = member.Name.Substring(system ? LayeredSystemModulePrefix.Length : LayeredModulePrefix.Length);
            yield return (id, SettingStart(id), system, member, agent, JsonPath.Member(agentPath, member.Name));
        }
    }

    /// <summary>
    /// Where the setting begins in "&lt;id&gt;.&lt;setting&gt;": past the first '.', as twin property names hold none, but
    /// not one inside a template placeholder ("${MODULES.sensor}"); -1 for an id alone.
    /// </summary>
    private static int SettingStart(string id)
    {
        var inPlaceholder = false;
        for (var i = 0; i < id.Length; i++)
        {
            if (id[i] == '$' && i + 1 < id.Length && id[i + 1] == '{')
            {
                inPlaceholder = true;
            }
            else if (id[i] == '}')
            {
                inPlaceholder = false;
            }
            else if (id[i] == '.' && !inPlaceholder && i > 0 && i + 1 < id.Length)
            {
                return i + 1;
            }
        }
        return -1;
    }

    private static ModuleEntry? Entry(string name, bool system, JMember member, JObject container, string location, List<ManifestDiagnostic>? diagnostics)
    {
        if (member.Value is JObject definition)
        {
            return new ModuleEntry(name, system, definition, member, container, location);
        }
        diagnostics?.Add(new ManifestDiagnostic("ModuleNotAnObject",
            $"The definition of module '{name}' is {CreateOptions.Describe(member.Value)}, not an object; it is skipped.", location, name));
        return null;
    }

    public static List<EdgeRoute> Routes(ManifestDocument document)
    {
        var routes = new List<EdgeRoute>();
        if (document.EdgeHubDesired?.Find("routes")?.Value is JObject desiredRoutes)
        {
            var path = JsonPath.Member(JsonPath.Member(JsonPath.Member(document.ModulesContentPath!, EdgeHub), DesiredProperties), "routes");
            routes.AddRange(desiredRoutes.Members.Select(m => new EdgeRoute(m.Name, desiredRoutes, m, JsonPath.Member(path, m.Name))));
        }
        if (document.IsLayered && document.ModulesContent?.Find(EdgeHub)?.Value is JObject hub)
        {
            var hubPath = JsonPath.Member(document.ModulesContentPath!, EdgeHub);
            routes.AddRange(hub.Members
                .Where(m => m.Name.StartsWith(LayeredRoutePrefix, StringComparison.Ordinal))
                .Select(m => new EdgeRoute(m.Name.Substring(LayeredRoutePrefix.Length), hub, m, JsonPath.Member(hubPath, m.Name))));
        }
        return routes;
    }

    /// <summary>The module twin sections: the members of modulesContent other than $edgeAgent and $edgeHub that are objects.</summary>
    public static List<ModuleTwinSection> Twins(ManifestDocument document)
    {
        var twins = new List<ModuleTwinSection>();
        if (document.ModulesContent is not { } content)
        {
            return twins;
        }
        foreach (var member in content.Members)
        {
            if (member.Name != EdgeAgent && member.Name != EdgeHub && member.Value is JObject)
            {
                twins.Add(new ModuleTwinSection(content, member, JsonPath.Member(document.ModulesContentPath!, member.Name)));
            }
        }
        return twins;
    }

    private sealed record ModuleEntry(string Name, bool IsSystem, JObject Definition, JMember Member, JObject Container, string Location);
}

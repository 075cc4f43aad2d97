using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules.Network;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// O2: the device names each module's Deployment, Service and container after its id, lower-cased with every
/// character outside [a-z0-9.-] dropped. Ids that collide that way, or that do not end up as a DNS label, fail
/// the deployment; others work under a different name than the one other modules use. The fix renames modules to
/// safe names and rewrites every reference to them: the module's key, routes, module twin sections, a layered
/// deployment's keys that set one of their settings, and other modules' variables that name them (<see cref="EnvironmentReferences"/>). It runs
/// last among the fixes, so the other rules' changes are recorded under the ids the user knows. A template's placeholder
/// ids (<c>__MODULE_NAME</c>, <c>${MODULE}</c>) keep their ids: what the replacing id must be is reported instead.
/// </summary>
public sealed class ModuleNameRule : MigrationRule
{
    public override string Id => "O2";
    public override string Title => "Module ids must be Kubernetes names";
    public override Severity DefaultSeverity => Severity.Warning;
    public override string Section => "other-differences";
    public override bool CanFix => true;
    internal override bool FindsRefusedDeployments => true;
    internal override bool FindsStoppedDeployments => true;

    public override IEnumerable<Finding> Check(ManifestDocument manifest)
    {
        var found = new List<Finding>();
        var plan = ModuleRenamePlan.For(manifest, new Dictionary<string, string>());
        var renames = plan.Renames;
        var customIds = new HashSet<string>(ModuleRenamePlan.CustomModuleIds(manifest), StringComparer.Ordinal);
        var modules = manifest.Modules.Where(m => m.IsSystemModule || customIds.Contains(m.Name)).ToList();
        var idsByDeviceName = ModuleIdCheck.ByDeviceName(modules.Select(m => m.Name));
        foreach (var module in modules.Where(m => !m.IsSystemModule))
        {
            // A safe id the plan keeps is fine: its collisions are reported on the modules renamed away from it.
            if (!renames.TryGetValue(module.Name, out var newName) || ModuleIdCheck.Check(module.Name, idsByDeviceName, ModulePorts.MakesService(module)) is not { } problem)
            {
                continue;
            }
            found.Add(Finding(module, "",
                $"Module id '{module.Name}' {problem.Text}.",
                $"Rename it to '{newName}' (ConvertTo-GpuEdgeManifest does, with its routes and module twin section). Its IoT Hub module identity changes too: update whatever calls its direct methods or reads its messages by module id.",
                problem.Fails ? Severity.Error : Severity.Warning, inDefinition: true, refusesDeployment: problem is { Fails: true, StopsDeployment: false },
                stopsDeployment: problem.StopsDeployment));
        }
        foreach (var module in manifest.Modules)
        {
            if (!module.IsSystemModule && TemplateText.IsPlaceholderId(module.Name))
            {
                found.Add(Finding(module, "",
                    $"Module id '{module.Name}' is a template placeholder, kept as it is; the device names the module after the id that replaces it, lower-cased with every character outside a-z, 0-9, '.' and '-' dropped.",
                    $"Replace it with a Kubernetes name (lower-case letters, digits and '-', starting with a letter), so that the module runs under the id other modules and IoT Hub know; ConvertTo-GpuEdgeManifest -ModuleNameMap @{{ '{module.Name}' = '<name>' }} does, with its routes and module twin section.",
                    Severity.Information, fixable: false, inDefinition: true));
            }
        }
        var references = new RouteReferences(renames.Keys);
        foreach (var route in manifest.Routes)
        {
            var mentioned = route.Text is { } text ? references.Mentioned(text) : Array.Empty<string>();
            // In the plan's order; most routes name one module or none, so the plan is gone through only for the others.
            var ids = mentioned.Count < 2 ? mentioned : renames.Keys.Where(mentioned.Contains);
            foreach (var id in ids)
            {
                found.Add(plan.IsForeign(id)
                    ? Foreign(route.Location, $"Route '{route.Name}' refers to module '{id}'", id, renames[id])
                    : Finding(null, route.Location,
                        $"Route '{route.Name}' refers to module '{id}', which is to be renamed '{renames[id]}'.",
                        "Rename the module and the route together.", Severity.Information));
            }
        }
        var variables = new EnvironmentReferences(renames);
        foreach (var module in manifest.Modules)
        {
            foreach (var reference in variables.Of(module))
            {
                foreach (var id in reference.Ids)
                {
                    found.Add(Finding(module, reference.Variable.Location,
                        $"Variable '{reference.Variable.Name}' names module '{id}', which is to be renamed '{renames[id]}'.",
                        "Rename the module and the variable together (ConvertTo-GpuEdgeManifest does).", Severity.Information, inDefinition: reference.Variable.InDefinition));
                }
            }
        }
        foreach (var twin in manifest.ModuleTwins)
        {
            if (plan.IsForeign(twin.ModuleId) && renames.TryGetValue(twin.ModuleId, out var newName))
            {
                found.Add(Foreign(twin.Location, $"The module twin section '{twin.ModuleId}' is for module '{twin.ModuleId}'", twin.ModuleId, newName));
            }
        }
        foreach (var key in manifest.ModuleSettingKeys)
        {
            if (!key.IsSystemModule && renames.TryGetValue(key.ModuleId, out var newName))
            {
                var reference = $"Key '{key.Key}' sets {key.Setting} of module '{key.ModuleId}'";
                found.Add(plan.IsForeign(key.ModuleId)
                    ? Foreign(key.Location, reference, key.ModuleId, newName)
                    : Finding(null, key.Location, $"{reference}, which is to be renamed '{newName}'.",
                        "Rename the module and the key together (ConvertTo-GpuEdgeManifest does).", Severity.Information));
            }
        }
        foreach (var blocked in plan.Blocked)
        {
            found.Add(Finding(null, "",
                $"This layered deployment refers to module '{blocked.Key}', which it does not define; the deployment that does is converted with the module renamed '{blocked.Value}', which this deployment uses for something else, so its references to '{blocked.Key}' are left as they are.",
                $"Give the module another id in all the deployments for the device: ConvertTo-GpuEdgeManifest -ModuleNameMap @{{ '{blocked.Key}' = '<name>' }} on each of them.",
                fixable: false));
        }
        return found;
    }

    /// <summary>
    /// A layered deployment's reference to a module another deployment defines: that deployment's conversion renames the
    /// module, so the reference must follow, or it names a module that no longer exists once both are deployed.
    /// </summary>
    private Finding Foreign(string location, string reference, string id, string newName) =>
        Finding(null, location,
            $"{reference}, which this layered deployment does not define; the deployment that does is converted with the module renamed '{newName}', and the reference follows it.",
            $"Convert every deployment for the device with the same -ModuleNameMap (none is the same too), so that the module and the references to it keep one id; @{{ '{id}' = '<name>' }} gives it another.");

    public override void Fix(ConversionContext context)
    {
        var manifest = context.Manifest;
        var plan = ModuleRenamePlan.For(manifest, context.Options.ModuleNameMap);
        var renames = plan.Renames;
        if (renames.Count == 0)
        {
            return;
        }
        context.ModuleRenames = renames;
        context.NameMapConflicts = plan.Conflicts;
        var modules = manifest.Modules.Where(m => !m.IsSystemModule && renames.ContainsKey(m.Name)).ToList();
        var twins = manifest.ModuleTwins.Where(t => renames.ContainsKey(t.ModuleId)).ToList();
        foreach (var module in modules)
        {
            var newName = renames[module.Name];
            // The key is the id itself, or a layered "properties.desired.modules.<id>".
            var key = module.Member.Name;
            module.Container.Rename(module.Member, key.Substring(0, key.Length - module.Name.Length) + newName);
            context.Record(this, module, "", JValue.String(module.Name), JValue.String(newName), $"Renamed module '{module.Name}' to '{newName}'.", inDefinition: true);
        }
        FollowContainerReferences(context, renames);
        var variables = new EnvironmentReferences(renames);
        foreach (var module in manifest.Modules)
        {
            foreach (var reference in variables.Of(module))
            {
                ModuleEnvironment.SetValue(context, this, module, reference.Variable, reference.RenamedValue,
                    $"Variable {reference.Variable.Name} follows the module{(reference.Ids.Count == 1 ? "" : "s")} it names, renamed {string.Join(", ", reference.Ids.Select(id => "'" + renames[id] + "'"))}.");
            }
        }
        var references = new RouteReferences(renames.Keys);
        foreach (var route in manifest.Routes)
        {
            if (route.Text is { } text && references.Rename(text, renames) is var rewritten && rewritten != text)
            {
                route.SetText(rewritten);
                context.Record(this, null, route.Location, JValue.String(text), JValue.String(rewritten), $"Route '{route.Name}' follows the renamed modules.");
            }
        }
        foreach (var key in manifest.ModuleSettingKeys.Where(k => !k.IsSystemModule && renames.ContainsKey(k.ModuleId)).ToList())
        {
            var oldKey = key.Key;
            var newKey = oldKey.Substring(0, oldKey.Length - key.ModuleId.Length - key.Setting.Length - 1) + renames[key.ModuleId] + "." + key.Setting;
            key.Container.Rename(key.Member, newKey);
            context.Record(this, null, key.Location, JValue.String(oldKey), JValue.String(newKey), $"Key '{oldKey}' follows module '{key.ModuleId}', renamed '{renames[key.ModuleId]}'.");
        }
        foreach (var twin in twins)
        {
            var oldId = twin.ModuleId;
            twin.ModulesContent.Rename(twin.Member, renames[oldId]);
            context.Record(this, null, twin.Location, JValue.String(oldId), JValue.String(renames[oldId]), $"The module twin section of '{oldId}' follows the module.");
        }
        // No fix runs after this one: the converter reads the modules again under their new ids when it writes their
        // createOptions back (CommitAndRefresh), keeping the edits made to them; reading them here as well doubled that work.
    }

    /// <summary>The HostConfig modes in which Docker names another module's container (<c>"IpcMode": "container:&lt;id&gt;"</c>).</summary>
    private static readonly string[] ContainerModes = { "IpcMode", "NetworkMode", "PidMode" };

    /// <summary>
    /// A module that names a renamed one's container in its IPC, network or PID mode follows it: on Docker devices the
    /// container is named after the module's id, and R3 reads the pairs before and after the conversion alike.
    /// </summary>
    private void FollowContainerReferences(ConversionContext context, IReadOnlyDictionary<string, string> renames)
    {
        foreach (var module in context.Manifest.Modules)
        {
            var hostConfig = module.CreateOptions is { Error: null } ? module.HostConfig() : null;
            foreach (var mode in ContainerModes)
            {
                if (hostConfig?.FindIgnoreCase(mode) is { Value: JValue { IsString: true } value } member &&
                    CreateOptionsAccess.JoinedContainer(value.Text) is { } joined && renames.TryGetValue(joined, out var newName))
                {
                    // The prefix as the user spelt it ("Container:").
                    var after = JValue.String(value.Text.Substring(0, value.Text.Length - joined.Length) + newName);
                    hostConfig.Set(member.Name, after);
                    context.Record(this, module, "HostConfig." + member.Name, value, after, $"{member.Name} follows the module it names, renamed '{newName}'.");
                }
            }
        }
    }
}

using System;
using System.Collections.Generic;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// K15: a variable set both in a module's env section and in its createOptions Env. Both devices give the module the Env
/// entry's value: on the FPGA device the IoT Edge daemon (iotedged) merges createOptions Env over the env section the agent
/// sends it (edgelet-docker DockerModuleRuntime.merge_env; the Docker agent's CreateCommand.InjectEnvVars, which did the
/// reverse, is only the old Docker mode without iotedged), and the GPU device's agent sends both, the env section's first
/// (KubernetesDeploymentMapper.CollectModuleEnv), and the container gets the last. So the env section's value is not used
/// (an Information, as the module runs alike on both devices), and a change to the env section alone would not count. Of
/// Env entries of one name the last counts, and only it is reported. The fix removes the Env entries of a name only where
/// that last one has the env section's value: removing one of another value would change the value the module runs
/// with. An entry without '=' is left out (the GPU device's agent drops it), but one after the entry that counts is said
/// to have set the variable to '' on the FPGA device; names are compared as both devices compare them, case-sensitively.
/// </summary>
public sealed class EnvironmentOverrideRule : ModuleRule
{
    public override string Id => "K15";
    public override string Title => "Variables set in both the env section and createOptions Env";
    public override Severity DefaultSeverity => Severity.Information;
    public override string Section => "other-differences";
    public override bool CanFix => true;

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, List<Finding> findings)
    {
        foreach (var (entry, sameValue, counts) in Twins(module))
        {
            if (!counts)
            {
                continue;
            }
            // Values are not quoted: variables hold passwords and connection strings.
            findings.Add(HasLaterEntryWithoutValue(module, entry)
                ? Finding(module, entry.Location,
                    $"Environment variable '{entry.Name}' is set in the env section and {(sameValue ? "again, to the same value," : "to another value")} in createOptions Env, and a later Env entry '{entry.Name}' without '=' follows: on the FPGA device that entry set the variable to '' (see K1); the GPU device's agent drops it, so there the module gets this Env entry's value.",
                    sameValue
                        ? "Set the variable in one place: remove the Env entry, as ConvertTo-GpuEdgeManifest does, and decide about the entry without '=' (K1)."
                        : "Set the variable in one place, to the value the module should run with, and decide about the entry without '=' (K1).",
                    fixable: sameValue)
                : sameValue
                ? Finding(module, entry.Location,
                    $"Environment variable '{entry.Name}' is set in the env section and again, to the same value, in createOptions Env; on both devices the Env entry is the one that counts, so a change made to the env section alone would not.",
                    "Set the variable in one place: remove the Env entry, as ConvertTo-GpuEdgeManifest does.")
                : Finding(module, entry.Location,
                    $"Environment variable '{entry.Name}' is set in the env section and, to another value, in createOptions Env: on both devices the module gets the Env entry's value (the FPGA device's IoT Edge daemon puts Env over the env section, the GPU device's agent sends Env last), so the env section's value is not used.",
                    "Set the variable in one place, to the value the module runs with: remove the env section's setting. ConvertTo-GpuEdgeManifest leaves both, as the module gets the Env entry's value on both devices.",
                    fixable: false));
        }
    }

    public override void Fix(ConversionContext context)
    {
        foreach (var module in context.Manifest.Modules)
        {
            if (Twins(module) is { Count: > 0 } twins)
            {
                RemoveEnvEntries(context, module, twins);
            }
        }
    }

    private void RemoveEnvEntries(ConversionContext context, EdgeModule module, IReadOnlyList<(ModuleVariable Entry, bool SameValue, bool Counts)> twins)
    {
        // Entries of the value that counts go, so that the variable is set in one place; those of another value stay, as
        // the module runs with it.
        List<ModuleVariable>? entries = null;
        for (var i = 0; i < twins.Count; i++)
        {
            if (twins[i].SameValue)
            {
                (entries ??= new List<ModuleVariable>()).Add(twins[i].Entry);
            }
        }
        if (entries is not null)
        {
            ModuleEnvironment.Remove(context, this, module, entries,
                entry => $"Removed Env entry {entry.Name}: the env section sets it to the value the module gets.");
        }
    }

    /// <summary>
    /// The module's Env entries (with '=') of a name the env section sets too, in Env order; whether the env section has the
    /// value the module gets, that of the name's last Env entry; and whether the entry is that last one.
    /// </summary>
    private static IReadOnlyList<(ModuleVariable Entry, bool SameValue, bool Counts)> Twins(EdgeModule module)
    {
        List<(ModuleVariable Entry, bool SameValue, bool Counts)>? twins = null;
        // The device runs its own edgeAgent and never reads the manifest's settings of it (K7).
        if (module.IsEdgeAgent || module.EnvSection is not { Count: > 0 } section)
        {
            return Array.Empty<(ModuleVariable, bool, bool)>();
        }
        // Only the Env entries of the section's names are read as variables: every check asks of every module, whose Env may be long.
        var env = module.Options().ArrayOf(ModuleEnvironment.EnvName);
        for (var i = 0; env is not null && i < env.Count; i++)
        {
            if (env[i] is JValue { IsString: true } entry && entry.Text.IndexOf('=') is var equals and >= 0 &&
                SettingNamed(section, entry.Text, equals) is { } setting)
            {
                var variable = new ModuleVariable(entry.Text, i);
                (twins ??= new List<(ModuleVariable Entry, bool SameValue, bool Counts)>()).Add((variable, string.Equals(EdgeModule.EnvValue(setting), variable.Value, StringComparison.Ordinal), true));
            }
        }
        // Of Env entries of one name, the last counts on both devices: the earlier ones are judged by it.
        for (var i = (twins?.Count ?? 0) - 2; i >= 0; i--)
        {
            for (var j = i + 1; j < twins!.Count; j++)
            {
                if (twins[j].Entry.Name == twins[i].Entry.Name)
                {
                    twins[i] = (twins[i].Entry, twins[j].SameValue, false);
                    break;
                }
            }
        }
        return twins ?? (IReadOnlyList<(ModuleVariable, bool, bool)>)Array.Empty<(ModuleVariable, bool, bool)>();
    }

    /// <summary>
    /// Whether an Env entry without '=' of <paramref name="entry"/>'s name comes after it: the FPGA device's IoT Edge
    /// daemon set the variable to '' with it, so there this entry did not count. Asked only of an entry reported.
    /// </summary>
    private static bool HasLaterEntryWithoutValue(EdgeModule module, ModuleVariable entry) =>
        // Any later entry of the name is one without '=': with one, the entry reported would not be the name's last.
        ModuleEnvironment.LaterEntryNamed(module.Options().ArrayOf(ModuleEnvironment.EnvName)!, entry.EnvIndex, entry.Name, entry.Name.Length) >= 0;

    /// <summary>The section's last member named as the first <paramref name="length"/> characters of <paramref name="text"/> (the one the agents read).</summary>
    private static JMember? SettingNamed(JObject section, string text, int length)
    {
        // By index: a foreach over the member list would make an enumerator for every Env entry of every check.
        var members = section.Members;
        for (var i = members.Count - 1; i >= 0; i--)
        {
            if (members[i].Name.Length == length && string.CompareOrdinal(text, 0, members[i].Name, 0, length) == 0)
            {
                return members[i];
            }
        }
        return null;
    }
}

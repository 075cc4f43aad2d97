using System;
using System.Collections.Generic;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// K15: a variable set both in a module's env section and in its createOptions Env. Where the values differ, on the FPGA device
/// the Docker agent drops the Env entry for the env section's (CreateCommand.InjectEnvVars); the GPU device's agent sends
/// both, the env section's first (KubernetesDeploymentMapper.CollectModuleEnv), and the container gets the last, the Env
/// entry's (a Warning); where they are the same, a change to the env section alone would not count on the GPU device (an
/// Information). The fix removes the Env entry, so the module keeps the value it has now. An entry without '=' is dropped
/// on both devices; names are compared as both agents compare them, case-sensitively.
/// </summary>
public sealed class EnvironmentOverrideRule : ModuleRule
{
    public override string Id => "K15";
    public override string Title => "Variables set in both the env section and createOptions Env";
    public override Severity DefaultSeverity => Severity.Warning;
    public override string Section => "other-differences";
    public override bool CanFix => true;

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, List<Finding> findings)
    {
        foreach (var (entry, sameValue) in Twins(module))
        {
            // Values are not quoted: variables hold passwords and connection strings.
            findings.Add(sameValue
                ? Finding(module, entry.Location,
                    $"Environment variable '{entry.Name}' is set in the env section and again, to the same value, in createOptions Env; on the GPU device the Env entry is the one that counts, so a change made to the env section alone would not.",
                    "Set the variable in one place: remove the Env entry, as ConvertTo-GpuEdgeManifest does.", Severity.Information)
                : Finding(module, entry.Location,
                    $"Environment variable '{entry.Name}' is set in the env section and, to another value, in createOptions Env: on the FPGA device the module gets the env section's value, on the GPU device the Env entry's (the device's agent sends both, Env last).",
                    "Set the variable in one place: remove the Env entry, as ConvertTo-GpuEdgeManifest does, so that the module keeps the value it has on the FPGA device."));
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

    private void RemoveEnvEntries(ConversionContext context, EdgeModule module, IReadOnlyList<(ModuleVariable Entry, bool SameValue)> twins)
    {
        // Entries of the same value go too, or a later fix (the proxy rules set a variable where it takes effect) would
        // change the Env entry alone and part them.
        var entries = new List<ModuleVariable>(twins.Count);
        for (var i = 0; i < twins.Count; i++)
        {
            entries.Add(twins[i].Entry);
        }
        ModuleEnvironment.Remove(context, this, module, entries,
            entry => $"Removed Env entry {entry.Name}: the env section sets it, and its value is the one the module gets on the FPGA device.");
    }

    /// <summary>The module's Env entries (with '=') of a name the env section sets too, in Env order, and whether the values are the same.</summary>
    private static IReadOnlyList<(ModuleVariable Entry, bool SameValue)> Twins(EdgeModule module)
    {
        List<(ModuleVariable, bool)>? twins = null;
        // The device runs its own edgeAgent and never reads the manifest's settings of it (K7).
        if (module.IsEdgeAgent || module.EnvSection is not { Count: > 0 } section)
        {
            return Array.Empty<(ModuleVariable, bool)>();
        }
        // Only the Env entries of the section's names are read as variables: every check asks of every module, whose Env may be long.
        var env = module.Options().ArrayOf(ModuleEnvironment.EnvName);
        for (var i = 0; env is not null && i < env.Count; i++)
        {
            if (env[i] is JValue { IsString: true } entry && entry.Text.IndexOf('=') is var equals and >= 0 &&
                SettingNamed(section, entry.Text, equals) is { } setting)
            {
                var variable = new ModuleVariable(entry.Text, i);
                (twins ??= new List<(ModuleVariable, bool)>()).Add((variable, string.Equals(EdgeModule.EnvValue(setting), variable.Value, StringComparison.Ordinal)));
            }
        }
        return twins ?? (IReadOnlyList<(ModuleVariable, bool)>)Array.Empty<(ModuleVariable, bool)>();
    }

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

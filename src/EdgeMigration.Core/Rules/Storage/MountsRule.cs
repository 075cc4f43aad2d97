using System;
using System.Collections.Generic;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules.Other;

namespace EdgeMigration.Core.Rules.Storage;

/// <summary>
/// K9: HostConfig.Mounts as the device's agent reads them. Every entry needs Type, Source and Target, or the whole
/// deployment fails; only bind and volume are mapped (tmpfs and npipe are ignored or fail); a volume is a
/// PersistentVolumeClaim named after its Source as the agent sanitizes it (<see cref="DnsNames.Label"/>), which must be a DNS
/// label, must not be one of the agent's own volume names, and merges silently with another Source that sanitizes
/// alike; a bind's hostPath volume is named after its Source the same way, within the same two limits. ReadOnly is
/// honoured; BindOptions, VolumeOptions, TmpfsOptions and Consistency are not (Docker on Linux ignores Consistency too).
/// Mounts that are not an array, an entry that is not an object, or a field of a type the agent's model cannot hold
/// (<see cref="MistypedFields.OfMount"/>) keep every agent from reading the deployment, as rule K4 says of other fields;
/// a null entry it reads, then fails on as it maps the volumes (<see cref="ModuleMounts.WhyEntryStopsDeployment"/>).
/// </summary>
public sealed class MountsRule : ModuleRule
{
    public override string Id => "K9";
    public override string Title => "Mounts the device's agent rejects or ignores";
    public override Severity DefaultSeverity => Severity.Error;
    public override string Section => "storage";
    internal override bool FindsStoppedDeployments => true;

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, List<Finding> findings)
    {
        if (ModuleMounts.MountsMember(module) is not { } member || member.Value is JValue { Kind: JValueKind.Null })
        {
            return;
        }
        if (member.Value is not JArray mounts)
        {
            findings.Add(TemplateText.StandsForValue(member.Value)
                ? PendingFinding(module, ModuleMounts.LocationOf(member), member.Value, "an array of mounts")
                : Finding(module, ModuleMounts.LocationOf(member),
                    $"{member.Name} is {member.Value.ToCompactJson()}, not an array; {InvalidCreateOptionsRule.WholeDeploymentRefused}.",
                    "Make it an array of {\"Type\", \"Source\", \"Target\"} objects.", stopsDeployment: true));
            return;
        }
        for (var i = 0; i < mounts.Count; i++)
        {
            if (mounts[i] is not JObject)
            {
                var location = JsonPath.Index(ModuleMounts.LocationOf(member), i);
                findings.Add(TemplateText.StandsForValue(mounts[i])
                    ? PendingFinding(module, location, mounts[i], "a mount")
                    : Finding(module, location,
                        $"{location} is {mounts[i].ToCompactJson()}, not an object; {ModuleMounts.WhyEntryStopsDeployment(mounts[i])}.",
                        "Make it a {\"Type\", \"Source\", \"Target\"} object.", stopsDeployment: true));
            }
        }
        var volumes = new Dictionary<string, MountEntry>(StringComparer.Ordinal);
        foreach (var mount in ModuleMounts.Mounts(module))
        {
            CheckMount(module, mount, volumes, findings);
        }
    }

    private static bool IsTmpfs(MountEntry mount) => string.Equals(mount.Type, "tmpfs", StringComparison.OrdinalIgnoreCase);

    /// <summary>A memory-backed folder as the agent mounts one: an emptyDir volume of medium Memory in k8s-experimental.volumes.</summary>
    private static string EmptyDirAdvice(string? target) =>
        "For a memory-backed folder add \"k8s-experimental\": {\"volumes\": [{\"volume\": {\"name\": \"memory\", \"emptyDir\": {\"medium\": \"Memory\"}}, " +
        $"\"volumeMounts\": [{{\"name\": \"memory\", \"mountPath\": \"{(string.IsNullOrEmpty(target) ? "<path>" : target)}\"}}]}}]}} to createOptions.";

    private static void AddIfMissing(List<string> missing, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            missing.Add(name);
        }
    }

    private void CheckMount(EdgeModule module, MountEntry mount, Dictionary<string, MountEntry> volumes, List<Finding> findings)
    {
        // A field the agent's model cannot hold stops the reading before anything else is judged.
        var mistyped = MistypedFields.OfMount(mount.Value, mount.Location);
        foreach (var field in mistyped)
        {
            findings.Add(Finding(module, field));
        }
        if (mistyped.Count > 0)
        {
            return;
        }
        var missing = new List<string>();
        AddIfMissing(missing, "Type", mount.Type);
        AddIfMissing(missing, "Source", mount.Source);
        AddIfMissing(missing, "Target", mount.Target);
        if (missing.Count > 0)
        {
            // Docker's tmpfs mounts have no Source, and the agent maps none: giving it one would not mount it either.
            findings.Add(Finding(module, mount.Location,
                $"{mount.Location} has no {string.Join(", ", missing)}; the agent requires Type, Source and Target for every mount, and the whole deployment fails.",
                IsTmpfs(mount)
                    ? $"Remove the entry: the device's agent maps no tmpfs mount. {EmptyDirAdvice(mount.Target)}"
                    : "Give all three (a volume's Source is the share name, a bind's the host directory).", stopsDeployment: true));
            return;
        }
        if (mount.PlaceholderType is { } pendingType)
        {
            findings.Add(PendingFinding(module, JsonPath.Member(mount.Location, pendingType.Name), pendingType.Value, "a mount type"));
        }
        else if (!mount.IsBind && !mount.IsVolume)
        {
            // The agent's mapper keeps the mounts of Type bind and of Type volume (KubernetesDeploymentMapper.CollectModuleVolumes) and leaves out the others, as the preview does.
            findings.Add(Finding(module, mount.Location,
                $"{mount.Location} is of Type '{mount.Type}'; the device's agent maps only bind and volume mounts, so it is not mounted.",
                IsTmpfs(mount) ? EmptyDirAdvice(mount.Target) : "Use Type volume (a share) or bind (a host directory).",
                Severity.Warning));
        }
        else if (!TemplateText.HasPlaceholder(mount.Source!) && (mount.IsVolume || !BindSpec.IsWindowsPath(mount.Source!)))
        {
            // A bind's hostPath volume is named after its host path as a volume's claim is after its share (K11 judges Windows paths).
            if (PodVolumeNames.Problem(mount.Source!, mount.IsVolume, out var name) is { } problem)
            {
                findings.Add(Finding(module, mount.Location, problem.Message, problem.Recommendation, stopsDeployment: problem.StopsDeployment));
            }
            else if (mount.IsVolume && volumes.TryGetValue(name!, out var first) && !string.Equals(first.Source, mount.Source, StringComparison.Ordinal))
            {
                findings.Add(Finding(module, mount.Location,
                    $"Volumes '{first.Source}' ({first.Location}) and '{mount.Source}' both become the claim '{name}' on the device, which merges them without a word.",
                    "Use shares whose names differ in more than case and punctuation.", Severity.Warning));
            }
            if (mount.IsVolume && name is not null && !volumes.ContainsKey(name))
            {
                volumes[name] = mount;
            }
        }
        foreach (var option in mount.IgnoredOptions())
        {
            findings.Add(Finding(module, JsonPath.Member(mount.Location, option.Name),
                $"{option.Name} ({option.Value.ToCompactJson()}) of {mount.Location} is ignored on the GPU device; only Type, Source, Target and ReadOnly are mapped.",
                // Consistency is a Docker Desktop for Mac setting: Docker on Linux, as the FPGA device runs it, ignores it too.
                string.Equals(option.Name, "Consistency", StringComparison.OrdinalIgnoreCase)
                    ? "Nothing to change: Docker on Linux, which the FPGA device runs, ignores it too."
                    : "Nothing to change if the module works without it; Docker devices still apply it.",
                Severity.Information));
        }
    }
}

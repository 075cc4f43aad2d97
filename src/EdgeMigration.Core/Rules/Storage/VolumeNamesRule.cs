using System;
using System.Collections.Generic;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Storage;

/// <summary>
/// K13: the pod volumes the device's agent makes of a module's storage (KubernetesDeploymentMapper.CollectModuleVolumes):
/// a hostPath volume for each Binds entry and each bind mount, named after the host path (<see cref="PodVolumeNames"/>),
/// a claim for each volume mount, merged by name with the other volume mounts' claims only, and the k8s-experimental
/// volumes as written, after the proxy sidecar's own. Nothing else is merged, and the API server refuses a pod whose
/// volumes hold a name twice: a host directory bound twice, a host path named like a share, a k8s-experimental volume
/// named like a bind. A Binds entry whose host path makes no volume name, or the proxy's, fails the deployment as
/// such a bind mount does (K9). Template placeholders and Windows paths (K11) are left out, as K9 does.
/// </summary>
public sealed class VolumeNamesRule : ModuleRule
{
    private const string KubernetesVolumes = "volumes";

    public override string Id => "K13";
    public override string Title => "Volume names that fail the deployment";
    public override Severity DefaultSeverity => Severity.Error;
    public override string Section => "storage";

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, CheckSettings settings, List<Finding> findings)
    {
        // Most modules have a few volumes or none: a list, made for the first.
        List<PodVolume>? volumes = null;
        foreach (var entry in BindPlan.EntriesOf(module, settings.Shares))
        {
            if (entry.Spec is { Kind: BindSourceKind.HostPath or BindSourceKind.NamedVolume } spec && !TemplateText.HasPlaceholder(spec.Source))
            {
                if (PodVolumeNames.Problem(spec.Source, share: false, out var name) is { } problem)
                {
                    findings.Add(Finding(module, entry.Location, problem.Message, problem.Recommendation));
                    continue;
                }
                Add(module, new PodVolume(name!, entry.Location, VolumeKind.HostPath, spec.Source, entry.Class == BindClass.Share ? entry.MountSource : null), ref volumes, findings);
            }
        }
        // The agent adds the bind mounts' volumes, then one volume per claim of the volume mounts; K9 reports the names it cannot use.
        List<PodVolume>? claims = null;
        foreach (var mount in ModuleMounts.Mounts(module))
        {
            if ((mount.IsBind || mount.IsVolume) && !string.IsNullOrEmpty(mount.Target) && mount.Source is { Length: > 0 } source &&
                !TemplateText.HasPlaceholder(source) && (mount.IsVolume || !BindSpec.IsWindowsPath(source)) &&
                PodVolumeNames.Problem(source, mount.IsVolume, out var name) is null)
            {
                if (mount.IsBind)
                {
                    Add(module, new PodVolume(name!, mount.Location, VolumeKind.HostPath, source, null), ref volumes, findings);
                }
                else if ((claims ??= new List<PodVolume>()).TrueForAll(c => c.Name != name))
                {
                    claims.Add(new PodVolume(name!, mount.Location, VolumeKind.Claim, source, source));
                }
            }
        }
        foreach (var claim in claims ?? (IEnumerable<PodVolume>)Array.Empty<PodVolume>())
        {
            Add(module, claim, ref volumes, findings);
        }
        if (module.Kubernetes()?.FindIgnoreCase(KubernetesVolumes) is { Value: JArray specs } member)
        {
            var location = JsonPath.Member(CreateOptionsAccess.KubernetesSection, member.Name);
            for (var i = 0; i < specs.Count; i++)
            {
                if ((specs[i] as JObject).ObjectOf("volume").StringOf("name") is not { } name || TemplateText.HasPlaceholder(name))
                {
                    continue;
                }
                var volume = new PodVolume(name, JsonPath.Index(location, i), VolumeKind.Written, name, null);
                if (PodVolumeNames.IsReserved(name))
                {
                    findings.Add(Finding(module, volume.Location,
                        $"{volume.Location} is the volume '{name}', a volume name the agent uses itself in every pod; the API server refuses the Deployment (duplicate volume name).",
                        "Name the volume (and its volumeMounts) differently."));
                    continue;
                }
                Add(module, volume, ref volumes, findings);
            }
        }
    }

    /// <summary>Adds a volume to the pod's, and reports it when the pod has one of its name already.</summary>
    private void Add(EdgeModule module, PodVolume volume, ref List<PodVolume>? volumes, List<Finding> findings)
    {
        volumes ??= new List<PodVolume>();
        var at = 0;
        while (at < volumes.Count && volumes[at].Name != volume.Name)
        {
            at++;
        }
        if (at == volumes.Count)
        {
            volumes.Add(volume);
            return;
        }
        var first = volumes[at];
        findings.Add(Finding(module, volume.Location,
            $"{first.Location} ({first.Description}) and {volume.Location} ({volume.Description}) both become the volume '{volume.Name}'; the API server refuses the Deployment (duplicate volume name).",
            Recommendation(first, volume)));
    }

    private static string Recommendation(PodVolume first, PodVolume second)
    {
        // A bind of a share (S2) becomes a volume mount of it, and the agent merges the volume mounts of one claim.
        if (first.Share is not null && second.Share is not null && PodVolumeNames.Of(first.Share, out _) is { } claim && claim == PodVolumeNames.Of(second.Share, out _))
        {
            return "Mount the share with HostConfig.Mounts (Type volume) only, not with Binds: the agent merges the volume mounts of one share (ConvertTo-GpuEdgeManifest converts the bind, S2).";
        }
        if (first.Kind == VolumeKind.HostPath && second.Kind == VolumeKind.HostPath && BindSpec.Normalize(first.Source) == BindSpec.Normalize(second.Source))
        {
            return "Mount the directory once: one k8s-experimental volume (hostPath) with a volumeMount for each container path (subPath for a folder inside it), or bind distinct host directories.";
        }
        return second.Kind == VolumeKind.Written || first.Kind == VolumeKind.Written
            ? "Name the k8s-experimental volume (and its volumeMounts) differently."
            : "Use host paths and shares whose names differ in more than case and punctuation.";
    }

    private enum VolumeKind
    {
        /// <summary>A Binds entry's or a bind mount's hostPath volume.</summary>
        HostPath,

        /// <summary>A volume mount's PersistentVolumeClaim.</summary>
        Claim,

        /// <summary>A k8s-experimental volume, named as written.</summary>
        Written,
    }

    /// <summary>
    /// A volume of the pod: its name, where it comes from, its host path, share or written name, and the share it is a
    /// volume mount of once converted (a claim's own, a share bind's).
    /// </summary>
    private readonly record struct PodVolume(string Name, string Location, VolumeKind Kind, string Source, string? Share)
    {
        public string Description => Kind switch
        {
            // A bind of a Docker volume (sqlvolume:/data) is a hostPath volume of that relative path on the device.
            VolumeKind.HostPath when !Source.StartsWith("/", StringComparison.Ordinal) => $"Docker volume '{Source}', a host path on the device",
            VolumeKind.HostPath => $"host path '{Source}'",
            VolumeKind.Claim => $"share '{Source}'",
            _ => "k8s-experimental volume",
        };
    }
}

using System;
using System.Collections.Generic;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using EdgeMigration.Core.Rules.Storage;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>What the agent makes a pod volume of.</summary>
internal enum PodVolumeKind
{
    /// <summary>A Binds entry's or a bind mount's hostPath volume, named after the host path.</summary>
    HostPath,

    /// <summary>A volume mount's PersistentVolumeClaim, named after the share.</summary>
    Claim,

    /// <summary>A k8s-experimental volume, named as written.</summary>
    Written,
}

/// <summary>
/// One volume the agent gives a module's pod: its name, null when the agent cannot name a volume after
/// <see cref="Source"/> (the host path, the share) or a k8s-experimental volume has none, and the deployment fails, and
/// what it comes from: a Binds entry (<see cref="Bind"/>), a mount (<see cref="Mount"/>) or a k8s-experimental volume.
/// </summary>
internal readonly struct PodVolume
{
    /// <summary>The <see cref="BindEntry"/>, <see cref="MountEntry"/> or <see cref="KubernetesVolume"/> it comes from.</summary>
    private readonly object _from;

    private PodVolume(string? name, PodVolumeKind kind, string source, object from)
    {
        Name = name;
        Kind = kind;
        Source = source;
        _from = from;
    }

    public string? Name { get; }
    public PodVolumeKind Kind { get; }
    public string Source { get; }

    /// <summary>Relative to createOptions (<c>HostConfig.Binds[0]</c>); a bind's is made when asked, as only a failing volume's is.</summary>
    public string Location => _from switch
    {
        BindEntry bind => bind.Location,
        MountEntry mount => mount.Location,
        _ => ((KubernetesVolume)_from).Location,
    };

    /// <summary>The Binds entry of a bind's hostPath volume.</summary>
    public BindEntry? Bind => _from as BindEntry;

    /// <summary>The mount of a bind mount's hostPath volume or of a claim.</summary>
    public MountEntry? Mount => _from as MountEntry;

    /// <summary>A k8s-experimental volume as the agent's typed model reads it.</summary>
    internal JObject? Written => (_from as KubernetesVolume)?.Volume;

    /// <summary>
    /// Where the agent mounts a bind's or a mount's volume in the container: the bind's second ':'-separated part, as
    /// the agent splits it ("/data:" gives ""), or the mount's Target. Null for a k8s-experimental volume, which its
    /// volumeMounts mount.
    /// </summary>
    public string? MountPath => _from switch
    {
        BindEntry bind => SecondPart(((JValue)bind.Node).Text),
        MountEntry mount => mount.Target,
        _ => null,
    };

    /// <summary>What Split(':')[1] gives of a bind with at least two parts, without the array.</summary>
    private static string SecondPart(string bind)
    {
        var start = bind.IndexOf(':') + 1;
        var end = bind.IndexOf(':', start);
        return end < 0 ? bind.Substring(start) : bind.Substring(start, end - start);
    }

    /// <summary>What the volume is, for a message: <c>host path '/data'</c>, <c>share 'input'</c>.</summary>
    public string Description => Kind switch
    {
        // A bind of a Docker volume (sqlvolume:/data) is a hostPath volume of that relative path on the device.
        PodVolumeKind.HostPath when !Source.StartsWith("/", StringComparison.Ordinal) => $"Docker volume '{Source}', a host path on the device",
        PodVolumeKind.HostPath => $"host path '{Source}'",
        PodVolumeKind.Claim => $"share '{Source}'",
        _ => "k8s-experimental volume",
    };

    internal static PodVolume Of(BindEntry bind, string hostPath) => new(PodVolumeNames.Of(hostPath, out _), PodVolumeKind.HostPath, hostPath, bind);

    internal static PodVolume Of(MountEntry mount) =>
        new(PodVolumeNames.Of(mount.Source!, out _), mount.IsVolume ? PodVolumeKind.Claim : PodVolumeKind.HostPath, mount.Source!, mount);

    internal static PodVolume Of(KubernetesVolume volume)
    {
        // No name, "" or null (which the typed model drops), is none in the pod: Kubernetes requires one.
        var name = (volume.Volume["name"] as JValue)?.Text ?? "";
        return new(name.Length > 0 ? name : null, PodVolumeKind.Written, name, volume);
    }
}

/// <summary>
/// The volumes the device's agent gives a module's pod (KubernetesDeploymentMapper.CollectModuleVolumes), in its order:
/// a hostPath volume for each Binds entry it reads (split on ':', at least two parts) and for each bind mount, named
/// after the host path (<see cref="PodVolumeNames"/>), a claim for each volume mount, named after the share, then the
/// k8s-experimental volumes as its typed model reads them, beside the proxy sidecar's own. It keeps one volume of the
/// volume mounts of a claim and sends every other volume as it comes, so the API server refuses a pod with a name twice
/// (<see cref="Earlier"/>): rule K13 reports those, and the Kubernetes preview fails the module for them.
/// </summary>
internal static class PodVolumes
{
    /// <summary>The module's pod volumes; <paramref name="shares"/> judges the binds (<see cref="BindPlan"/>), which a check has read already.</summary>
    public static IReadOnlyList<PodVolume> Of(EdgeModule module, ShareMapping shares) => Read(module, shares, WrittenSection(module));

    /// <summary>
    /// The k8s-experimental section as the agent's typed model reads it, for a module whose section has volumes; null
    /// otherwise (most modules have no section, many sections only resources), so that no reading is made for nothing.
    /// </summary>
    internal static KubernetesExtensions? WrittenSection(EdgeModule module) => HasWritten(module) ? KubernetesExtensions.ReadAlone(module) : null;

    /// <summary>Whether the module's k8s-experimental section has volumes (read or not).</summary>
    internal static bool HasWritten(EdgeModule module) => module.Kubernetes()?.Find(KubernetesVolumesKey, StringComparison.OrdinalIgnoreCase) is not null;

    /// <summary>k8s-experimental.volumes, in any case, as the agent reads the section's keys.</summary>
    private const string KubernetesVolumesKey = "volumes";

    /// <summary>Names the cached view of <see cref="InCheck"/>.</summary>
    private static readonly object VolumesView = new();

    /// <summary>
    /// As <see cref="Of"/>, read once per check for the rules that judge the pod's volumes (K13, K18); the section is
    /// <see cref="WrittenSection"/>'s, which a check also reads once.
    /// </summary>
    internal static IReadOnlyList<PodVolume> InCheck(EdgeModule module, ShareMapping shares) =>
        CheckScope.Read(module, (VolumesView, shares), (m, key) => Read(m, key.shares, WrittenSection(m)));

    /// <summary>As <see cref="Of"/>, with the k8s-experimental section as a rendering or a check has read it (null: none read).</summary>
    internal static IReadOnlyList<PodVolume> Read(EdgeModule module, ShareMapping shares, KubernetesExtensions? extensions)
    {
        var binds = BindPlan.For(module, shares)?.Entries;
        var mounts = ModuleMounts.Mounts(module);
        var written = extensions?.Volumes;
        var count = (binds?.Count ?? 0) + mounts.Count + (written?.Count ?? 0);
        // Every check asks of every module, and many have no storage.
        if (count == 0)
        {
            return Array.Empty<PodVolume>();
        }
        var volumes = new List<PodVolume>(count);
        for (var i = 0; binds is not null && i < binds.Count; i++)
        {
            if (HostPathOf(binds[i]) is { } hostPath)
            {
                volumes.Add(PodVolume.Of(binds[i], hostPath));
            }
        }
        AddMounts(volumes, mounts, claims: false);
        AddMounts(volumes, mounts, claims: true);
        for (var i = 0; written is not null && i < written.Count; i++)
        {
            volumes.Add(PodVolume.Of(written[i]));
        }
        return volumes;
    }

    /// <summary>The bind mounts' hostPath volumes, or the volume mounts' claims; a mount without Type, Source and Target, or of another type, has none.</summary>
    private static void AddMounts(List<PodVolume> volumes, IReadOnlyList<MountEntry> mounts, bool claims)
    {
        for (var i = 0; i < mounts.Count; i++)
        {
            var mount = mounts[i];
            if ((claims ? mount.IsVolume : mount.IsBind) && !string.IsNullOrEmpty(mount.Source) && !string.IsNullOrEmpty(mount.Target))
            {
                volumes.Add(PodVolume.Of(mount));
            }
        }
    }

    /// <summary>
    /// The volume before the one at <paramref name="index"/> that holds its name in the pod, among those
    /// <paramref name="counted"/> takes (all when null); none when the name is free or the volume has none. For a claim,
    /// the first claim of its name, which the agent keeps for both (<paramref name="merged"/>); else the first volume of
    /// its name, beside which the API server refuses the Deployment (duplicate volume name).
    /// </summary>
    public static PodVolume? Earlier(this IReadOnlyList<PodVolume> volumes, int index, Func<PodVolume, bool>? counted, out bool merged)
    {
        var volume = volumes[index];
        PodVolume? first = null;
        merged = false;
        for (var i = 0; volume.Name is not null && i < index; i++)
        {
            var other = volumes[i];
            if (other.Name != volume.Name || (counted is not null && !counted(other)))
            {
                continue;
            }
            if (volume.Kind == PodVolumeKind.Claim && other.Kind == PodVolumeKind.Claim)
            {
                merged = true;
                return other;
            }
            first ??= other;
        }
        return first;
    }

    /// <summary>
    /// What is wrong with a k8s-experimental volumeMount: the agent sends it as written, and the API server refuses one
    /// without a name or that names no volume of the pod (<paramref name="volumes"/> or the proxy's). Null when a volume
    /// has its name, and for what is known only once a template is expanded (its name, or a volume's source, a placeholder).
    /// </summary>
    internal static VolumeNameProblem? MountProblem(this IReadOnlyList<PodVolume> volumes, KubernetesVolumeMount mount)
    {
        if (mount.Name is not { Length: > 0 } name)
        {
            var named = NamesOf(volumes);
            return new VolumeNameProblem(
                $"{mount.Location} has no name, so it mounts no volume; the agent sends the volumeMount as written, and Kubernetes refuses the Deployment (volumeMounts[].name: Required value).",
                named.Count == 0
                    ? "Name the volumeMount after the k8s-experimental volume it mounts."
                    : $"Name the volumeMount after the volume it mounts ('{string.Join("', '", named)}').");
        }
        if (TemplateText.HasPlaceholder(name) || PodVolumeNames.IsReserved(name))
        {
            return null;
        }
        // By index: a foreach over the list would make an enumerator for every mount of every check.
        for (var i = 0; i < volumes.Count; i++)
        {
            if (volumes[i].Name == name || TemplateText.HasPlaceholder(volumes[i].Source))
            {
                return null;
            }
        }
        var names = NamesOf(volumes);
        return new VolumeNameProblem(
            $"Volume name '{name}' of {mount.Location} is the name of no volume of the pod; the agent sends the volumeMount as written, and the API server refuses the Deployment (volumeMounts[].name: Not found: \"{name}\").",
            names.Count == 0
                ? $"Add a k8s-experimental volume named '{name}', or mount a volume of the pod."
                : $"Mount a volume of the pod ('{string.Join("', '", names)}'), or add a k8s-experimental volume named '{name}'.");
    }

    /// <summary>The names of the pod's volumes, each once, in their order: those a volumeMount may name.</summary>
    private static List<string> NamesOf(IReadOnlyList<PodVolume> volumes)
    {
        var names = new List<string>();
        for (var i = 0; i < volumes.Count; i++)
        {
            if (volumes[i].Name is { } name && !names.Contains(name))
            {
                names.Add(name);
            }
        }
        return names;
    }

    /// <summary>
    /// The host path the agent names a bind's volume after: the text before the first ':', or null for a bind it skips
    /// (no ':', not a string). <see cref="BindSpec"/> has that text for every bind it reads; the agent also reads the
    /// ones it does not (Windows paths, more parts, a relative container path).
    /// </summary>
    private static string? HostPathOf(BindEntry bind)
    {
        if (bind.Spec is not { } spec)
        {
            return null;
        }
        if (spec.Kind is not (BindSourceKind.Windows or BindSourceKind.Invalid or BindSourceKind.AnonymousVolume))
        {
            return spec.Source;
        }
        var colon = spec.Text.IndexOf(':');
        return colon < 0 ? null : spec.Text.Substring(0, colon);
    }
}

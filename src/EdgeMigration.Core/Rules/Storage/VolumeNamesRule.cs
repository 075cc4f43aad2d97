using System.Collections.Generic;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Storage;

/// <summary>
/// K13: the pod volumes the device's agent makes of a module's storage (<see cref="PodVolumes"/>, the reading the
/// Kubernetes preview renders): a hostPath volume for each Binds entry and each bind mount, named after the host path
/// (<see cref="PodVolumeNames"/>), a claim for each volume mount, merged by name with the other volume mounts' claims
/// only, and the k8s-experimental volumes as written, after the proxy sidecar's own. Nothing else is merged, and the
/// API server refuses a pod whose volumes hold a name twice: a host directory bound twice, a host path named like a
/// share, a k8s-experimental volume named like a bind. A Binds entry whose host path makes no volume name, or the
/// proxy's, fails the deployment as such a bind mount does (K9). A share bind whose claim, once converted (S2), takes
/// the name of a volume the conversion keeps is reported before converting: the conversion cannot part them, and its
/// change says so too. The agent sends k8s-experimental volumes and volumeMounts as written, so Kubernetes also
/// refuses a volume or volumeMount without a name, a volume whose name is not a DNS label and a volumeMount that names
/// no volume of the pod; Docker ignores the section, so only the GPU device fails. Template placeholders and Windows
/// paths (K11) are left out, as K9 does.
/// </summary>
public sealed class VolumeNamesRule : ModuleRule
{
    public override string Id => "K13";
    public override string Title => "Volume names that fail the deployment";
    public override Severity DefaultSeverity => Severity.Error;
    public override string Section => "storage";
    internal override bool FindsStoppedDeployments => true;
    internal override bool FindsRefusedDeployments => true;

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, CheckSettings settings, List<Finding> findings)
    {
        // The section read once in a check, for the volumes and the volumeMounts.
        var extensions = PodVolumes.WrittenSection(module);
        var volumes = PodVolumes.InCheck(module, settings.Shares);
        for (var i = 0; i < volumes.Count; i++)
        {
            var volume = volumes[i];
            if (!IsJudged(volume))
            {
                continue;
            }
            if (volume.Kind == PodVolumeKind.Written && PodVolumeNames.WrittenProblem(volume.Name, volume.Location) is { } misnamed)
            {
                findings.Add(Finding(module, volume.Location, misnamed.Message, misnamed.Recommendation, refusesDeployment: true));
                continue;
            }
            if (volume.Name is null || PodVolumeNames.IsReserved(volume.Name))
            {
                // K9 reports the mounts' names.
                if (volume.Bind is not null && PodVolumeNames.Problem(volume.Source, share: false, out _) is { } problem)
                {
                    findings.Add(Finding(module, volume.Location, problem.Message, problem.Recommendation, stopsDeployment: problem.StopsDeployment));
                }
                else if (volume.Kind == PodVolumeKind.Written)
                {
                    findings.Add(Finding(module, volume.Location,
                        $"{volume.Location} is the volume '{volume.Name}', a volume name the agent uses itself in every pod; the API server refuses the Deployment (duplicate volume name).",
                        "Name the volume (and its volumeMounts) differently.", refusesDeployment: true));
                }
                continue;
            }
            if (volumes.Earlier(i, IsJudged, out var merged) is { } first && !merged)
            {
                findings.Add(Finding(module, volume.Location,
                    $"{first.Location} ({first.Description}) and {volume.Location} ({volume.Description}) both become the volume '{volume.Name}'; the API server refuses the Deployment (duplicate volume name).",
                    Recommendation(first, volume), refusesDeployment: true));
            }
            else if (ClaimTakenBy(volumes, i, out var claim) is { } other)
            {
                findings.Add(Finding(module, volume.Location,
                    $"{volume.Location} ({volume.Description}) becomes a volume mount of share '{volume.Bind!.MountSource}' once converted (S2), whose claim the device's agent names '{claim}', as it names the volume of {other.Location} ({other.Description}): a pod cannot hold both, so the device refuses the converted module.",
                    ClaimRecommendation(volume.Bind, other)));
            }
        }
        for (var i = 0; extensions is not null && i < extensions.VolumeMounts.Count; i++)
        {
            var mount = extensions.VolumeMounts[i];
            if (volumes.MountProblem(mount) is { } problem)
            {
                findings.Add(Finding(module, mount.Location, problem.Message, problem.Recommendation, refusesDeployment: true));
            }
        }
    }

    /// <summary>
    /// False for what other rules report and what is known only once a template is expanded: a bind Docker cannot read
    /// (S1), a Windows path (K11), a placeholder for a host path, share or name. The conversion judges its claims so too.
    /// </summary>
    internal static bool IsJudged(PodVolume volume) => !TemplateText.HasPlaceholder(volume.Source) && volume.Kind switch
    {
        PodVolumeKind.HostPath when volume.Bind is { } bind => bind.Spec!.Kind is BindSourceKind.HostPath or BindSourceKind.NamedVolume,
        PodVolumeKind.HostPath => !BindSpec.IsWindowsPath(volume.Source),
        _ => true,
    };

    /// <summary>
    /// The volume whose name the claim of a share bind takes once converted (S2 makes the bind a volume mount, whose claim
    /// the agent names after the share): one the conversion keeps, not another share bind's, nor a claim, which the agent
    /// merges. Null when the claim's name is free, or the bind's own (a clash reported as it is now). Compares the names
    /// the pod's volumes have: nothing read for a module without a share bind.
    /// </summary>
    private static PodVolume? ClaimTakenBy(IReadOnlyList<PodVolume> volumes, int index, out string? claim)
    {
        claim = null;
        if (volumes[index].Bind is not { CanConvert: true } bind || !BindConversion.IsAddedClaim(bind) ||
            PodVolumeNames.Of(bind.MountSource, out _) is not { } name || name == volumes[index].Name)
        {
            return null;
        }
        // By index: a foreach over the list would make an enumerator for every share bind of every check.
        for (var i = 0; i < volumes.Count; i++)
        {
            var other = volumes[i];
            if (other.Name == name && other.Kind != PodVolumeKind.Claim && IsJudged(other) && other.Bind is not { CanConvert: true, Class: BindClass.Share })
            {
                claim = name;
                return other;
            }
        }
        return null;
    }

    /// <summary>What to do about a share bind's claim named like <paramref name="other"/>: neither name is the conversion's to change.</summary>
    internal static string ClaimRecommendation(BindEntry share, PodVolume other) =>
        $"Mount a share of another name (-ShareMap @{{ '{share.Share!.MappedFrom}' = '<share>' }}), or " +
        (other.Kind == PodVolumeKind.Written ? "name the k8s-experimental volume differently." : "bind the host directory from another path.");

    /// <summary>The share a volume is a volume mount of once converted: a claim's own, a share bind's (S2).</summary>
    private static string? ShareOf(PodVolume volume) =>
        volume.Kind == PodVolumeKind.Claim ? volume.Source : volume.Bind is { Class: BindClass.Share } bind ? bind.MountSource : null;

    private static string Recommendation(PodVolume first, PodVolume second)
    {
        // A bind of a share (S2) becomes a volume mount of it, and the agent merges the volume mounts of one claim.
        if (ShareOf(first) is { } firstShare && ShareOf(second) is { } secondShare && PodVolumeNames.Of(firstShare, out _) is { } claim && claim == PodVolumeNames.Of(secondShare, out _))
        {
            return "Mount the share with HostConfig.Mounts (Type volume) only, not with Binds: the agent merges the volume mounts of one share (ConvertTo-GpuEdgeManifest converts the bind, S2).";
        }
        if (first.Kind == PodVolumeKind.HostPath && second.Kind == PodVolumeKind.HostPath && BindSpec.Normalize(first.Source) == BindSpec.Normalize(second.Source))
        {
            return "Mount the directory once: one k8s-experimental volume (hostPath) with a volumeMount for each container path (subPath for a folder inside it), or bind distinct host directories.";
        }
        return second.Kind == PodVolumeKind.Written || first.Kind == PodVolumeKind.Written
            ? "Name the k8s-experimental volume (and its volumeMounts) differently."
            : "Use host paths and shares whose names differ in more than case and punctuation.";
    }
}

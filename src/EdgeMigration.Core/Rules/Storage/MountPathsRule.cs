using System.Collections.Generic;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Storage;

/// <summary>
/// K18: the device's agent mounts the volume of each bind and mount at its container path, then adds the
/// k8s-experimental volumeMounts as written, and the API server refuses the module's Deployment when one container path
/// is mounted twice (from Binds, Mounts and k8s-experimental.volumes together, compared as written) or a volumeMount has
/// none ("/data:" in Binds, a volumeMount without mountPath). What is refused is <see cref="PodVolumes.MountPathRefusals"/>,
/// which the Kubernetes preview fails modules for too. Not fixed: which of two mounts is meant is the user's to say.
/// </summary>
public sealed class MountPathsRule : ModuleRule
{
    public override string Id => "K18";
    public override string Title => "Container paths mounted twice or not at all";
    public override Severity DefaultSeverity => Severity.Error;
    public override string Section => "storage";

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, CheckSettings settings, List<Finding> findings)
    {
        // As K12: edgeAgent is the device's own, and a section the agent cannot read (K3) sends no Deployment to refuse.
        if (module.IsEdgeAgent || KubernetesExtensions.IsUnreadable(module))
        {
            return;
        }
        var extensions = PodVolumes.WrittenSection(module);
        foreach (var refusal in PodVolumes.Read(module, settings.Shares, extensions).MountPathRefusals(extensions))
        {
            findings.Add(Finding(module, refusal.Location, refusal.FindingMessage, refusal.Remedy));
        }
    }
}

using System.Collections.Generic;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Storage;

/// <summary>
/// K18: the device's agent mounts the volume of each bind and mount at its container path, then adds the
/// k8s-experimental volumeMounts as written, and the API server refuses the module's Deployment when one container path
/// is mounted twice (from Binds, Mounts and k8s-experimental.volumes together, compared as written) or a volumeMount has
/// none ("/data:" in Binds, a volumeMount without mountPath). What is refused is <see cref="ContainerMountPaths.Refusals"/>.
/// </summary>
public sealed class MountPathsRule : ApiServerRefusalRule
{
    public override string Id => "K18";
    public override string Title => "Container paths mounted twice or not at all";
    public override string Section => "storage";

    private protected override IEnumerable<ApiServerRefusal> Refusals(EdgeModule module, CheckSettings settings) =>
        ContainerMountPaths.Refusals(PodVolumes.InCheck(module, settings.Shares), PodVolumes.WrittenSection(module));
}

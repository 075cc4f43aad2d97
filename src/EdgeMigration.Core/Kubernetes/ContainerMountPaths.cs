using System;
using System.Collections.Generic;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Rules;
using EdgeMigration.Core.Rules.Storage;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>
/// What the API server refuses of the container's volumeMounts (Kubernetes ValidateVolumeMounts, pkg/apis/core/validation):
/// an empty mountPath ("Required value") and a mountPath an earlier volumeMount has, compared as written ("must be
/// unique"). The agent mounts each bind's and mount's volume, in the pod volumes' order, then sends the k8s-experimental
/// volumeMounts as written. Rule K18 reports these, and the Kubernetes preview fails the module for them; a path a
/// template placeholder stands for is known only once expanded, and a Windows path is K11's.
/// </summary>
internal static class ContainerMountPaths
{
    /// <summary>
    /// The refusals, in the agent's order. Every check asks of every module: only the paths are read unless something is
    /// refused, and a module has few mounts, so earlier paths are searched rather than hashed.
    /// </summary>
    public static IReadOnlyList<ApiServerRefusal> Refusals(IReadOnlyList<PodVolume> volumes, KubernetesExtensions? extensions)
    {
        var count = volumes.Count + (extensions?.VolumeMounts.Count ?? 0);
        if (count == 0)
        {
            return Array.Empty<ApiServerRefusal>();
        }
        // The path each mount holds, by its index among the volumes then the volumeMounts; null where none is judged.
        var paths = new string?[count];
        List<ApiServerRefusal>? refusals = null;
        for (var i = 0; i < count; i++)
        {
            if (!IsMounted(volumes, i))
            {
                continue;
            }
            var path = PathAt(volumes, extensions, i);
            if (path is not null && (TemplateText.HasPlaceholder(path) || BindSpec.IsWindowsPath(path)))
            {
                continue;
            }
            if (string.IsNullOrEmpty(path))
            {
                var (location, value, what, written) = Describe(volumes, extensions, i);
                (refusals ??= new()).Add(new ApiServerRefusal(location, value,
                    $"{location} mounts {what} at no container path; the agent sends the volumeMount so, and the API server refuses it (\"mountPath: Required value\") and with it the module's Deployment",
                    written ? "Give the volumeMount its mountPath, such as \"/data\"." : "Give the container path after the ':', as in \"/host/path:/container/path\"."));
            }
            else if (Array.IndexOf(paths, path, 0, i) is var first and >= 0)
            {
                var (location, value, what, _) = Describe(volumes, extensions, i);
                var (firstLocation, _, firstWhat, _) = Describe(volumes, extensions, first);
                (refusals ??= new()).Add(new ApiServerRefusal(location, value,
                    $"{location} mounts {what} at '{path}', where {firstLocation} mounts {firstWhat}; the API server refuses two volumeMounts of one container at one path (\"must be unique\") and with it the module's Deployment",
                    "Mount one volume at each container path: remove one of the two, or give it a path of its own."));
            }
            else
            {
                paths[i] = path;
            }
        }
        return refusals ?? (IReadOnlyList<ApiServerRefusal>)Array.Empty<ApiServerRefusal>();
    }

    /// <summary>
    /// Whether the mount at <paramref name="index"/> is one of the container's: every volumeMount written in the section,
    /// and the volume of each bind and mount; a k8s-experimental volume is mounted by its volumeMounts, and a volume
    /// without a name fails the deployment before any is mounted.
    /// </summary>
    private static bool IsMounted(IReadOnlyList<PodVolume> volumes, int index) =>
        index >= volumes.Count || volumes[index] is { Kind: not PodVolumeKind.Written, Name: not null };

    private static string? PathAt(IReadOnlyList<PodVolume> volumes, KubernetesExtensions? extensions, int index) =>
        index < volumes.Count ? volumes[index].MountPath : (extensions!.VolumeMounts[index - volumes.Count].Mount["mountPath"] as JValue)?.Text;

    /// <summary>Where the mount is written, its value, what it mounts and whether it is a written volumeMount, for a message.</summary>
    private static (string Location, JNode Value, string What, bool Written) Describe(IReadOnlyList<PodVolume> volumes, KubernetesExtensions? extensions, int index)
    {
        if (index < volumes.Count)
        {
            var volume = volumes[index];
            return (volume.Location, volume.Bind?.Node ?? volume.Mount!.Value, volume.Description, false);
        }
        var mount = extensions!.VolumeMounts[index - volumes.Count];
        return (mount.Location, mount.Mount, mount.Name is { } name ? $"volume '{name}'" : "a volume", true);
    }
}

using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using EdgeMigration.Core.Rules.Resources;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>
/// The one table of what the GPU device's Kubernetes agent reads from createOptions and module settings, and what it
/// drops (reference: kubernetes-mode.md, "Field by field"). <see cref="IgnoredSettings"/>, rule K1 and
/// <see cref="KubernetesRenderer"/> all read it, so the check and the preview tell the same story.
/// </summary>
public static class AgentCreateOptions
{
    /// <summary>The top-level createOptions keys the agent reads (any case); <c>k8s-experimental</c> is matched exactly and handled apart.</summary>
    private static readonly HashSet<string> ReadTopLevel = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Env", "ExposedPorts", "HostConfig", "Image", "Labels",
    };

    /// <summary>
    /// The top-level keys the agent reads only as spelled here: its CreateContainerParameters has no field for them, so
    /// they sit in its extension data, a case-sensitive dictionary (CombinedKubernetesConfigProvider).
    /// </summary>
    private static readonly HashSet<string> ExactTopLevel = new HashSet<string>(StringComparer.Ordinal) { "Entrypoint", "Cmd", "WorkingDir" };

    /// <summary>The HostConfig keys the agent maps to the pod; every other HostConfig key is dropped.</summary>
    private static readonly HashSet<string> MappedHostConfig = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "PortBindings", "Privileged", "Binds", "Mounts", "IpcMode", "NetworkMode", "PidMode",
    };

    /// <summary>HostConfig modes the agent maps only when they are "host": the pod field each one sets (read-only: runspaces share it).</summary>
    public static IReadOnlyDictionary<string, string> HostModes { get; } = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["IpcMode"] = "hostIPC",
        ["NetworkMode"] = "hostNetwork",
        ["PidMode"] = "hostPID",
    });

    public const string HostMode = "host";

    /// <summary>The keys of the k8s-experimental section the agent knows (any case); others are logged and ignored.</summary>
    public static IReadOnlyList<string> KubernetesSectionKeys { get; } = Array.AsReadOnly(new[] { "resources", "volumes", "nodeSelector", "securityContext", "strategy", "serviceOptions" });

    /// <summary>Module settings (beside settings.createOptions) the agent does not map, with what to expect instead.</summary>
    public static IReadOnlyDictionary<string, string> UnmappedModuleSettings { get; } = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["imagePullPolicy"] = "The device pulls the image when the pod is created.",
        ["startupOrder"] = "Modules start together on the device; make them wait for what they need.",
    });

    /// <summary>Network and IPC modes that behave on the device as on Docker, so dropping them changes nothing.</summary>
    private static readonly HashSet<string> EquivalentModes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "", "default", "bridge", "azure-iot-edge", "host", "private",
    };

    private const string ClusterDns = "Name resolution comes from the cluster DNS.";
    private const string LimitsAdvice = "Limits take effect only through k8s-experimental.resources (limits, requests).";

    private static readonly Dictionary<string, string> Advice = new(StringComparer.OrdinalIgnoreCase)
    {
        ["User"] = "Set k8s-experimental.securityContext.runAsUser (and runAsGroup) to the numeric ids instead.",
        ["Domainname"] = ClusterDns,
        ["Healthcheck"] = "createOptions cannot set Kubernetes probes; the module's health is its process state.",
        ["Volumes"] = "Use HostConfig.Mounts (Type volume for a share, bind for a host directory).",
        ["NetworkingConfig"] = "All pods share the cluster network; network aliases are not available.",
        ["ExtraHosts"] = ClusterDns,
        ["Dns"] = ClusterDns,
        ["DnsSearch"] = ClusterDns,
        ["DnsOptions"] = ClusterDns,
        ["DeviceRequests"] = $"Ask for GPUs with k8s-experimental.resources.limits['{ModuleResources.GpuResource}'].",
        ["Runtime"] = $"Ask for GPUs with k8s-experimental.resources.limits['{ModuleResources.GpuResource}'].",
        ["Devices"] = $"GPUs come from k8s-experimental.resources.limits['{ModuleResources.GpuResource}']; a privileged container (Privileged: true) sees the host's devices.",
        ["CapAdd"] = "Only Privileged: true is mapped; use it if the module needs the capability.",
        ["CapDrop"] = "Only Privileged: true is mapped.",
        ["RestartPolicy"] = "Kubernetes always restarts the module's pod.",
        ["LogConfig"] = "Kubernetes keeps and rotates container logs itself.",
        ["MemoryReservation"] = "The closest setting is k8s-experimental.resources.requests.memory.",
        ["Sysctls"] = "Set k8s-experimental.securityContext.sysctls instead.",
        ["Memory"] = LimitsAdvice,
        ["MemorySwap"] = LimitsAdvice,
        ["NanoCpus"] = LimitsAdvice,
        ["CpuShares"] = LimitsAdvice,
        ["CpuQuota"] = LimitsAdvice,
        ["CpuPeriod"] = LimitsAdvice,
        ["Entrypoint"] = "Spell it 'Entrypoint': the agent reads this key only in that case.",
        ["Cmd"] = "Spell it 'Cmd': the agent reads this key only in that case.",
        ["WorkingDir"] = "Spell it 'WorkingDir': the agent reads this key only in that case.",
        ["ShmSize"] = "Mount a memory-backed emptyDir volume at /dev/shm through k8s-experimental.volumes, or use IpcMode host.",
    };

    /// <summary>
    /// What to do with a HostConfig setting (Privileged, PortBindings, Binds…) written at the top level of createOptions:
    /// neither Docker nor the agent reads it there, and the agent maps it inside HostConfig.
    /// </summary>
    public static string MoveIntoHostConfig(string key) =>
        $"Move it into HostConfig (\"HostConfig\": {{\"{key}\": …}}), where Docker and the GPU device's agent read it.";

    /// <summary>What to do with a top-level setting (Env, ExposedPorts, Labels…) written inside HostConfig, where neither Docker nor the agent reads it.</summary>
    public static string MoveToTopLevel(string key) =>
        $"Move it out of HostConfig to the top level of createOptions, beside HostConfig (\"{key}\": …), where Docker and the GPU device's agent read it.";

    public static bool IsReadTopLevel(string key) => ReadTopLevel.Contains(key) || ExactTopLevel.Contains(key);

    public static bool IsMappedHostConfig(string key) => MappedHostConfig.Contains(key);

    /// <summary>True for a network or IPC mode that behaves on the device as on Docker (see EquivalentModes).</summary>
    public static bool IsEquivalentMode(string mode) => EquivalentModes.Contains(mode);

    public static bool IsKnownKubernetesKey(string key) => KubernetesSectionKeys.Contains(key, StringComparer.OrdinalIgnoreCase);

    /// <summary>What to do instead of a setting the agent drops.</summary>
    public static string AdviceFor(string key) =>
        Advice.TryGetValue(key, out var advice) ? advice : "There is no equivalent on the GPU device; remove it if nothing else needs it.";
}

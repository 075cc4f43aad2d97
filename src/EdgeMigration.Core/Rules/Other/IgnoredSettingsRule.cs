using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules.Resources;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// K1: createOptions and module settings that the device's agent drops. It reads only Env, ExposedPorts, HostConfig,
/// Labels, Cmd, Entrypoint, WorkingDir and k8s-experimental, and maps only a few HostConfig keys; the rest deploys
/// but has no effect. Keys other rules report (memory and CPU, IPC, FPGA devices, storage and network) are left to them.
/// </summary>
public sealed class IgnoredSettingsRule : ModuleRule
{
    private static readonly HashSet<string> ReadTopLevel = new(StringComparer.OrdinalIgnoreCase)
    {
        "Env", "ExposedPorts", "HostConfig", "Image", "Labels", "Cmd", "Entrypoint", "WorkingDir",
    };

    /// <summary>HostConfig keys the agent maps, or that R1, R2, R3 and the storage and network rules report.</summary>
    private static readonly HashSet<string> HostConfigReportedElsewhere = new(StringComparer.OrdinalIgnoreCase)
    {
        "PortBindings", "Privileged", "Binds", "Mounts", "IpcMode", "ShmSize", "Memory", "MemorySwap", "NanoCpus",
        "CpuShares", "CpuQuota", "CpuPeriod", "NetworkMode", "PidMode", "Devices",
    };

    /// <summary>Network modes that behave on the device as on Docker: every module reaches every other.</summary>
    private static readonly HashSet<string> EquivalentNetworkModes = new(StringComparer.OrdinalIgnoreCase)
    {
        "", "default", "bridge", "azure-iot-edge", "host",
    };

    private static readonly Dictionary<string, string> Advice = new(StringComparer.OrdinalIgnoreCase)
    {
        ["User"] = "Set k8s-experimental.securityContext.runAsUser (and runAsGroup) to the numeric ids instead.",
        ["Hostname"] = "Other modules reach it by its Service name, the module id as the device writes it.",
        ["Domainname"] = "Name resolution comes from the cluster DNS.",
        ["Healthcheck"] = "createOptions cannot set Kubernetes probes; the module's health is its process state.",
        ["Volumes"] = "Use HostConfig.Mounts (Type volume for a share, bind for a host directory).",
        ["NetworkingConfig"] = "All pods share the cluster network; network aliases are not available.",
        ["ExtraHosts"] = "Name resolution comes from the cluster DNS.",
        ["Dns"] = "Name resolution comes from the cluster DNS.",
        ["DnsSearch"] = "Name resolution comes from the cluster DNS.",
        ["DnsOptions"] = "Name resolution comes from the cluster DNS.",
        ["DeviceRequests"] = $"Ask for GPUs with k8s-experimental.resources.limits['{ModuleResources.GpuResource}'].",
        ["Runtime"] = $"Ask for GPUs with k8s-experimental.resources.limits['{ModuleResources.GpuResource}'].",
        ["CapAdd"] = "Only Privileged: true is mapped; use it if the module needs the capability.",
        ["CapDrop"] = "Only Privileged: true is mapped.",
        ["RestartPolicy"] = "Kubernetes always restarts the module's pod.",
        ["LogConfig"] = "Kubernetes keeps and rotates container logs itself.",
        ["MemoryReservation"] = "The closest setting is k8s-experimental.resources.requests.memory.",
        ["Sysctls"] = "Set k8s-experimental.securityContext.sysctls instead.",
    };

    public override string Id => "K1";
    public override string Title => "Settings the GPU device ignores";
    public override Severity DefaultSeverity => Severity.Warning;
    public override string Section => "other-differences";

    protected override IEnumerable<Finding> CheckModule(EdgeModule module, ManifestDocument manifest)
    {
        // The device runs its own agent: everything about edgeAgent is K7's business.
        if (module.IsSystemModule && module.Name == "edgeAgent")
        {
            return Enumerable.Empty<Finding>();
        }
        return DefinitionSettings(module).Concat(TopLevelOptions(module, manifest.Secrets)).Concat(HostConfigOptions(module, manifest.Secrets));
    }

    private IEnumerable<Finding> DefinitionSettings(EdgeModule module)
    {
        foreach (var name in new[] { "imagePullPolicy", "startupOrder" })
        {
            if (module.Definition.FindIgnoreCase(name) is { } member)
            {
                yield return Finding(module, member.Name,
                    $"{member.Name} ({member.Value.ToCompactJson()}) is not mapped by the GPU device's agent.",
                    member.Name == "startupOrder" ? "Modules start together on the device; make them wait for what they need." : "The device pulls the image when the pod is created.",
                    Severity.Information, inDefinition: true);
            }
        }
        if (module.RestartPolicy is { } restart && !string.Equals(restart, "always", StringComparison.OrdinalIgnoreCase))
        {
            yield return Finding(module, "restartPolicy",
                $"restartPolicy '{restart}' is not mapped: Kubernetes always restarts the module's pod.",
                "Expect the module to be restarted whenever it stops.", Severity.Information, inDefinition: true);
        }
    }

    private IEnumerable<Finding> TopLevelOptions(EdgeModule module, IReadOnlyCollection<string> secrets)
    {
        foreach (var member in module.Options()?.Members ?? Enumerable.Empty<JMember>())
        {
            if (!ReadTopLevel.Contains(member.Name) && !IsEmpty(member.Value) && !IsEquivalentNetworking(member) &&
                !string.Equals(member.Name, CreateOptionsAccess.KubernetesSection, StringComparison.OrdinalIgnoreCase))
            {
                yield return Ignored(module, member.Name, member, secrets);
            }
        }
    }

    private IEnumerable<Finding> HostConfigOptions(EdgeModule module, IReadOnlyCollection<string> secrets)
    {
        var hostConfig = module.HostConfig();
        foreach (var member in hostConfig?.Members ?? Enumerable.Empty<JMember>())
        {
            if (!HostConfigReportedElsewhere.Contains(member.Name) && !IsEmpty(member.Value) && !IsDefaultRuntime(member))
            {
                yield return Ignored(module, "HostConfig." + member.Name, member, secrets);
            }
        }
        foreach (var name in new[] { "NetworkMode", "PidMode" })
        {
            if (hostConfig?.FindIgnoreCase(name) is { Value: JValue { IsString: true } mode } member &&
                !EquivalentNetworkModes.Contains(mode.Text) && !string.Equals(mode.Text, "private", StringComparison.OrdinalIgnoreCase))
            {
                yield return Finding(module, "HostConfig." + member.Name,
                    $"{member.Name} \"{mode.Text}\" is ignored on the GPU device; only \"host\" is mapped, and the pod otherwise joins the cluster network.",
                    "Remove it, or use \"host\" if the module needs the host's namespace.");
            }
        }
        var devices = hostConfig.ArrayOf("Devices");
        for (var i = 0; devices is not null && i < devices.Count; i++)
        {
            if (!FpgaAccelerationRule.IsFpgaDevice(devices[i]))
            {
                yield return Finding(module, $"HostConfig.Devices[{i}]",
                    $"Device {devices[i].ToCompactJson()} is not passed to the container on the GPU device.",
                    $"GPUs come from k8s-experimental.resources.limits['{ModuleResources.GpuResource}']; a privileged container (Privileged: true) sees the host's devices.");
            }
        }
    }

    /// <summary>The finding for a setting the agent ignores; its value is shortened only once redacted, so no part of a password shows.</summary>
    private Finding Ignored(EdgeModule module, string location, JMember member, IReadOnlyCollection<string> secrets) =>
        Finding(module, location,
            $"{location} ({Shorten(SecretRedactor.Redact(member.Value.ToCompactJson(), secrets))}) is not read by the GPU device's agent and has no effect there.",
            Advice.TryGetValue(member.Name, out var advice) ? advice : "There is no equivalent on the GPU device; remove it if nothing else needs it.",
            string.Equals(member.Name, "LogConfig", StringComparison.OrdinalIgnoreCase) ? Severity.Information : Severity.Warning);

    private static bool IsEmpty(JNode value) => value switch
    {
        JValue { Kind: JValueKind.Null or JValueKind.False } => true,
        JValue { IsString: true } text => text.Text.Length == 0,
        JArray array => array.Count == 0,
        JObject obj => obj.Count == 0,
        _ => false,
    };

    /// <summary>NetworkingConfig that only joins networks that behave as the cluster network does (the tools write {"host": {}} beside NetworkMode host).</summary>
    private static bool IsEquivalentNetworking(JMember member) =>
        string.Equals(member.Name, "NetworkingConfig", StringComparison.OrdinalIgnoreCase) &&
        (member.Value as JObject).ObjectOf("EndpointsConfig") is { } endpoints &&
        endpoints.Members.All(e => EquivalentNetworkModes.Contains(e.Name) && IsEmpty(e.Value));

    private static bool IsDefaultRuntime(JMember member) =>
        string.Equals(member.Name, "Runtime", StringComparison.OrdinalIgnoreCase) && member.Value is JValue { IsString: true, Text: "runc" };

    private static string Shorten(string json) => json.Length <= 80 ? json : json.Substring(0, 77) + "...";
}

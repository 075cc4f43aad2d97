using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules.Resources;
using EdgeMigration.Core.Rules.Storage;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// K1: createOptions and module settings that the device's agent drops (<see cref="IgnoredSettings"/>, the table the
/// Kubernetes preview lists too): they deploy but have no effect. Settings other rules report (memory and CPU, IPC and
/// shared memory, FPGA devices, the k8s-experimental section) are left to them. A setting whose replacement the advice
/// names is written too (securityContext.runAsUser beside User, a GPU limit beside the nvidia runtime, a mount at each path of Volumes…) is not reported:
/// the module behaves on the GPU device as on Docker, and the Docker key keeps serving Docker devices, as R2 lets
/// Memory stay beside its Kubernetes limit.
/// </summary>
public sealed class IgnoredSettingsRule : ModuleRule
{
    /// <summary>HostConfig keys R2 (memory and CPU) and R3 (IPC, shared memory) report.</summary>
    private static readonly HashSet<string> ReportedElsewhere = new(StringComparer.OrdinalIgnoreCase)
    {
        "ShmSize", "Memory", "MemorySwap", "NanoCpus", "CpuShares", "CpuQuota", "CpuPeriod", "IpcMode",
    };

    public override string Id => "K1";
    public override string Title => "Settings the GPU device ignores";
    public override Severity DefaultSeverity => Severity.Warning;
    public override string Section => "other-differences";

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, List<Finding> findings)
    {
        // The device runs its own agent: everything about edgeAgent is K7's business.
        if (module.IsEdgeAgent)
        {
            return;
        }
        foreach (var ignored in IgnoredSettings.Of(module, manifest.Secrets))
        {
            if (IsMine(ignored) && !IsReplaced(module, ignored))
            {
                findings.Add(Finding(module, ignored.Location, ignored.Reason, ignored.Advice,
                    ignored.Kind == IgnoredSettingKind.ModuleSetting || string.Equals(ignored.Key, "LogConfig", StringComparison.OrdinalIgnoreCase) ? Severity.Information : Severity.Warning,
                    inDefinition: ignored.InDefinition));
            }
        }
    }

    /// <summary>Whether the module also has what the advice on <paramref name="ignored"/> asks for instead.</summary>
    private static bool IsReplaced(EdgeModule module, IgnoredSetting ignored) => ignored.Kind switch
    {
        IgnoredSettingKind.CreateOption when Is(ignored, "User") => SecurityContextHas(module, "runAsUser"),
        IgnoredSettingKind.CreateOption when Is(ignored, "Volumes") => ignored.Value is JObject paths && paths.Members.All(path => IsMountedAt(module, path.Name)),
        IgnoredSettingKind.HostConfig when Is(ignored, "Sysctls") => SecurityContextHas(module, "sysctls"),
        IgnoredSettingKind.HostConfig when Is(ignored, "MemoryReservation") => ModuleResources.Find(module, ModuleResources.Requests)?.Values.Find(ModuleResources.Memory) is not null,
        IgnoredSettingKind.HostConfig when Is(ignored, "DeviceRequests") || Is(ignored, "Runtime") =>
            ModuleResources.Find(module, ModuleResources.Limits)?.Values.Find(ModuleResources.GpuResource) is not null,
        // A privileged container sees every device of the host, as the advice says.
        IgnoredSettingKind.Device => module.HostConfig().IsTrue("Privileged"),
        _ => false,
    };

    private static bool Is(IgnoredSetting ignored, string key) => string.Equals(ignored.Key, key, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a mount or bind of the module has <paramref name="path"/> as its container path.</summary>
    private static bool IsMountedAt(EdgeModule module, string path)
    {
        var target = BindSpec.Normalize(path);
        return ModuleMounts.Mounts(module).Any(m => m.Target is not null && BindSpec.Normalize(m.Target) == target) ||
            (ModuleMounts.BindsMember(module)?.Value as JArray)?.Any(b => b is JValue { IsString: true } bind && BindSpec.Normalize(BindSpec.Parse(bind.Text).Target) == target) == true;
    }

    private static bool SecurityContextHas(EdgeModule module, string key) => module.Kubernetes().ObjectOf("securityContext")?.GetIgnoreCase(key) is not (null or JValue { Kind: JValueKind.Null });

    private static bool IsMine(IgnoredSetting ignored) => ignored.Kind switch
    {
        IgnoredSettingKind.KubernetesOption => false,
        IgnoredSettingKind.Device => !FpgaAccelerationRule.IsFpgaDevice(ignored.Value),
        IgnoredSettingKind.HostConfig or IgnoredSettingKind.HostMode => !ReportedElsewhere.Contains(ignored.Key),
        _ => true,
    };
}

using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules.Resources;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// K1: createOptions and module settings that the device's agent drops (<see cref="IgnoredSettings"/>, the table the
/// Kubernetes preview lists too): they deploy but have no effect. Settings other rules report (memory and CPU, IPC and
/// shared memory, FPGA devices, the k8s-experimental section) are left to them.
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
            if (IsMine(ignored))
            {
                findings.Add(Finding(module, ignored.Location, ignored.Reason, ignored.Advice,
                    ignored.Kind == IgnoredSettingKind.ModuleSetting || string.Equals(ignored.Key, "LogConfig", StringComparison.OrdinalIgnoreCase) ? Severity.Information : Severity.Warning,
                    inDefinition: ignored.InDefinition));
            }
        }
    }

    private static bool IsMine(IgnoredSetting ignored) => ignored.Kind switch
    {
        IgnoredSettingKind.KubernetesOption => false,
        IgnoredSettingKind.Device => !FpgaAccelerationRule.IsFpgaDevice(ignored.Value),
        IgnoredSettingKind.HostConfig or IgnoredSettingKind.HostMode => !ReportedElsewhere.Contains(ignored.Key),
        _ => true,
    };
}

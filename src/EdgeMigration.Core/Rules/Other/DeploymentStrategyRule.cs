using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules.Storage;
using EdgeMigration.Core.Rules.Resources;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// O1: a module's Deployment is updated by a rolling update unless <c>k8s-experimental.strategy</c> says Recreate.
/// The new pod then waits for GPUs the old pod holds, or fights it over a persistent volume or host-network ports.
/// The how-to names network ports too; on the device a HostPort is a Service port, so that reason is only
/// informational and is not applied to edgeHub, which always has port bindings. Runs after R1 and the storage
/// fixes so that it sees GPUs and volume mounts.
/// </summary>
public sealed class DeploymentStrategyRule : ModuleRule
{
    public const string Recreate = "Recreate";

    private const string StrategyName = "strategy";

    public override string Id => "O1";
    public override string Title => "Modules holding GPUs, volumes or ports need the Recreate strategy";
    public override Severity DefaultSeverity => Severity.Warning;
    public override string Section => "other-differences";
    public override bool CanFix => true;

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, List<Finding> findings)
    {
        var reasons = Reasons(module);
        if (reasons.Count == 0)
        {
            return;
        }
        var why = string.Join("; ", reasons.Select(r => r.Text));
        var location = JsonPath.Member(CreateOptionsAccess.KubernetesSection, StrategyName);
        var strategy = module.Kubernetes()?.FindIgnoreCase(StrategyName);
        if (strategy is null)
        {
            findings.Add(Finding(module, location,
                $"The module is updated by a rolling update (the default), which starts the new pod while the old one still runs, but it {why}.",
                "Set \"k8s-experimental\": {\"strategy\": {\"type\": \"Recreate\"}}.",
                reasons.Max(r => r.Severity), fixable: module.CanAddKubernetes()));
        }
        else if (!string.Equals((strategy.Value as JObject).StringOf("type"), Recreate, StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(Finding(module, JsonPath.Member(CreateOptionsAccess.KubernetesSection, strategy.Name),
                $"The module sets strategy {strategy.Value.ToCompactJson()} although it {why}.",
                "Use {\"type\": \"Recreate\"} unless a rolling update is meant.", Severity.Information, fixable: false));
        }
    }

    public override void Fix(ConversionContext context)
    {
        if (context.Options.DeploymentStrategy != DeploymentStrategyOption.Recreate)
        {
            return;
        }
        foreach (var module in context.Manifest.Modules)
        {
            if (Reasons(module).Count > 0 && module.Kubernetes()?.FindIgnoreCase(StrategyName) is null && module.GetOrAddKubernetes() is { } section)
            {
                var strategy = new JObject();
                strategy.Add("type", JValue.String(Recreate));
                section.Add(StrategyName, strategy);
                context.Record(this, module, JsonPath.Member(CreateOptionsAccess.KubernetesSection, StrategyName), null, strategy,
                    "Recreate: the old pod stops before the new one starts, releasing what it holds.");
            }
        }
    }

    private static List<Reason> Reasons(EdgeModule module)
    {
        var reasons = new List<Reason>();
        if (module.IsEdgeAgent)
        {
            return reasons;
        }
        if (ModuleResources.HoldsAccelerator(module))
        {
            reasons.Add(new Reason("holds GPUs or FPGAs, which the new pod cannot get until the old one stops", Severity.Warning));
        }
        var volumes = PersistentVolumes(module).ToList();
        if (volumes.Count > 0)
        {
            reasons.Add(new Reason($"mounts persistent storage ({string.Join(", ", volumes)}), which two pods would share during the update", Severity.Warning));
        }
        var hostConfig = module.HostConfig();
        if (string.Equals(hostConfig.StringOf("NetworkMode"), "host", StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add(new Reason("uses the host network, where the new pod cannot bind the ports the old one holds", Severity.Warning));
        }
        if (!module.IsSystemModule && hostConfig.ObjectOf("PortBindings") is { Count: > 0 })
        {
            reasons.Add(new Reason("has port bindings, which the how-to lists as a reason (on the device they are Service ports, so a rolling update usually works)", Severity.Information));
        }
        return reasons;
    }

    /// <summary>Share volumes: Mounts of Type volume, FPGA share binds (/home/hcsshares/…), and k8s-experimental claims.</summary>
    private static IEnumerable<string> PersistentVolumes(EdgeModule module)
    {
        var found = new List<string>();
        var hostConfig = module.HostConfig();
        // Read as ModuleMounts reads them (a bare placeholder as its text), without the locations it makes: every check asks of every module.
        foreach (var mount in hostConfig.ArrayOf("Mounts")?.OfType<JObject>() ?? Enumerable.Empty<JObject>())
        {
            if (string.Equals(EdgeModule.StringProperty(mount, "Type"), MountTypes.Volume, StringComparison.OrdinalIgnoreCase))
            {
                found.Add("volume '" + EdgeModule.StringProperty(mount, "Source") + "'");
            }
        }
        foreach (var bind in hostConfig.ArrayOf("Binds")?.OfType<JValue>().Select(b => b.AsString()) ?? Enumerable.Empty<string?>())
        {
            if (bind is not null && bind.StartsWith(ShareMapping.FpgaShareRoot + "/", StringComparison.Ordinal))
            {
                found.Add("share bind '" + bind + "'");
            }
        }
        foreach (var spec in module.Kubernetes().ArrayOf("volumes")?.OfType<JObject>() ?? Enumerable.Empty<JObject>())
        {
            if (spec.ObjectOf("volume")?.ObjectOf("persistentVolumeClaim") is { } claim)
            {
                found.Add("claim '" + claim.StringOf("claimName") + "'");
            }
        }
        return found;
    }

    private sealed record Reason(string Text, Severity Severity);
}

using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Network;

/// <summary>
/// N3: NetworkMode host becomes the pod's hostNetwork with dnsPolicy ClusterFirstWithHostNet, so the module still
/// resolves the other modules' Services and edgeHub need not be on the host network too (the how-to). Only one module
/// per deployment can use the host network (a known issue of IoT Edge on Kubernetes). A stopped module is deployed
/// with no replica: no pod of it holds the node's ports, so it is left out. The fix takes edgeHub off the host network
/// (K22's, after it, binds the ports through which the other modules then reach it); which of several other modules
/// keeps the host network is the user's decision.
/// </summary>
public sealed class HostNetworkRule : MigrationRule
{
    private const string NetworkModeName = "NetworkMode";

    public override string Id => "N3";
    public override string Title => "Host networking: one module, and not edgeHub";
    public override Severity DefaultSeverity => Severity.Error;
    public override string Section => "network";
    public override bool CanFix => true;

    /// <summary>The device deploys every host-network module, but only one per deployment can use the host network (kubernetes-mode.md: NetworkMode row, known issues).</summary>
    public override bool ErrorsKeepPodFromStarting => true;

    public override IEnumerable<Finding> Check(ManifestDocument manifest)
    {
        var found = new List<Finding>();
        var hostModules = manifest.Modules.Where(m => UsesHostNetwork(m) && !m.IsStopped).ToList();
        foreach (var module in hostModules)
        {
            var location = "HostConfig." + module.HostConfig()!.FindIgnoreCase(NetworkModeName)!.Name;
            var others = hostModules.Where(m => m != module).Select(m => "'" + m.Name + "'").ToList();
            if (others.Count > 0)
            {
                // edgeHub need not be on it (the Warning below): taking it off is the first step, whoever else is on it.
                var withEdgeHub = hostModules.Any(m => m.IsEdgeHub);
                // The fix takes edgeHub off: that settles a pair of edgeHub and one other module, not more.
                var fixable = withEdgeHub && hostModules.Count == 2;
                found.Add(Finding(module, location,
                    $"The module uses the host network, as {Names(others)} {(others.Count == 1 ? "does" : "do")}; on the GPU device only one module per deployment can use the host network.",
                    withEdgeHub
                        ? hostModules.Count == 2
                            ? "Take edgeHub off the host network, as the Warning on it says; the other module keeps it."
                            : "Take edgeHub off the host network, as the Warning on it says; of the others, keep the host network for the one module that needs it, and give the rest PortBindings on the cluster network."
                        : "Keep the host network for the one module that needs it; the others use the cluster network with PortBindings.",
                    fixable: fixable));
            }
            if (module.IsEdgeHub)
            {
                found.Add(Finding(module, location,
                    "edgeHub uses the host network. On the GPU device host-network modules get dnsPolicy ClusterFirstWithHostNet and reach edgeHub through the cluster, so edgeHub need not be on the host network (the how-to).",
                    EdgeHubAdvice(module) + " ConvertTo-GpuEdgeManifest does.",
                    Severity.Warning, fixable: true));
            }
            else if (others.Count == 0)
            {
                found.Add(Finding(module, location,
                    "The module uses the host network: on the GPU device its pod gets hostNetwork and dnsPolicy ClusterFirstWithHostNet, so it listens on the node's ports and still reaches edgeHub and other modules by their Service names.",
                    "Nothing to change; no other module can use the host network in the same deployment.", Severity.Information, fixable: false));
            }
        }
        return found;
    }

    public override void Fix(ConversionContext context)
    {
        if (context.Manifest.Modules.FirstOrDefault(m => m.IsEdgeHub) is not { IsStopped: false } edgeHub || !UsesHostNetwork(edgeHub))
        {
            return;
        }
        var hostConfig = edgeHub.HostConfig()!;
        var mode = hostConfig.FindIgnoreCase(NetworkModeName)!;
        hostConfig.Remove(mode);
        context.Record(this, edgeHub, "HostConfig." + mode.Name, mode.Value, null,
            $"edgeHub left the host network (NetworkMode {mode.Value.ToCompactJson()} removed): host-network modules reach it through the cluster on the GPU device, and the others as 'edgehub' through the ports it binds.");
    }

    /// <summary>
    /// Without the host network, modules reach edgeHub only through its Service, made of its TCP bindings: the advice
    /// keeps the ones edgeHub has and names, with their JSON, the ones it lacks (a host-network edgeHub often has none).
    /// </summary>
    private static string EdgeHubAdvice(EdgeModule module)
    {
        var bound = new HashSet<int?>(ModulePorts.Bindings(module)
            .Where(e => e.Key.IsValid && e.Key.Protocol == "tcp")
            .SelectMany(e => e.Bindings.Select(b => b.HostPort)));
        var missing = EdgeHubPortsRule.Ports.Select(p => p.Port).Where(p => !bound.Contains(p)).ToList();
        if (missing.Count == 0)
        {
            return "Remove NetworkMode host from edgeHub and keep its 5671, 8883 and 443 PortBindings, through which modules reach it as 'edgehub'.";
        }
        return $"Remove NetworkMode host from edgeHub and bind its port{(missing.Count == 1 ? "" : "s")} {ProseList.Joined(missing.Select(p => p.ToString()).ToList())} in HostConfig.PortBindings " +
            $"({EdgeHubPortsRule.BindingsJson(missing)}): without the host network, modules reach it as 'edgehub' only through the ports it binds.";
    }

    /// <summary>Up to three names, then how many more.</summary>
    private static string Names(IReadOnlyList<string> names) =>
        string.Join(", ", names.Take(3)) + (names.Count > 3 ? $" and {names.Count - 3} more" : "");

    /// <summary>True for a module other than edgeAgent (the device's own) whose NetworkMode is "host", in any case.</summary>
    internal static bool UsesHostNetwork(EdgeModule module) =>
        module.HostConfig()?.GetIgnoreCase(NetworkModeName) is JValue { IsString: true } mode &&
        string.Equals(mode.Text, "host", StringComparison.OrdinalIgnoreCase) &&
        !module.IsEdgeAgent;
}

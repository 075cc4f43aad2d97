using System;
using System.Collections.Generic;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules.Network;

namespace EdgeMigration.Core.Rules.Proxy;

/// <summary>
/// P3: the IoT Edge proxy on Kubernetes, a sidecar in every pod, listens on localhost:35000 and 35001, which the
/// module's container shares; a module listening there conflicts with it. The how-to asks modules not to use these
/// ports at all; as a HostPort (a Service port on the device) they do not meet the sidecar, so that is a warning.
/// The sidecar serves HTTP (modules reach the runtime at http://localhost:35001), so it holds TCP sockets only: a
/// module listening on UDP or SCTP 35000 does not conflict with it, which is only worth knowing.
/// </summary>
public sealed class ProxyPortsRule : ModuleRule
{
    private static readonly int[] SidecarPorts = { 35000, 35001 };

    public override string Id => "P3";
    public override string Title => "Ports 35000 and 35001 belong to the IoT Edge proxy";
    public override Severity DefaultSeverity => Severity.Error;
    public override string Section => "web-proxy";

    /// <summary>
    /// The pod's containers share its network, and its proxy sidecar listens on localhost:35000 and 35001
    /// (kubernetes-mode.md, Refinements): a module listening there conflicts with it. HostPorts are only warnings.
    /// </summary>
    public override bool ErrorsKeepPodFromStarting => true;

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, List<Finding> findings)
    {
        if (module.IsEdgeAgent)
        {
            return;
        }
        // Each sidecar port and protocol once, where it first appears (exposed ports, then bindings).
        var reported = new List<string>();
        foreach (var exposed in ModulePorts.Exposed(module))
        {
            AddContainerPort(module, exposed.Key, exposed.Location, reported, findings);
        }
        foreach (var entry in ModulePorts.Bindings(module))
        {
            AddContainerPort(module, entry.Key, entry.Location, reported, findings);
        }
        foreach (var entry in ModulePorts.Bindings(module))
        {
            foreach (var binding in entry.Bindings)
            {
                if (binding.HostPort is { } port && Array.IndexOf(SidecarPorts, port) >= 0)
                {
                    findings.Add(Finding(module, binding.Location,
                        $"HostPort {binding.HostPort} is one of the IoT Edge proxy's ports (35000, 35001), which the how-to asks modules not to use.",
                        "Use another HostPort.", Severity.Warning));
                }
            }
        }
    }

    private void AddContainerPort(EdgeModule module, PortKey key, string location, List<string> reported, List<Finding> findings)
    {
        if (key.Number is not { } port || Array.IndexOf(SidecarPorts, port) < 0)
        {
            return;
        }
        // A port without a protocol is TCP to Docker and the agent (K16): "35000" and "35000/tcp" are one port.
        var name = key.Name;
        if (reported.Contains(name))
        {
            return;
        }
        reported.Add(name);
        if (key.Protocol is "udp" or "sctp")
        {
            findings.Add(Finding(module, location,
                $"The module listens on {key.Protocol.ToUpperInvariant()} port {port}, a number the IoT Edge proxy sidecar uses in every pod on the GPU device; the sidecar listens on TCP only, so they do not conflict, but the how-to asks modules not to use these ports.",
                "Nothing to change; another port avoids any doubt.", Severity.Information));
            return;
        }
        findings.Add(Finding(module, location,
            $"The module listens on port {key.Number}, which the IoT Edge proxy sidecar uses in every pod on the GPU device (localhost:35000 and 35001); the ports conflict.",
            "Make the module listen on another port."));
    }
}

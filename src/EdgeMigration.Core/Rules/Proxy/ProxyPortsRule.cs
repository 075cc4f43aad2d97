using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules.Network;

namespace EdgeMigration.Core.Rules.Proxy;

/// <summary>
/// P3: the IoT Edge proxy on Kubernetes, a sidecar in every pod, listens on localhost:35000 and 35001, which the
/// module's container shares; a module listening there conflicts with it. The how-to asks modules not to use these
/// ports at all; as a HostPort (a Service port on the device) they do not meet the sidecar, so that is a warning.
/// </summary>
public sealed class ProxyPortsRule : ModuleRule
{
    private static readonly int[] SidecarPorts = { 35000, 35001 };

    public override string Id => "P3";
    public override string Title => "Ports 35000 and 35001 belong to the IoT Edge proxy";
    public override Severity DefaultSeverity => Severity.Error;
    public override string Section => "web-proxy";

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, List<Finding> findings)
    {
        if (MissingHostPortRule.IsEdgeAgent(module))
        {
            return;
        }
        var containerPorts = ModulePorts.Exposed(module).Select(e => (e.Key, e.Location))
            .Concat(ModulePorts.Bindings(module).Select(e => (e.Key, e.Location)))
            .Where(p => p.Key.Number is { } port && SidecarPorts.Contains(port))
            .GroupBy(p => p.Key.Number)
            .Select(g => g.First());
        foreach (var (key, location) in containerPorts)
        {
            findings.Add(Finding(module, location,
                $"The module listens on port {key.Number}, which the IoT Edge proxy sidecar uses in every pod on the GPU device (localhost:35000 and 35001); the ports conflict.",
                "Make the module listen on another port."));
        }
        foreach (var binding in ModulePorts.Bindings(module).SelectMany(e => e.Bindings).Where(b => b.HostPort is { } port && SidecarPorts.Contains(port)))
        {
            findings.Add(Finding(module, binding.Location,
                $"HostPort {binding.HostPort} is one of the IoT Edge proxy's ports (35000, 35001), which the how-to asks modules not to use.",
                "Use another HostPort.", Severity.Warning));
        }
    }
}

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Network;

/// <summary>
/// K22: on the FPGA device modules reach edgeHub on Docker's network, at any port of its container. On the GPU device
/// they get IOTEDGE_GATEWAYHOSTNAME=edgehub, the name of edgeHub's Service, which the agent makes of edgeHub's ports
/// and which serves only those (reference: "custom modules get IOTEDGE_GATEWAYHOSTNAME=edgehub, which resolves only if
/// edgeHub keeps its 5671/8883/443 bindings"). An edgeHub without one of them leaves the modules that connect over that
/// protocol without edgeHub; one without any port has no Service, and no module reaches it. The fix binds each missing
/// port to the same HostPort, unless the user bound it to another (modules connect to the standard ports: which to keep
/// is the user's to say). A host-network edgeHub is N3's; ports a template fills in are judged once expanded.
/// </summary>
public sealed class EdgeHubPortsRule : MigrationRule
{
    /// <summary>The ports through which modules reach edgeHub as 'edgehub', each with what connects there (AMQP or MQTT over WebSockets on 443).</summary>
    internal static readonly (int Port, string Protocol)[] Ports = { (5671, "AMQP"), (8883, "MQTT"), (443, "WebSockets") };

    public override string Id => "K22";
    public override string Title => "edgeHub must bind 5671, 8883 and 443 for modules to reach it";
    public override Severity DefaultSeverity => Severity.Warning;
    public override string Section => "network";
    public override bool CanFix => true;

    public override IEnumerable<Finding> Check(ManifestDocument manifest)
    {
        var findings = new List<Finding>();
        if (EdgeHub(manifest) is not { } edgeHub || Missing(edgeHub) is not { Count: > 0 } missing)
        {
            return findings;
        }
        var served = ModulePorts.Service(edgeHub).ServicePortNumbers.OrderBy(p => p).ToList();
        var boundElsewhere = missing.Where(p => IsBound(edgeHub, p.Port)).ToList();
        var lost = ProseList.Joined(missing.Select(p => $"{p.Protocol} ({p.Port})").ToList());
        var message = served.Count == 0
            ? $"edgeHub has no ports, so the GPU device makes it no Service: the name 'edgehub' (IOTEDGE_GATEWAYHOSTNAME) that every module connects to does not resolve there, and no module reaches edgeHub. On the FPGA device, Docker's network reached every port of its container."
            : $"edgeHub's Service on the GPU device serves port{(served.Count == 1 ? "" : "s")} {string.Join(", ", served)} only: modules reach edgeHub as 'edgehub' (IOTEDGE_GATEWAYHOSTNAME) through it, so those that connect over {lost} cannot. On the FPGA device, Docker's network reached every port of its container.";
        var unbound = missing.Where(p => !IsBound(edgeHub, p.Port)).Select(p => p.Port).ToList();
        var recommendation = boundElsewhere.Count > 0
            ? ElsewhereAdvice(edgeHub, boundElsewhere.Select(p => p.Port).ToList()) +
                (unbound.Count > 0 ? $" Bind {ProseList.Joined(unbound.Select(p => p.ToString(CultureInfo.InvariantCulture)).ToList())} too ({BindingsJson(unbound)}); ConvertTo-GpuEdgeManifest does." : "")
            : $"Bind {(missing.Count == 1 ? "it" : "them")} in edgeHub's createOptions ({BindingsJson(missing.Select(p => p.Port))}); ConvertTo-GpuEdgeManifest does.";
        findings.Add(Finding(edgeHub, ModulePorts.PortBindingsMember(edgeHub) is { } member ? ModulePorts.LocationOf(member) : "", message, recommendation,
            served.Count == 0 ? Severity.Error : null, fixable: boundElsewhere.Count == 0));
        return findings;
    }

    public override void Fix(ConversionContext context)
    {
        if (EdgeHub(context.Manifest) is not { } edgeHub || Missing(edgeHub).Where(p => !IsBound(edgeHub, p.Port)).ToList() is not { Count: > 0 } missing ||
            edgeHub.CreateOptions!.GetOrCreateRoot().GetOrAddObject("HostConfig") is not { } hostConfig ||
            hostConfig.GetOrAddObject(ModulePorts.PortBindingsName) is not { } bindings)
        {
            return;
        }
        var location = ModulePorts.LocationOf(ModulePorts.PortBindingsMember(edgeHub)!);
        foreach (var (port, protocol) in missing)
        {
            var key = port.ToString(CultureInfo.InvariantCulture) + "/tcp";
            var binding = ModulePorts.HostPortBinding(port);
            bindings.Set(key, binding);
            context.Record(this, edgeHub, JsonPath.Member(location, key), null, binding,
                $"edgeHub's port {port} is bound to HostPort {port}, so that modules reach it as 'edgehub' over {protocol} on the GPU device.");
        }
    }

    /// <summary>
    /// What to do about standard <paramref name="ports"/> edgeHub binds to other HostPorts: change those HostPorts, as the
    /// Service names each port of a binding after the container port (hostport-5671-tcp), so a second binding of the same
    /// container port gives it two ports of one name, which Kubernetes refuses, and the whole deployment fails (K10); or,
    /// to keep the HostPorts clients outside the device use, expose the port too, which adds a Service port of its own
    /// number under another name (exposedport-5671-tcp).
    /// </summary>
    private static string ElsewhereAdvice(EdgeModule edgeHub, List<int> ports)
    {
        var changes = ports.Select(port =>
        {
            var hostPorts = ModulePorts.Bindings(edgeHub)
                .Where(entry => entry.Key.IsValid && entry.Key.Number == port && entry.Key.Protocol == "tcp")
                .SelectMany(entry => entry.Bindings).Select(b => b.HostPortText).Where(text => !string.IsNullOrEmpty(text)).Select(text => text!).Distinct().ToList();
            var number = port.ToString(CultureInfo.InvariantCulture);
            return $"container port {number} to HostPort {number}" + (hostPorts.Count == 0 ? "" : $" instead of {ProseList.Joined(hostPorts)}");
        }).ToList();
        var exposed = string.Join(", ", ports.Select(p => $"\"{p}/tcp\": {{}}"));
        return $"Bind {ProseList.Joined(changes)}, as modules connect to edgehub at the standard ports; replace the binding rather than add a second one to the port: " +
            $"the device names both Service ports after the container port, Kubernetes refuses two ports of one name, and the whole deployment fails. " +
            $"To keep the HostPort{(ports.Count == 1 ? "" : "s")} for clients outside the device, leave the binding{(ports.Count == 1 ? "" : "s")} and expose the port{(ports.Count == 1 ? "" : "s")} as well (\"ExposedPorts\": {{{exposed}}}): the Service then serves both.";
    }

    /// <summary>"PortBindings": {"5671/tcp": [{"HostPort": "5671"}], …} for <paramref name="ports"/>, as advice shows it.</summary>
    internal static string BindingsJson(IEnumerable<int> ports) =>
        $"\"PortBindings\": {{{string.Join(", ", ports.Select(p => $"\"{p}/tcp\": [{{\"HostPort\": \"{p}\"}}]"))}}}";

    /// <summary>
    /// edgeHub when it is judged: running on the cluster network, with createOptions the agent reads (a HostConfig or
    /// PortBindings that is no object is K4's, and stops the whole deployment) and ports no template fills in.
    /// </summary>
    private static EdgeModule? EdgeHub(ManifestDocument manifest) =>
        manifest.Modules.FirstOrDefault(m => m.IsEdgeHub) is { } edgeHub &&
        !edgeHub.IsStopped && edgeHub.CreateOptions is { Error: null } options &&
        CreateOptionsAccess.CanHoldObject(options.Root?.FindIgnoreCase("HostConfig")) && CreateOptionsAccess.CanHoldObject(ModulePorts.PortBindingsMember(edgeHub)) &&
        !HostNetworkRule.UsesHostNetwork(edgeHub) && !ModulePorts.HasPortPlaceholder(edgeHub)
            ? edgeHub
            : null;

    /// <summary>The ports of <see cref="Ports"/> that edgeHub's Service does not serve.</summary>
    private static List<(int Port, string Protocol)> Missing(EdgeModule edgeHub)
    {
        var served = ModulePorts.Service(edgeHub).ServicePortNumbers;
        return Ports.Where(p => !served.Contains(p.Port)).ToList();
    }

    /// <summary>True when edgeHub binds TCP container port <paramref name="port"/> (to another HostPort, as it is not served).</summary>
    private static bool IsBound(EdgeModule edgeHub, int port) =>
        ModulePorts.Bindings(edgeHub).Any(entry => entry.Key.IsValid && entry.Key.Number == port && entry.Key.Protocol == "tcp");
}

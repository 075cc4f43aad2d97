using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Network;

/// <summary>
/// K20: on the FPGA device, modules reach each other by container name on Docker's network, at any port the container
/// listens on. On the GPU device the name is the module's Service (reference: ExposedPorts and PortBindings rows), which
/// the agent makes only for a module with ports, and which serves only those: a HostPort for a bound port (rule N2), the
/// port itself for one only exposed. So a variable that addresses another module ("http://edgeHub:9600/metrics",
/// "registry:5000", "Server=tcp:sql,1433") fails there when that module has no ports, or none the address names. Read
/// from the env section and createOptions Env as the agent passes them on; a module whose ports a template fills in is
/// not judged, nor edgeAgent (the device runs its own) or a stopped module (no pod answers). A module on the host network
/// also reached, at "localhost:&lt;HostPort&gt;", the ports Docker published on the host for other modules; on the GPU device a
/// HostPort is a Service port, not a port of the node, so such an address fails too. Not fixed: which side to change is
/// the user's to say.
/// </summary>
public sealed class ModuleAddressRule : ModuleRule
{
    public override string Id => "K20";
    public override string Title => "Addresses of modules the device's Services do not serve";
    public override Severity DefaultSeverity => Severity.Warning;
    public override string Section => "network";

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, List<Finding> findings)
    {
        if (module.IsEdgeAgent)
        {
            return;
        }
        var onHostNetwork = HostNetworkRule.UsesHostNetwork(module);
        // Most values hold no ':' or '=' that an address needs, and are passed over unread.
        foreach (var variable in ModuleEnvironment.VariablesWithValue(module, MayHoldAddress) ?? Enumerable.Empty<ModuleVariable>())
        {
            foreach (var address in HostAddresses.In(variable.Value!, (text, start, length) => Target(manifest, text, start, length)) ?? Enumerable.Empty<HostAddress<EdgeModule>>())
            {
                if (Problem(variable, address) is { } problem)
                {
                    findings.Add(Finding(module, variable.Location, problem.Message, problem.Recommendation, certainty: Certainty.Likely, inDefinition: variable.InDefinition));
                }
            }
            if (!onHostNetwork)
            {
                continue;
            }
            // On the host network, the FPGA device's module reached the HostPorts Docker published on the host at localhost.
            foreach (var address in HostAddresses.In(variable.Value!, (text, start, length) => IsLoopback(text, start, length) ? module : null) ?? Enumerable.Empty<HostAddress<EdgeModule>>())
            {
                if (address.Port is { } port && Publisher(manifest, module, port) is { } publisher)
                {
                    findings.Add(Finding(module, variable.Location,
                        $"Variable '{variable.Name}' ({(variable.InDefinition ? "the env section" : "createOptions Env")}) addresses module '{publisher.Name}' at '{address.Text}', its HostPort on the host, as this host-network module reached it on the FPGA device; on the GPU device a HostPort is a port of the module's Service, not of the node, so nothing listens at {address.Host}:{port}.",
                        // The host replaced as written: "sql:1433" is no SQL Server address ("sql,1433" is).
                        $"Address the module by its Service: write '{KubernetesNames.Sanitize(publisher.Name)}' for '{address.Host}' in '{address.Text}', keeping port {port}, its Service's port (the host-network pod resolves Service names: dnsPolicy ClusterFirstWithHostNet).",
                        certainty: Certainty.Likely, inDefinition: variable.InDefinition));
                }
            }
        }
    }

    /// <summary>The names a module reaches its own host by (the node's, on the GPU device's host network).</summary>
    private static readonly string[] LoopbackHosts = { "localhost", "127.0.0.1" };

    private static bool IsLoopback(string text, int start, int length) =>
        LoopbackHosts.Any(host => HostAddresses.IsHost(text, start, length, host));

    /// <summary>
    /// The other module that binds <paramref name="hostPort"/> (reference: PortBindings row, "HostPort is the Service port
    /// (not a node port)"), if it is judged. A host-network module listens on the host itself; that two modules cannot both
    /// be on the host network is N3's.
    /// </summary>
    private static EdgeModule? Publisher(ManifestDocument manifest, EdgeModule caller, int hostPort) =>
        manifest.Modules.FirstOrDefault(m => !ReferenceEquals(m, caller) && !m.IsEdgeAgent && !m.IsStopped && m.CreateOptions?.Error is null &&
                                             !HostNetworkRule.UsesHostNetwork(m) && !ModulePorts.HasPortPlaceholder(m) &&
                                             ModulePorts.Bindings(m).Any(entry => entry.Key.IsValid && entry.Bindings.Any(b => b.HostPort == hostPort)));

    private static readonly Func<string, int, bool> MayHoldAddress = HostAddresses.MayHoldAddress;

    /// <summary>The module of the manifest that <paramref name="length"/> characters of <paramref name="text"/> name as a host (host names are read in any case), if it is judged.</summary>
    private static EdgeModule? Target(ManifestDocument manifest, string text, int start, int length)
    {
        foreach (var module in manifest.Modules)
        {
            if (HostAddresses.IsHost(text, start, length, module.Name))
            {
                return module.IsEdgeAgent || module.IsStopped || module.CreateOptions?.Error is not null || ModulePorts.HasPortPlaceholder(module) ? null : module;
            }
        }
        return null;
    }

    private static (string Message, string Recommendation)? Problem(ModuleVariable variable, HostAddress<EdgeModule> address)
    {
        var target = address.Target;
        var ports = ModulePorts.Service(target);
        var addressed = $"Variable '{variable.Name}' ({(variable.InDefinition ? "the env section" : "createOptions Env")}) addresses module '{target.Name}' at '{address.Text}'";
        var binding = $"\"HostConfig\": {{\"PortBindings\": {{\"{address.Port?.ToString() ?? "<port>"}/tcp\": [{{\"HostPort\": \"{address.Port?.ToString() ?? "<port>"}\"}}]}}}}";
        if (ports.ServicePortNumbers.Count == 0)
        {
            return ($"{addressed}, but '{target.Name}' has no ports in its createOptions: the GPU device makes no Service for it, so the name does not resolve there (on the FPGA device, Docker's network reached the container by name).",
                $"Give '{target.Name}' the port{(address.Port is null ? " it listens on" : "")} in its createOptions ({binding}).");
        }
        if (address.Port is not { } port || ports.ServicePortNumbers.Contains(port))
        {
            return null;
        }
        var servicePorts = string.Join(", ", ports.ServicePortNumbers.OrderBy(p => p));
        return ports.ServicePortTo(port) is { } hostPort
            ? ($"{addressed}, but the device's Service for '{target.Name}' serves container port {port} at port {hostPort}, its HostPort (rule N2): port {port} is not served.",
                $"Connect to port {hostPort}, or bind container port {port} to HostPort {port}.")
            : ($"{addressed}, but the device's Service for '{target.Name}' serves port{(ports.ServicePortNumbers.Count == 1 ? "" : "s")} {servicePorts} only (on the FPGA device, Docker's network reached every port of the container).",
                $"Give '{target.Name}' port {port} in its createOptions ({binding}).");
    }
}

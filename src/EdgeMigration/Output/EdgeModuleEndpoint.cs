using System.Linq;
using EdgeMigration.Core.DeviceOutput;

namespace EdgeMigration;

/// <summary>What an Azure Stack Edge Pro GPU device exposes of one IoT Edge module, as Get-EdgeModuleExternalIp emits it.</summary>
public sealed class EdgeModuleEndpoint
{
    /// <summary>The name the device shows: the module id lower-cased, characters outside [a-z0-9-.] dropped.</summary>
    public string Name { get; set; } = "";

    /// <summary>Running, Stopped… (iotedge list only).</summary>
    public string? Status { get; set; }

    /// <summary>"Up 10 days"… (iotedge list only).</summary>
    public string? Description { get; set; }

    /// <summary>The container image (iotedge list's CONFIG column).</summary>
    public string? Image { get; set; }

    /// <summary>
    /// ClusterIP, NodePort or LoadBalancer; null when the module has no Service. From iotedge list it is
    /// inferred from EXTERNAL-IP (an address or &lt;pending&gt;: LoadBalancer; &lt;none&gt;: NodePort when a port has a
    /// node port, else ClusterIP).
    /// </summary>
    public string? ServiceType { get; set; }

    /// <summary>True for a ClusterIP Service (&lt;none&gt; in EXTERNAL-IP, no node port): reachable by other modules only.</summary>
    public bool IsClusterOnly { get; set; }

    /// <summary>
    /// The address from the device's "Kubernetes external service IPs" range, as text ("10.128.44.244", a valid address:
    /// the reader checks it); null when the module has none. Text, as PowerShell's own network cmdlets give addresses, so
    /// that ConvertTo-Json, Export-Csv and an automation job's output show the address, not an IPAddress's properties.
    /// </summary>
    public string? ExternalIp { get; set; }

    /// <summary>
    /// True when the module waits for an external IP (kubectl shows &lt;pending&gt;): its LoadBalancer Service, or its
    /// port bindings, got no address; the device's "Kubernetes external service IPs" range is likely too small.
    /// </summary>
    public bool IsExternalIpPending { get; set; }

    /// <summary>The Service's address inside the cluster, as text (kubectl only).</summary>
    public string? ClusterIp { get; set; }

    public EdgeModulePortList Ports { get; set; } = new(new EdgeModulePort[0]);

    /// <summary>The output read: IotedgeList, KubectlTable or KubectlJson.</summary>
    public string Source { get; set; } = "";

    /// <summary>
    /// Where it was read: the device's computer name (a session, or output piped from Invoke-Command), the file, the
    /// kubeconfig file, or "pipeline input".
    /// </summary>
    public string Origin { get; set; } = "";

    /// <summary>
    /// The device's computer name when it was read over PowerShell remoting (-Session, -ComputerName, or the output of
    /// Invoke-Command, which carries it as PSComputerName); null otherwise. Named as PowerShell names it on the objects
    /// of remote commands, so scripts group and filter results of several devices alike.
    /// </summary>
    public string? PSComputerName { get; set; }

    internal static EdgeModuleEndpoint From(ModuleEndpoint module, string origin, string? computerName) => new()
    {
        Name = module.Name,
        Status = module.Status,
        Description = module.Description,
        Image = module.Image,
        ServiceType = module.ServiceType,
        IsClusterOnly = module.IsClusterOnly,
        ExternalIp = module.ExternalIp?.ToString(),
        IsExternalIpPending = module.IsExternalIpPending,
        ClusterIp = module.ClusterIp?.ToString(),
        Ports = new(module.Ports.Select(p => new EdgeModulePort { Port = p.Port, NodePort = p.NodePort, Protocol = p.Protocol }).ToArray()),
        Source = module.Format.ToString(),
        Origin = origin,
        PSComputerName = computerName,
    };
}

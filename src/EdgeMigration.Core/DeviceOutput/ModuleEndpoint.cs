using System.Collections.Generic;
using System.Net;

namespace EdgeMigration.Core.DeviceOutput;

/// <summary>What the GPU device exposes of one module: its Service type, external IP and ports, as the device reported them.</summary>
public sealed class ModuleEndpoint
{
    public const string ClusterIpType = "ClusterIP";
    public const string NodePortType = "NodePort";
    public const string LoadBalancerType = "LoadBalancer";

    public ModuleEndpoint(string name, DeviceOutputFormat format, string? serviceType, IPAddress? externalIp, IReadOnlyList<ServicePort> ports)
    {
        Name = name;
        Format = format;
        ServiceType = serviceType;
        ExternalIp = externalIp;
        Ports = ports;
    }

    /// <summary>The name the device shows: the module id lower-cased with characters outside [a-z0-9-.] dropped.</summary>
    public string Name { get; }

    public DeviceOutputFormat Format { get; }

    /// <summary>Running, Stopped… (iotedge list only).</summary>
    public string? Status { get; init; }

    /// <summary>"Up 10 days"… (iotedge list only).</summary>
    public string? Description { get; init; }

    /// <summary>The container image, from the CONFIG column (iotedge list only).</summary>
    public string? Image { get; init; }

    /// <summary>
    /// ClusterIP, NodePort or LoadBalancer; null when the module has no Service. kubectl says it; for
    /// <c>iotedge list</c> it is inferred from EXTERNAL-IP: an address or &lt;pending&gt; means LoadBalancer,
    /// &lt;none&gt; means NodePort when PORT(S) has a node port and ClusterIP otherwise, an empty cell means no Service
    /// (or, with ports, unknown).
    /// </summary>
    public string? ServiceType { get; }

    /// <summary>The address the device's load balancer gave the module; null when it has none.</summary>
    public IPAddress? ExternalIp { get; }

    /// <summary>The Service's address inside the cluster (kubectl only).</summary>
    public IPAddress? ClusterIp { get; init; }

    public IReadOnlyList<ServicePort> Ports { get; }

    /// <summary>Reachable only from inside the cluster (by other modules), never from the network.</summary>
    public bool IsClusterOnly => ServiceType == ClusterIpType;

    /// <summary>
    /// The module waits for an address from the device's load balancer (kubectl's &lt;pending&gt;): a LoadBalancer
    /// Service without one, whether or not its ports are known (iotedge list may have no PORT(S) column), or ports
    /// without an address or a Service type. On Azure Stack Edge the usual cause is a "Kubernetes external service
    /// IPs" range with fewer free addresses than modules with port bindings.
    /// </summary>
    public bool IsExternalIpPending => ExternalIp is null && (ServiceType == LoadBalancerType || ServiceType is null && Ports.Count > 0);

    public override string ToString() => Name;
}

using EdgeMigration.Core.DeviceOutput;

namespace EdgeMigration;

/// <summary>A port of a module's Kubernetes Service, as Get-EdgeModuleExternalIp emits it.</summary>
public sealed class EdgeModulePort
{
    /// <summary>The Service port: the HostPort of the module's PortBindings.</summary>
    public int Port { get; set; }

    /// <summary>The port opened on the device's node, or null (ClusterIP Services have none).</summary>
    public int? NodePort { get; set; }

    /// <summary>TCP, UDP or SCTP.</summary>
    public string Protocol { get; set; } = "TCP";

    /// <summary>As kubectl prints it: 443:31457/TCP or 35000/TCP.</summary>
    public override string ToString() => new ServicePort(Port, NodePort, Protocol).ToString();
}

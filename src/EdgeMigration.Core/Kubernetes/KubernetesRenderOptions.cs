using System;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>What the preview needs to know about the device that the manifest does not say.</summary>
public sealed class KubernetesRenderOptions
{
    /// <summary>The namespace the device's agent deploys into ("iotedge" on Azure Stack Edge).</summary>
    public string Namespace { get; init; } = "iotedge";

    /// <summary>The IoT Edge device id, for the objects' labels and the module's IOTEDGE_DEVICEID; not shown when null.</summary>
    public string? DeviceId { get; init; }

    /// <summary>The IoT Hub host name, for the objects' labels and IOTEDGE_IOTHUBHOSTNAME; not shown when null.</summary>
    public string? IotHubHostName { get; init; }

    /// <summary>
    /// The Service type the agent gives modules with port bindings when k8s-experimental.serviceOptions sets none:
    /// LoadBalancer on Azure Stack Edge, where MetalLB hands out the external IPs.
    /// </summary>
    public string DefaultServiceType { get; init; } = "LoadBalancer";

    /// <summary>Throws <see cref="ArgumentException"/> when the device id or hub name cannot be a Kubernetes label value.</summary>
    public void Validate()
    {
        CheckLabelValue(DeviceId, nameof(DeviceId));
        CheckLabelValue(IotHubHostName, nameof(IotHubHostName));
    }

    private static void CheckLabelValue(string? value, string option)
    {
        try
        {
            _ = value is null ? null : DnsNames.LabelValue(value);
        }
        catch (KubernetesNameException ex)
        {
            throw new InvalidOptionException($"{option} '{value}' cannot be a Kubernetes label value: {ex.Message}.", option, ex);
        }
    }
}

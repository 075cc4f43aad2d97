using System.Collections.Generic;
using System.Linq;

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
}

/// <summary>One module's Kubernetes objects, and the settings that did not make it into them.</summary>
public sealed class ModuleRendering
{
    internal ModuleRendering(string moduleName, string kubernetesName, IReadOnlyList<KubernetesResource> resources, IReadOnlyList<DroppedSetting> dropped)
    {
        ModuleName = moduleName;
        KubernetesName = kubernetesName;
        Resources = resources;
        Dropped = dropped;
    }

    /// <summary>The module id, as the manifest and IoT Hub know it.</summary>
    public string ModuleName { get; }

    /// <summary>The name of the module's Deployment, Service, container and ServiceAccount on the device.</summary>
    public string KubernetesName { get; }

    public IReadOnlyList<KubernetesResource> Resources { get; }

    public IReadOnlyList<DroppedSetting> Dropped { get; }

    /// <summary>True when something of the module keeps it (or the deployment) from running on the device.</summary>
    public bool Fails => Dropped.Any(d => d.Effect == DropEffect.Fails);
}

/// <summary>A manifest as the device's Kubernetes agent would deploy it: per module, its objects and what it drops.</summary>
public sealed class KubernetesRendering
{
    internal KubernetesRendering(string sourceName, IReadOnlyList<ModuleRendering> modules)
    {
        SourceName = sourceName;
        Modules = modules;
    }

    public string SourceName { get; }

    public IReadOnlyList<ModuleRendering> Modules { get; }

    /// <summary>Every object the agent creates, in module order (references left out).</summary>
    public IEnumerable<KubernetesResource> CreatedResources => Modules.SelectMany(m => m.Resources).Where(r => !r.IsReference);
}

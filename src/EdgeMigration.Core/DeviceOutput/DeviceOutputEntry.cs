namespace EdgeMigration.Core.DeviceOutput;

/// <summary>
/// One thing read from device output, in input order: a module, why a row or document of it could not be read, or a
/// Service that is no module.
/// </summary>
public sealed class DeviceOutputEntry
{
    private DeviceOutputEntry(ModuleEndpoint? module, DeviceOutputException? error, string? otherNamespaceService)
    {
        Module = module;
        Error = error;
        OtherNamespaceService = otherNamespaceService;
    }

    /// <summary>The module read; null when this entry is an error.</summary>
    public ModuleEndpoint? Module { get; }

    /// <summary>Why a row (or a whole table or JSON document) was not read; null when this entry is a module.</summary>
    public DeviceOutputException? Error { get; }

    /// <summary>A Service of another namespace than iotedge, as namespace/name; null when this entry is a module or an error.</summary>
    public string? OtherNamespaceService { get; }

    public static DeviceOutputEntry Of(ModuleEndpoint module) => new(module, null, null);

    public static DeviceOutputEntry Of(DeviceOutputException error) => new(null, error, null);

    /// <summary>
    /// The entry of a Service of another namespace than iotedge, or null for one of iotedge or of a namespace the output
    /// does not say (kubectl get svc -n, iotedge list). The device's agent makes the Services of modules in the iotedge
    /// namespace only; kubectl get svc -A also lists the cluster's own (kube-system…) and those of the user's Kubernetes
    /// workloads, which are no modules, whatever their rows hold.
    /// </summary>
    internal static DeviceOutputEntry? OfOtherNamespace(string? @namespace, string name) =>
        @namespace is { Length: > 0 } && @namespace != Kubectl.IotedgeNamespace ? new(null, null, $"{@namespace}/{name}") : null;
}

using System.Collections.Specialized;
using System.Linq;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Infrastructure;

namespace EdgeMigration;

/// <summary>
/// One Kubernetes object ConvertTo-EdgeKubernetesManifest renders for a module: what the device's agent creates
/// (Deployment, Service, ServiceAccount), or an object the module's pod refers to (IsReference: a share's
/// PersistentVolumeClaim, the image pull Secret, and the ServiceAccount when a refused Deployment keeps the agent from
/// creating it, rule K19).
/// </summary>
public sealed class EdgeKubernetesResource : IManifestResult
{
    private readonly KubernetesResource _resource;

    internal EdgeKubernetesResource(KubernetesResource resource, ModuleRendering module, ResultManifest source)
    {
        _resource = resource;
        Source = source;
        ModuleName = module.ModuleName;
        KubernetesName = module.KubernetesName;
        Kind = resource.Kind;
        ApiVersion = resource.ApiVersion;
        Name = resource.Name;
        IsReference = resource.IsReference;
        ModuleFails = module.Fails;
        Starts = module.Starts;
        // The module's dropped settings and start problems go with its Deployment only, so that piping every object's
        // lists repeats none.
        var isDeployment = resource.Kind == "Deployment" && !resource.IsReference;
        DroppedSettings = new ResultList<EdgeKubernetesDroppedSetting>(isDeployment ? module.Dropped.Select(d => new EdgeKubernetesDroppedSetting(d, source)).ToArray() : new EdgeKubernetesDroppedSetting[0]);
        StartProblems = new ResultList<EdgeMigrationFinding>(isDeployment ? module.StartProblems.Select(f => new EdgeMigrationFinding(f, source)).ToArray() : new EdgeMigrationFinding[0]);
    }

    /// <summary>
    /// The row of a module the agent renders no object for because it cannot read the module (createOptions that are not
    /// JSON): a Deployment named as the device would name it, with only its metadata, Deploys False and the reason in
    /// DroppedSettings, so that filtering on Deploys finds every module the device does not deploy.
    /// </summary>
    internal static EdgeKubernetesResource NotDeployed(ModuleRendering module, ResultManifest source, string ns) =>
        new(KubernetesResource.Named(module.ModuleName, "apps/v1", "Deployment", module.KubernetesName, ns), module, source);

    ResultManifest IManifestResult.Source => Source;
    private ResultManifest Source { get; }

    public string Manifest => Source.Name;

    /// <summary>The module id, as the manifest and IoT Hub know it.</summary>
    public string ModuleName { get; }

    /// <summary>The module's name on the device: its Deployment, Service, container and ServiceAccount.</summary>
    public string KubernetesName { get; }

    public string Kind { get; }
    public string ApiVersion { get; }
    public string Name { get; }

    /// <summary>True when the agent does not create the object, which the pod needs: a share's claim, the pull Secret, a ServiceAccount K19 keeps from being made.</summary>
    public bool IsReference { get; }

    /// <summary>True when something of the module keeps the device from deploying it (see DroppedSettings with Effect Fails).</summary>
    public bool ModuleFails { get; }

    /// <summary>True when the device deploys the module: the opposite of ModuleFails, named as the table's column.</summary>
    public bool Deploys => !ModuleFails;

    /// <summary>True when the device deploys the module and nothing Test-EdgeModuleCompatibility knows of keeps its pod from starting (see StartProblems).</summary>
    public bool Starts { get; }

    /// <summary>The object as ordered hashtables and arrays, keys in kubectl's order.</summary>
    public OrderedDictionary Object => (OrderedDictionary)PowerShellGraph.FromJson(_resource.Object, asHashtable: true)!;

    /// <summary>On the module's Deployment: the settings of the module the device drops, and why; empty on its other objects.</summary>
    public ResultList<EdgeKubernetesDroppedSetting> DroppedSettings { get; }

    /// <summary>
    /// On the module's Deployment: why its pod would not start although the device deploys it (a bind of a file, a
    /// second module on the host network…), as the findings of Test-EdgeModuleCompatibility; empty on its other objects.
    /// </summary>
    public ResultList<EdgeMigrationFinding> StartProblems { get; }

    /// <summary>The object as indented JSON.</summary>
    public string ToJson() => KubernetesJsonText.Write(_resource.Object);

    public override string ToString() => Kind + "/" + Name;
}

using EdgeMigration.Core.Json;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>One Kubernetes object the device's agent creates for a module, or one the module's pod refers to.</summary>
public sealed class KubernetesResource
{
    public KubernetesResource(string moduleName, JObject obj, bool isReference = false)
    {
        ModuleName = moduleName;
        Object = obj;
        IsReference = isReference;
    }

    /// <summary>An object with only its kind, name and namespace: what the preview shows of an object it does not render.</summary>
    public static KubernetesResource Named(string moduleName, string apiVersion, string kind, string name, string ns, bool isReference = false) =>
        new(moduleName, JsonBuild.Object(("apiVersion", JValue.String(apiVersion)), ("kind", JValue.String(kind)),
            ("metadata", JsonBuild.Object(("name", JValue.String(name)), ("namespace", JValue.String(ns))))), isReference);

    public string ModuleName { get; }

    public string Kind => ((JValue)Object["kind"]!).Text;

    public string ApiVersion => ((JValue)Object["apiVersion"]!).Text;

    public string Name => ((JValue)((JObject)Object["metadata"]!)["name"]!).Text;

    /// <summary>
    /// The object as the agent writes it to the API server; for a reference, only its kind and name: a share's
    /// PersistentVolumeClaim that must exist on the device, or the image pull Secret the agent makes from a registry
    /// credential (its data, the credential, is never shown); or the module's ServiceAccount as the agent would write it,
    /// which it does not while a Deployment is refused (rule K19).
    /// </summary>
    public JObject Object { get; }

    /// <summary>True when the object is only named: the pod needs it, but this preview does not render its content.</summary>
    public bool IsReference { get; }

    public override string ToString() => Kind + "/" + Name;
}

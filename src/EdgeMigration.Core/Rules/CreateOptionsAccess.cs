using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules;

/// <summary>Navigation the rules share. Docker and the agent match createOptions keys case-insensitively, except
/// <c>k8s-experimental</c> itself, which the agent matches exactly.</summary>
public static class CreateOptionsAccess
{
    public const string KubernetesSection = "k8s-experimental";

    public static JObject? Options(this EdgeModule module) => module.CreateOptions?.Root;

    public static JObject? HostConfig(this EdgeModule module) => module.Options().ObjectOf("HostConfig");

    public static JObject? Kubernetes(this EdgeModule module) => module.Options()?.Find(KubernetesSection)?.Value as JObject;

    public static JObject? ObjectOf(this JObject? obj, string name) => obj?.GetIgnoreCase(name) as JObject;

    public static JArray? ArrayOf(this JObject? obj, string name) => obj?.GetIgnoreCase(name) as JArray;

    public static string? StringOf(this JObject? obj, string name) => (obj?.GetIgnoreCase(name) as JValue)?.AsString();

    /// <summary>The object under <paramref name="name"/> (any case), added when missing or not an object.</summary>
    public static JObject GetOrAddObject(this JObject obj, string name)
    {
        var member = obj.FindIgnoreCase(name);
        if (member?.Value is JObject existing)
        {
            return existing;
        }
        var created = new JObject();
        obj.Set(member?.Name ?? name, created);
        return created;
    }

    /// <summary>
    /// The k8s-experimental section of a module's createOptions, created when missing. Matched exactly, as the agent
    /// does: a section spelled in another case is ignored by the device and left for K3 to report; a value that is
    /// not an object (unreadable for the agent) is replaced.
    /// </summary>
    public static JObject GetOrAddKubernetes(this EdgeModule module)
    {
        var root = module.CreateOptions!.GetOrCreateRoot();
        if (root.Find(KubernetesSection)?.Value is JObject existing)
        {
            return existing;
        }
        var created = new JObject();
        root.Set(KubernetesSection, created);
        return created;
    }
}

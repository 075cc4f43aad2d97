using System.Linq;
using EdgeMigration.Core.Json;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>A rendering as JSON: the objects the agent creates in a v1 List, as <c>kubectl get -o json</c> prints several objects.</summary>
public static class KubernetesJsonText
{
    public static string Write(KubernetesRendering rendering)
    {
        var list = JsonBuild.Object(
            ("apiVersion", JValue.String("v1")),
            ("items", new JArray(rendering.CreatedResources.Select(r => r.Object.DeepClone()))),
            ("kind", JValue.String("List")));
        return Write(list);
    }

    /// <summary>One object as indented JSON.</summary>
    public static string Write(JObject obj) => JsonTreeWriter.Write(obj, JsonStyle.Indented, "", "\n");
}

using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using Xunit;

namespace EdgeMigration.Tests.Kubernetes;

/// <summary>Renders one module of a small manifest and digs into its objects.</summary>
public static class RenderKit
{
    public const string Module = "m";

    /// <summary>Module "m" with these createOptions (and env section, and edits of its definition), rendered.</summary>
    public static ModuleRendering Render(string createOptions, string? env = null, Action<ManifestDocument>? edit = null, KubernetesRenderOptions? options = null)
    {
        var manifest = ManifestBuilder.Deployment((Module, createOptions, env));
        edit?.Invoke(manifest);
        return KubernetesRenderer.Render(ManifestDocument.Parse(manifest.ToJson()), options).Modules.Single(m => m.ModuleName == Module);
    }

    public static JObject Object(ModuleRendering module, string kind) =>
        module.Resources.Single(r => r.Kind == kind && !r.IsReference).Object;

    public static JObject Deployment(ModuleRendering module) => Object(module, "Deployment");

    public static JObject Service(ModuleRendering module) => Object(module, "Service");

    public static JObject PodSpec(ModuleRendering module) => At(Deployment(module), "spec.template.spec");

    public static JObject Container(ModuleRendering module) => (JObject)((JArray)PodSpec(module)["containers"]!)[0];

    /// <summary>The node at a dotted path of member names.</summary>
    public static JObject At(JObject obj, string path) => (JObject)Node(obj, path)!;

    public static JNode? Node(JObject obj, string path) =>
        path.Split('.').Aggregate((JNode?)obj, (node, name) => (node as JObject)?[name]);

    /// <summary>The node as one line of JSON; "-" when absent.</summary>
    public static string Compact(JNode? node) => node?.ToCompactJson() ?? "-";

    public static string Compact(JObject obj, string path) => Compact(Node(obj, path));

    /// <summary>"Effect Location" of each dropped setting, for exact comparisons.</summary>
    public static IEnumerable<string> Dropped(ModuleRendering module) => module.Dropped.Select(d => d.Effect + " " + d.Location);

    public static DroppedSetting DroppedAt(ModuleRendering module, string location) => Assert.Single(module.Dropped, d => d.Location == location);

    /// <summary>
    /// Asserts that the module fails for exactly what rule <paramref name="ruleId"/> finds in these createOptions: at the
    /// same places, in the same words (the preview's consequence for the check's), with the same advice.
    /// </summary>
    public static void AssertFailsAsTheRuleSays(ModuleRendering module, string createOptions, string ruleId)
    {
        var check = RuleEngine.Check(ManifestBuilder.Deployment((Module, createOptions)), new RuleSelection(new[] { ruleId }, null));
        Assert.True(module.Fails);
        Assert.Equal(check.Select(f => (DropEffect.Fails, f.Location, f.Message.Replace(", so the module never runs.", " (HTTP 422), so the module is not deployed."), f.Recommendation)),
            module.Dropped.Select(d => (d.Effect, d.Location, d.Reason, d.Advice)));
    }

    /// <summary>The names of the container's environment variables, in order.</summary>
    public static IEnumerable<string> EnvNames(ModuleRendering module) =>
        ((JArray)Container(module)["env"]!).Cast<JObject>().Select(v => ((JValue)v["name"]!).Text);
}

using System.Linq;
using EdgeMigration.Core.Kubernetes;
using Xunit;
using static EdgeMigration.Tests.Kubernetes.RenderKit;

namespace EdgeMigration.Tests.Kubernetes;

/// <summary>The YAML and JSON texts: what kubectl prints, readable back without changing a value's type.</summary>
public class KubernetesYamlTests
{
    private static KubernetesRendering Rendering(string createOptions) =>
        KubernetesRenderer.Render(ManifestBuilder.Deployment((Module, createOptions)));

    [Fact]
    public void StringsThatLookLikeOtherTypesAreQuotedOthersArePlain()
    {
        var yaml = KubernetesYaml.Write(Rendering("""{"Env":["PORT=8080","DEBUG=true","RATIO=1.5","NONE=null","EMPTY=","DATE=2024-01-01","OCT=0o17","TEXT=hello world","CPU=500m"]}"""));

        foreach (var expected in new[] { "value: \"8080\"", "value: \"true\"", "value: \"1.5\"", "value: \"null\"", "value: \"\"", "value: \"2024-01-01\"", "value: \"0o17\"", "value: hello world", "value: 500m", "replicas: 1" })
        {
            Assert.Contains(expected, yaml);
        }
        var deployment = (k8s.Models.V1Deployment)k8s.KubernetesYaml.LoadAllFromString(yaml, null, true)[3];
        Assert.Equal(new[] { "8080", "true", "1.5", "null", "", "2024-01-01", "0o17", "hello world", "500m" },
            deployment.Spec.Template.Spec.Containers[0].Env.Take(9).Select(v => v.Value));
    }

    [Fact]
    public void WhatYaml11ReadersTakeForOtherThingsIsQuotedOrEscaped()
    {
        // '=' and '<<' are YAML 1.1's value and merge keys, and PyYAML refuses a tab in plain text and ends a comment at
        // U+2028, U+2029 and U+0085.
        var yaml = KubernetesYaml.Write(Rendering("{\"Env\":[\"A=x\\ty\",\"B==\",\"C=<<\"],\"ExposedPorts\":{\"80/tcp\\u2028x: [\":{},\"81/tcp\\u0085y\":{}}}"));

        Assert.Contains("value: \"x\ty\"", yaml);
        Assert.Contains("value: \"=\"", yaml);
        Assert.Contains("value: \"<<\"", yaml);
        Assert.Contains("80/tcp\\u2028x: [", yaml);
        Assert.Contains("81/tcp\\u0085y", yaml);
        Assert.DoesNotContain('\u2028', yaml);
        Assert.DoesNotContain('\u0085', yaml);
    }

    [Fact]
    public void LineBreaksReadBackAsWritten()
    {
        // A block scalar would turn them into line feeds, or into nothing: a PEM written on Windows would lose its '\r', a lone line feed would be empty.
        var yaml = KubernetesYaml.Write(Rendering("""{"Env":["CR=a\r\nb","NEL=\u0085","LS=x\u2028y","PS=\u2029","LF=\n","LFS=a\nb"]}"""));

        var deployment = (k8s.Models.V1Deployment)k8s.KubernetesYaml.LoadAllFromString(yaml, null, true)[3];
        Assert.Equal(new[] { "a\r\nb", "\u0085", "x\u2028y", "\u2029", "\n", "a\nb" }, deployment.Spec.Template.Spec.Containers[0].Env.Take(6).Select(v => v.Value));
    }

    [Fact]
    public void EachObjectIsADocumentAndEachModuleStartsWithWhatItDrops()
    {
        var yaml = KubernetesYaml.Write(Rendering("""{"User":"1000","ExposedPorts":{"80/tcp":{}}}"""));

        var documents = yaml.Split("\n---\n");
        Assert.Equal(new[] { "Deployment", "Service", "ServiceAccount", "Deployment", "Service", "ServiceAccount" },
            yaml.Split('\n').Where(l => l.StartsWith("kind: ")).Select(l => l.Substring(6)));
        Assert.StartsWith("# Module 'edgeAgent' runs as 'edgeagent': nothing is deployed for it.", yaml);
        Assert.Contains("# Module 'm' runs as 'm'.\n#   dropped User (\"1000\") is not read by the GPU device's agent and has no effect there.\n---\napiVersion: apps/v1\n", yaml);
        Assert.Equal(7, documents.Length);
    }

    [Fact]
    public void ACommentNamesTheSettingOnceEvenWhereTheReasonBeginsWithItsLastSteps()
    {
        var yaml = KubernetesYaml.Write(Rendering("""{"Env":["A:B=1"],"k8s-experimental":{"resources":{"limits":{"nvidia.com/gpu":1},"requests":{"nvidia.com/gpu":2}}}}"""));
        var comments = yaml.Split('\n').Where(line => line.StartsWith("#   FAILS ")).ToList();

        // K12's reason begins "requests['nvidia.com/gpu'] (2) differs…"; the variable name's begins with neither step.
        Assert.Contains(comments, c => c.StartsWith("#   FAILS k8s-experimental.resources.requests['nvidia.com/gpu'] (") && c.IndexOf("requests['nvidia.com/gpu']") == c.LastIndexOf("requests['nvidia.com/gpu'] ("));
        Assert.Contains("#   FAILS Env[0]: Environment variable name 'A:B'", comments.Select(c => c.Substring(0, System.Math.Min(c.Length, 49))));
    }

    [Fact]
    public void JsonIsAListOfTheCreatedObjects()
    {
        var rendering = Rendering("""{"HostConfig":{"Mounts":[{"Type":"volume","Source":"share","Target":"/s"}]}}""");

        var list = EdgeMigration.Core.Json.JDocument.Parse(KubernetesJsonText.Write(rendering)).Root;

        Assert.Equal("List", Compact(((EdgeMigration.Core.Json.JObject)list)["kind"]).Trim('"'));
        Assert.Equal(rendering.CreatedResources.Count(), ((EdgeMigration.Core.Json.JArray)((EdgeMigration.Core.Json.JObject)list)["items"]!).Count);
        Assert.DoesNotContain("PersistentVolumeClaim", KubernetesJsonText.Write(rendering).Replace("persistentVolumeClaim", ""));
    }
}

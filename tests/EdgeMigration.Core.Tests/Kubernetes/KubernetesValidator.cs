using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using EdgeMigration.Core.Kubernetes;
using k8s;
using k8s.Models;
using Xunit;

namespace EdgeMigration.Tests.Kubernetes;

/// <summary>
/// Checks rendered objects against the Kubernetes API: each one deserializes into the KubernetesClient package's typed
/// model (k8s.Models, generated from the API's OpenAPI definitions) with unknown fields refused and nothing lost on the
/// way back, and passes the API server's validation rules the types cannot express (names, selectors, references).
/// </summary>
public static class KubernetesValidator
{
    private static readonly Regex DnsLabel = new("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
    private static readonly Regex Dns1035Label = new("^[a-z]([-a-z0-9]*[a-z0-9])?$");
    private static readonly Regex EnvName = new("^[-._a-zA-Z][-._a-zA-Z0-9]*$");
    private static readonly Regex QualifiedName = new("^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$");
    private static readonly Regex LabelValue = new("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$");

    public static readonly IReadOnlyDictionary<string, Type> Models = new Dictionary<string, Type>
    {
        ["apps/v1/Deployment"] = typeof(V1Deployment),
        ["v1/Service"] = typeof(V1Service),
        ["v1/ServiceAccount"] = typeof(V1ServiceAccount),
        ["v1/PersistentVolumeClaim"] = typeof(V1PersistentVolumeClaim),
        ["v1/Secret"] = typeof(V1Secret),
    };

    static KubernetesValidator() =>
        KubernetesJson.AddJsonOptions(options => options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow);

    /// <summary>The object as its typed model; fails on an unknown field, a wrong type, or a value the model does not keep.</summary>
    public static IKubernetesObject Typed(KubernetesResource resource)
    {
        var json = KubernetesJsonText.Write(resource.Object);
        var type = Models[resource.ApiVersion + "/" + resource.Kind];
        var deserialize = typeof(KubernetesJson).GetMethod(nameof(KubernetesJson.Deserialize), new[] { typeof(string), typeof(JsonSerializerOptions) })!.MakeGenericMethod(type);
        var typed = (IKubernetesObject)deserialize.Invoke(null, new object?[] { json, null })!;
        AssertKept(JsonNode.Parse(json)!, JsonNode.Parse(KubernetesJson.Serialize(typed))!, resource.ToString());
        return typed;
    }

    /// <summary>Every created object of the module is a valid API object, and the objects fit together.</summary>
    public static void AssertValid(ModuleRendering module)
    {
        var created = module.Resources.Where(r => !r.IsReference).ToList();
        var deployment = (V1Deployment)Typed(created.Single(r => r.Kind == "Deployment"));
        var account = (V1ServiceAccount)Typed(created.Single(r => r.Kind == "ServiceAccount"));
        AssertDeployment(deployment);
        Assert.Equal(deployment.Spec.Template.Spec.ServiceAccountName, account.Metadata.Name);
        AssertMetadata(account.Metadata);
        if (created.SingleOrDefault(r => r.Kind == "Service") is { } serviceResource)
        {
            var service = (V1Service)Typed(serviceResource);
            AssertService(service, deployment);
        }
        foreach (var reference in module.Resources.Where(r => r.IsReference))
        {
            Assert.Matches(reference.Kind == "Secret" ? new Regex("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$") : DnsLabel, reference.Name);
        }
    }

    private static void AssertDeployment(V1Deployment deployment)
    {
        AssertMetadata(deployment.Metadata);
        var pod = deployment.Spec.Template;
        Assert.All(deployment.Spec.Selector.MatchLabels, label => Assert.Equal(label.Value, pod.Metadata.Labels[label.Key]));
        AssertMetadata(pod.Metadata);
        var container = Assert.Single(pod.Spec.Containers);
        Assert.Matches(DnsLabel, container.Name);
        Assert.True(container.Name.Length <= 63, container.Name);
        Assert.False(string.IsNullOrEmpty(container.Image));
        Assert.All(container.Env ?? new List<V1EnvVar>(), env => Assert.Matches(EnvName, env.Name));
        var volumes = (pod.Spec.Volumes ?? new List<V1Volume>()).Select(v => v.Name).ToList();
        Assert.Equal(volumes.Distinct().Count(), volumes.Count);
        Assert.All(volumes, name => Assert.Matches(DnsLabel, name));
        var mounts = container.VolumeMounts ?? new List<V1VolumeMount>();
        Assert.All(mounts, mount => Assert.Contains(mount.Name, volumes));
        Assert.Equal(mounts.Select(m => m.MountPath).Distinct().Count(), mounts.Count);
        Assert.All(container.Ports ?? new List<V1ContainerPort>(), port => Assert.InRange(port.ContainerPort, 1, 65535));
    }

    private static void AssertService(V1Service service, V1Deployment deployment)
    {
        AssertMetadata(service.Metadata);
        Assert.Matches(Dns1035Label, service.Metadata.Name);
        Assert.Contains(service.Spec.Type, new[] { "ClusterIP", "NodePort", "LoadBalancer" });
        Assert.Equal(deployment.Spec.Selector.MatchLabels, service.Spec.Selector);
        var ports = service.Spec.Ports;
        Assert.NotEmpty(ports);
        Assert.Equal(ports.Count, ports.Select(p => p.Name).Distinct().Count());
        Assert.Equal(ports.Count, ports.Select(p => (p.Port, p.Protocol)).Distinct().Count());
        Assert.All(ports, port =>
        {
            Assert.Matches(DnsLabel, port.Name);
            Assert.InRange(port.Port, 1, 65535);
        });
    }

    private static void AssertMetadata(V1ObjectMeta metadata)
    {
        Assert.Matches(DnsLabel, metadata.Name ?? "");
        foreach (var pair in (metadata.Labels ?? new Dictionary<string, string>()))
        {
            Assert.Matches(QualifiedName, pair.Key);
            Assert.Matches(LabelValue, pair.Value);
        }
        Assert.All((metadata.Annotations ?? new Dictionary<string, string>()).Keys, key => Assert.Matches(QualifiedName, key));
    }

    /// <summary>Everything of <paramref name="ours"/> is in what the typed model wrote back: quantities compared by value.</summary>
    private static void AssertKept(JsonNode ours, JsonNode back, string path)
    {
        switch (ours)
        {
            case JsonObject obj:
                var backObject = Assert.IsType<JsonObject>(back);
                foreach (var member in obj)
                {
                    Assert.True(backObject.ContainsKey(member.Key), $"{path}.{member.Key} was lost by the typed model");
                    AssertKept(member.Value!, backObject[member.Key]!, path + "." + member.Key);
                }
                break;
            case JsonArray array:
                var backArray = Assert.IsType<JsonArray>(back);
                Assert.Equal(array.Count, backArray.Count);
                for (var i = 0; i < array.Count; i++)
                {
                    AssertKept(array[i]!, backArray[i]!, $"{path}[{i}]");
                }
                break;
            default:
                var text = ours.ToJsonString();
                var backText = back.ToJsonString();
                if (text != backText)
                {
                    Assert.Equal(new ResourceQuantity(ours.GetValue<string>()), new ResourceQuantity(back.GetValue<string>()));
                }
                break;
        }
    }
}

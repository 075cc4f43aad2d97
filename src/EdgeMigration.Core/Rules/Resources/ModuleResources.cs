using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Resources;

/// <summary><c>k8s-experimental.resources.limits</c> or <c>.requests</c> of a module, and where it is (names as written).</summary>
public sealed class ResourceList
{
    private readonly string _resourcesName;
    private readonly string _kindName;
    private string? _location;

    internal ResourceList(JObject values, string resourcesName, string kindName)
    {
        Values = values;
        _resourcesName = resourcesName;
        _kindName = kindName;
    }

    public JObject Values { get; }

    /// <summary>Relative to createOptions, e.g. <c>k8s-experimental.resources.limits</c>; made when asked for, as most lists are only read.</summary>
    public string Location => _location ??= JsonPath.Member(JsonPath.Member(CreateOptionsAccess.KubernetesSection, _resourcesName), _kindName);

    public string PathOf(string resource) => JsonPath.Member(Location, resource);
}

/// <summary>What a module asks of the device through <c>k8s-experimental.resources</c>: accelerators, memory, CPU.</summary>
public static class ModuleResources
{
    public const string FpgaResource = "microsoft.com/fpga_catapult";
    public const string GpuResource = "nvidia.com/gpu";
    public const string Limits = "limits";
    public const string Requests = "requests";
    public const string Memory = "memory";
    public const string Cpu = "cpu";

    private const string ResourcesName = "resources";

    /// <summary>The domain of Kubernetes' own resource names; a name with any other domain is an extended resource.</summary>
    private const string KubernetesDomain = "kubernetes.io";

    /// <summary>The limits or requests of a module (<paramref name="kind"/>), or null when it has none.</summary>
    public static ResourceList? Find(EdgeModule module, string kind)
    {
        var resources = module.Kubernetes()?.FindIgnoreCase(ResourcesName);
        var list = (resources?.Value as JObject)?.FindIgnoreCase(kind);
        return list?.Value is JObject values
            ? new ResourceList(values, resources!.Name, list.Name)
            : null;
    }

    /// <summary>The limits or requests of a module, created when missing.</summary>
    public static ResourceList GetOrAdd(EdgeModule module, string kind)
    {
        module.GetOrAddKubernetes().GetOrAddObject(ResourcesName).GetOrAddObject(kind);
        return Find(module, kind)!;
    }

    /// <summary>True when the module asks for a GPU or an FPGA (resource names are case-sensitive in Kubernetes).</summary>
    public static bool HoldsAccelerator(EdgeModule module) =>
        new[] { Limits, Requests }.Any(kind => Find(module, kind)?.Values is { } values &&
            (values.Find(GpuResource) is not null || values.Find(FpgaResource) is not null));

    /// <summary>
    /// Each request of an extended resource that differs from its limit, as quantities ("2" and 2 are equal): Kubernetes
    /// does not overcommit extended resources and refuses such a pod. R1 reports them and the preview fails the module.
    /// </summary>
    public static IEnumerable<(JMember Request, JNode Limit)> UnequalExtendedRequests(JObject requests, JObject limits)
    {
        foreach (var request in requests.Members)
        {
            if (IsExtendedResource(request.Name) && limits.Find(request.Name)?.Value is { } limit &&
                KubernetesQuantity.Of(request.Value) is { } requested && KubernetesQuantity.Of(limit) is { } limited && requested != limited)
            {
                yield return (request, limit);
            }
        }
    }

    /// <summary>
    /// True for an extended resource: a name with a domain outside *.kubernetes.io (<c>nvidia.com/gpu</c>,
    /// <c>example.com/foo</c>), as Kubernetes defines them; cpu, memory, ephemeral-storage and hugepages-* have no domain.
    /// </summary>
    public static bool IsExtendedResource(string name)
    {
        var slash = name.IndexOf('/');
        if (slash <= 0)
        {
            return false;
        }
        var domain = name.Substring(0, slash);
        return !string.Equals(domain, KubernetesDomain, StringComparison.OrdinalIgnoreCase) &&
               !domain.EndsWith("." + KubernetesDomain, StringComparison.OrdinalIgnoreCase);
    }
}

using System;
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

    /// <summary>"limits" or "requests", as written.</summary>
    public string Kind => _kindName;

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

    /// <summary>The prefix of huge pages resources (hugepages-2Mi), which Kubernetes does not overcommit.</summary>
    public const string HugePagesPrefix = "hugepages-";

    /// <summary>What a name within Kubernetes' own domain holds (kubernetes.io/, example.kubernetes.io/); other names with a domain are extended resources.</summary>
    private const string KubernetesDomainPrefix = "kubernetes.io/";

    /// <summary><c>k8s-experimental.resources</c> of a module, whatever it holds; null when it is not there.</summary>
    public static JMember? FindResources(EdgeModule module) => AsRead(module.Kubernetes(), ResourcesName);

    /// <summary>
    /// A key of k8s-experimental or of its resources as the agent's typed model reads it with Json.NET: in any case, and
    /// where two spellings stand, the last one wins (the preview renders that one, and the API server judges it). Json.NET
    /// merges two spellings of limits or requests that both hold objects; that rare case is judged by the last alone.
    /// </summary>
    private static JMember? AsRead(JObject? obj, string name) => obj?.Find(name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The limits or requests of a module (<paramref name="kind"/>), or null when it has none.</summary>
    public static ResourceList? Find(EdgeModule module, string kind)
    {
        var resources = FindResources(module);
        var list = AsRead(resources?.Value as JObject, kind);
        return list?.Value is JObject values
            ? new ResourceList(values, resources!.Name, list.Name)
            : null;
    }

    /// <summary>
    /// True when a template's placeholder stands for the module's limits or requests (<paramref name="kind"/>), or for its
    /// whole resources: what they hold, and so what the other list is compared with, is known only once it is expanded.
    /// </summary>
    public static bool IsPlaceholder(EdgeModule module, string kind) =>
        FindResources(module)?.Value is { } resources &&
        (TemplateText.IsPlaceholder(resources) || AsRead(resources as JObject, kind)?.Value is { } list && TemplateText.IsPlaceholder(list));

    /// <summary>
    /// The limits or requests of a module, created when missing; null when something the user wrote stands where an
    /// object goes (k8s-experimental, resources or the list itself), which no fix replaces.
    /// </summary>
    public static ResourceList? GetOrAdd(EdgeModule module, string kind)
    {
        if (!CanAdd(module, kind))
        {
            return null;
        }
        var section = module.GetOrAddKubernetes()!;
        var resources = CreateOptionsAccess.GetOrAdd(section, AsRead(section, ResourcesName), ResourcesName)!;
        CreateOptionsAccess.GetOrAdd(resources, AsRead(resources, kind), kind);
        return Find(module, kind);
    }

    /// <summary>True when <see cref="GetOrAdd"/> gives the list: each of k8s-experimental, resources and the list is missing, null or an object.</summary>
    public static bool CanAdd(EdgeModule module, string kind)
    {
        var resources = FindResources(module);
        return module.CanAddKubernetes() && CreateOptionsAccess.CanHoldObject(resources) &&
            CreateOptionsAccess.CanHoldObject(AsRead(resources?.Value as JObject, kind));
    }

    /// <summary>True when R1's fix can put GPUs in the module's limits: they are there, or can be added.</summary>
    public static bool HasOrCanAddLimits(EdgeModule module) => Find(module, Limits) is not null || CanAdd(module, Limits);

    /// <summary>True when the module asks for a GPU or an FPGA (resource names are case-sensitive in Kubernetes).</summary>
    public static bool HoldsAccelerator(EdgeModule module) =>
        new[] { Limits, Requests }.Any(kind => Find(module, kind)?.Values is { } values &&
            (values.Find(GpuResource) is not null || values.Find(FpgaResource) is not null));

    /// <summary>
    /// Whether the API server refuses a request of <paramref name="resource"/> with that limit (null: none), comparing
    /// quantities as Kubernetes does ("1Gi" is above "1000Mi", "0.5" equals "500m"); null when it accepts the pair, or
    /// when a quantity cannot be read: a template's placeholder ("${GPUS}") is judged only once expanded, and any other
    /// value the agent's typed model cannot read fails the module's createOptions before its Deployment is sent (rule
    /// K3 reports that, and the preview fails the module for it).
    /// </summary>
    public static RequestRefusal? Judge(string resource, JNode request, JNode? limit)
    {
        var overcommitable = IsOvercommitAllowed(resource);
        if (limit is null)
        {
            return overcommitable ? null : RequestRefusal.WithoutLimit;
        }
        if (ParsedQuantity.Of(request) is not { } requested || ParsedQuantity.Of(limit) is not { } limited)
        {
            return null;
        }
        return !overcommitable && requested != limited ? RequestRefusal.NotEqualToLimit
            : requested > limited ? RequestRefusal.AboveLimit
            : null;
    }

    /// <summary>
    /// True for a resource a container may request less of than its limit (Kubernetes helper.IsOvercommitAllowed): a
    /// native one (no domain, or one within kubernetes.io/: cpu, memory, ephemeral-storage) that is not huge pages.
    /// Extended resources (a domain outside kubernetes.io: nvidia.com/gpu) and hugepages-* are not. Names are matched
    /// as Kubernetes matches them, case-sensitively.
    /// </summary>
    public static bool IsOvercommitAllowed(string name) =>
        (name.IndexOf('/') < 0 || name.IndexOf(KubernetesDomainPrefix, StringComparison.Ordinal) >= 0) && !IsHugePages(name);

    /// <summary>True for huge pages of any size (hugepages-2Mi, hugepages-1Gi; Kubernetes helper.IsHugePageResourceName).</summary>
    public static bool IsHugePages(string name) => name.StartsWith(HugePagesPrefix, StringComparison.Ordinal);
}

using System.Collections.Generic;
using System.Globalization;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Resources;

/// <summary>
/// R2: Docker's memory and CPU settings in HostConfig are ignored on the GPU device (confirmed by the maintainers,
/// Azure/iotedge issue 6533); limits take effect only from <c>k8s-experimental.resources</c>. The fix writes the same
/// limits as exact Kubernetes quantities and keeps the Docker keys: Docker agents ignore k8s-experimental, so the
/// converted manifest still limits the module on an FPGA (Docker) device during a staged move, while the GPU device
/// ignores the Docker keys. A limit already in k8s-experimental wins over the Docker value. The conversion's default
/// limits go to custom modules only: edgeHub's needs are the runtime's business. No limit is written below the module's
/// own request of that resource: the API server would refuse the module's Deployment (K12), and whether the module needs
/// the request or the limit is the user's decision, which a finding asks for.
/// </summary>
public sealed class MemoryCpuLimitsRule : ModuleRule
{
    /// <summary>Docker's CFS period when CpuQuota is given without one: 100 ms.</summary>
    public const long DefaultCpuPeriod = 100_000;

    public override string Id => "R2";
    public override string Title => "Memory and CPU limits go in k8s-experimental.resources";
    public override Severity DefaultSeverity => Severity.Warning;
    public override string Section => "memory-and-cpu-usage";
    public override bool CanFix => true;

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, CheckSettings settings, List<Finding> findings)
    {
        var limits = ModuleResources.Find(module, ModuleResources.Limits)?.Values;
        var requests = ModuleResources.Find(module, ModuleResources.Requests);
        var converted = DockerLimits(module);
        foreach (var limit in converted)
        {
            var existingMember = limits?.Find(limit.Resource);
            var existing = (existingMember?.Value as JValue)?.Text;
            if (existingMember is null && RequestAbove(requests, limit.Resource, limit.Quantity) is { } request)
            {
                findings.Add(Finding(module, limit.Source,
                    $"{limit.Source} ({limit.DockerValue}) is ignored on the GPU device, and the same limit there, \"{limit.Quantity}\", {BelowRequest(request)}",
                    LeftToTheUser(request, limit.Quantity) + " (the Docker key can stay for Docker devices).", fixable: false));
            }
            else if (existingMember is null)
            {
                findings.Add(Finding(module, limit.Source,
                    $"{limit.Source} ({limit.DockerValue}) is ignored on the GPU device; the same limit there is k8s-experimental.resources.limits.{limit.Resource}: \"{limit.Quantity}\"{(limit.Exact ? "" : " (rounded up to a whole millicore)")}.",
                    $"Set \"{limit.Resource}\": \"{limit.Quantity}\" in k8s-experimental.resources.limits (the Docker key can stay for Docker devices).",
                    fixable: ModuleResources.CanAdd(module, ModuleResources.Limits)));
            }
            else if (existing is not null && ParsedQuantity.Parse(existing) is { } value && value != ParsedQuantity.Parse(limit.Quantity))
            {
                findings.Add(Finding(module, limit.Source,
                    $"{limit.Source} ({limit.DockerValue} = \"{limit.Quantity}\") differs from k8s-experimental.resources.limits.{limit.Resource} (\"{existing}\"); the GPU device uses the latter, Docker devices the former.",
                    "Make them agree unless the difference is meant.", Severity.Information, fixable: false));
            }
        }
        DefaultsNotSet(module, requests, converted, settings, findings);
        IgnoredDockerSettings(module, findings);
        if (ModuleResources.HoldsAccelerator(module) && converted.Count == 0 && !ModuleResources.IsPlaceholder(module, ModuleResources.Limits) &&
            limits?.Find(ModuleResources.Memory) is null && limits?.Find(ModuleResources.Cpu) is null)
        {
            findings.Add(Finding(module, $"{CreateOptionsAccess.KubernetesSection}.resources.limits",
                "The module holds GPUs but sets no memory or CPU limit; the how-to recommends them (for example \"memory\": \"128Mi\", \"cpu\": \"500m\").",
                "Add them, or convert with -DefaultMemoryLimit and -DefaultCpuLimit.", Severity.Information, fixable: false));
        }
    }

    /// <summary>The conversion's default limits a module was meant to get but requests more than (only in the check of a conversion's result).</summary>
    private void DefaultsNotSet(EdgeModule module, ResourceList? requests, List<DockerLimit> converted, CheckSettings settings, List<Finding> findings)
    {
        foreach (var (resource, quantity) in DefaultsFor(module, converted, settings.DefaultMemoryLimit, settings.DefaultCpuLimit))
        {
            if (RequestAbove(requests, resource, quantity) is { } request)
            {
                findings.Add(Finding(module, requests!.PathOf(resource),
                    $"The default {resource} limit given for the conversion (\"{quantity}\") {BelowRequest(request)}",
                    LeftToTheUser(request, quantity) + ".", fixable: false));
            }
        }
    }

    public override void Fix(ConversionContext context)
    {
        var memory = context.Options.DefaultMemoryLimit;
        var cpu = context.Options.DefaultCpuLimit;
        foreach (var module in context.Manifest.Modules)
        {
            if (module.CreateOptions is null || module.CreateOptions.Error is not null)
            {
                continue;
            }
            var docker = DockerLimits(module);
            foreach (var limit in docker)
            {
                AddLimit(context, module, limit.Resource, limit.Quantity,
                    $"Set the {limit.Resource} limit from {limit.Source} ({limit.DockerValue}){(limit.Exact ? "" : ", rounded up to a whole millicore")}.");
            }
            foreach (var (resource, quantity) in DefaultsFor(module, docker, memory, cpu))
            {
                AddLimit(context, module, resource, quantity, $"Set the default {resource} limit given for the conversion.");
            }
        }
    }

    /// <summary>
    /// Adds a limit unless the module already has one for that resource, or requests more than it: the API server would
    /// refuse the Deployment (K12), so the limit is left out and the check of the result says why.
    /// </summary>
    private void AddLimit(ConversionContext context, EdgeModule module, string resource, string quantity, string description)
    {
        if (ModuleResources.Find(module, ModuleResources.Limits)?.Values.Find(resource) is not null ||
            RequestAbove(ModuleResources.Find(module, ModuleResources.Requests), resource, quantity) is not null)
        {
            return;
        }
        if (ModuleResources.GetOrAdd(module, ModuleResources.Limits) is not { } limits)
        {
            return;
        }
        var value = JValue.String(quantity);
        limits.Values.Add(resource, value);
        context.Record(this, module, limits.PathOf(resource), null, value, description);
    }

    /// <summary>
    /// The conversion's default limits a module is meant to get: custom modules only (edgeHub's needs are the runtime's
    /// business), for a resource it has no limit for, in k8s-experimental or in a Docker setting R2 converts (a Docker
    /// limit that cannot be written is the user's decision, not the default's).
    /// </summary>
    private static IEnumerable<(string Resource, string Quantity)> DefaultsFor(EdgeModule module, List<DockerLimit> docker, string? memory, string? cpu)
    {
        if (module.IsSystemModule || module.CreateOptions is not { Error: null })
        {
            yield break;
        }
        var limits = ModuleResources.Find(module, ModuleResources.Limits)?.Values;
        foreach (var (resource, quantity) in new[] { (ModuleResources.Memory, memory), (ModuleResources.Cpu, cpu) })
        {
            if (quantity is not null && limits?.Find(resource) is null && !docker.Exists(limit => limit.Resource == resource))
            {
                yield return (resource, quantity);
            }
        }
    }

    /// <summary>The module's request of the resource when a limit of <paramref name="quantity"/> would be below it.</summary>
    private static JMember? RequestAbove(ResourceList? requests, string resource, string quantity) =>
        requests?.Values.Find(resource) is { } request && ModuleResources.Judge(resource, request.Value, JValue.String(quantity)) is not null
            ? request
            : null;

    /// <summary>Why a limit below the module's request is not written, the end of a finding's message.</summary>
    private static string BelowRequest(JMember request) =>
        $"is below {JsonPath.Member(ModuleResources.Requests, request.Name)} ({request.Value.ToCompactJson()}): the Kubernetes API server refuses a request above its limit, " +
        $"so the conversion does not set it and the module has no {request.Name} limit on the GPU device.";

    private static string LeftToTheUser(JMember request, string limit) =>
        $"Decide what the module needs: set \"{request.Name}\" in k8s-experimental.resources.limits to {request.Value.ToCompactJson()} or more, or lower the request to \"{limit}\" or less and convert again";

    /// <summary>The Docker limits that have an exact (or, for CPU, millicore) Kubernetes equivalent.</summary>
    private static List<DockerLimit> DockerLimits(EdgeModule module)
    {
        var limits = new List<DockerLimit>();
        var hostConfig = module.HostConfig();
        if (Positive(hostConfig, "Memory") is { } memory)
        {
            limits.Add(new DockerLimit(ModuleResources.Memory, "HostConfig." + memory.Name, memory.Value + " bytes", KubernetesQuantity.FromBytes(memory.Value), true));
        }
        if (Positive(hostConfig, "NanoCpus") is { } nanoCpus)
        {
            var quantity = KubernetesQuantity.FromNanoCpus(nanoCpus.Value, out var exact);
            limits.Add(new DockerLimit(ModuleResources.Cpu, "HostConfig." + nanoCpus.Name, nanoCpus.Value + " billionths of a CPU", quantity, exact));
        }
        else if (Positive(hostConfig, "CpuQuota") is { } quota)
        {
            var period = Positive(hostConfig, "CpuPeriod")?.Value ?? DefaultCpuPeriod;
            var quantity = KubernetesQuantity.FromCpuQuota(quota.Value, period, out var exact);
            limits.Add(new DockerLimit(ModuleResources.Cpu, "HostConfig." + quota.Name, $"{quota.Value} µs per {period} µs", quantity, exact));
        }
        return limits;
    }

    /// <summary>Docker settings the device ignores that have no exact Kubernetes limit.</summary>
    private void IgnoredDockerSettings(EdgeModule module, List<Finding> findings)
    {
        var hostConfig = module.HostConfig();
        foreach (var name in new[] { "Memory", "NanoCpus", "CpuQuota" })
        {
            if (hostConfig?.FindIgnoreCase(name) is { } member && Positive(hostConfig, name) is null && !IsUnset(member.Value))
            {
                findings.Add(Finding(module, "HostConfig." + member.Name,
                    $"{member.Name} ({member.Value.ToCompactJson()}) is ignored on the GPU device and is not a positive whole number that can be converted.",
                    "Set the limit in k8s-experimental.resources.limits by hand.", fixable: false));
            }
        }
        if (hostConfig?.FindIgnoreCase("MemorySwap") is { } swap && !IsUnset(swap.Value))
        {
            findings.Add(Finding(module, "HostConfig." + swap.Name,
                $"MemorySwap ({swap.Value.ToCompactJson()}) is ignored on the GPU device; Kubernetes has no swap limit (its nodes run without swap).",
                "Remove it, or keep it for Docker devices only; limit memory with k8s-experimental.resources.limits.memory.",
                Severity.Information, fixable: false));
        }
        if (Positive(hostConfig, "CpuShares") is { } shares)
        {
            var millicores = (shares.Value * 1000 + 1023) / 1024;
            findings.Add(Finding(module, "HostConfig." + shares.Name,
                $"CpuShares ({shares.Value}) is a relative weight and is ignored on the GPU device; Kubernetes derives a container's CPU shares from requests.cpu (1024 shares ≈ 1 CPU).",
                $"For the same weight set k8s-experimental.resources.requests.cpu: \"{millicores.ToString(CultureInfo.InvariantCulture)}m\".",
                Severity.Information, fixable: false));
        }
        if (Positive(hostConfig, "NanoCpus") is not null && Positive(hostConfig, "CpuQuota") is { } quota)
        {
            findings.Add(Finding(module, "HostConfig." + quota.Name,
                "CpuQuota is given together with NanoCpus (Docker refuses both); the CPU limit is taken from NanoCpus.",
                "Remove CpuQuota and CpuPeriod.", Severity.Information, fixable: false));
        }
        else if (Positive(hostConfig, "CpuQuota") is null && Positive(hostConfig, "CpuPeriod") is { } period)
        {
            findings.Add(Finding(module, "HostConfig." + period.Name,
                "CpuPeriod without CpuQuota limits nothing, and the GPU device ignores it.",
                "Remove it.", Severity.Information, fixable: false));
        }
    }

    private static (string Name, long Value)? Positive(JObject? hostConfig, string name) =>
        hostConfig?.FindIgnoreCase(name) is { Value: JValue value } member && value.TryGetInt64(out var number) && number > 0
            ? (member.Name, number)
            : null;

    /// <summary>null, 0, or -1 (Docker's "no limit" for CpuQuota and MemorySwap).</summary>
    private static bool IsUnset(JNode node) =>
        node is JValue { Kind: JValueKind.Null } || (node is JValue value && value.TryGetInt64(out var number) && number is 0 or -1);

    private sealed record DockerLimit(string Resource, string Source, string DockerValue, string Quantity, bool Exact);
}

using System.Collections.Generic;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Resources;

/// <summary>
/// Something in a module's <c>k8s-experimental.resources</c> that the API server refuses, and with it the module's
/// Deployment. Rule K12 reports it and the Kubernetes preview fails the module for it, at the same place in the same words.
/// </summary>
/// <param name="Location">Relative to createOptions, names as written: <c>k8s-experimental.resources.requests.memory</c>.</param>
/// <param name="Value">What the user wrote there.</param>
/// <param name="Problem">What is wrong and what the API server does about it, one clause that the rule and the preview end with their own consequence.</param>
/// <param name="Remedy">The fix, for the user to choose.</param>
/// <param name="ReplacedByR1">A refused FPGA request: R1's fix replaces it with a GPU count in both lists, which the API server accepts.</param>
public sealed record ResourceRefusal(string Location, JNode Value, string Problem, string Remedy, bool ReplacedByR1);

/// <summary>What the API server refuses when it validates a container's resources (Kubernetes ValidateResourceRequirements).</summary>
public static class ResourceRefusals
{
    /// <summary>
    /// Each refusal in the module's resources, as the user wrote them, in about the API server's order: each entry of
    /// limits, then of requests, by itself (<see cref="EntryRefusal"/>), then requests against their limits, then huge
    /// pages without cpu or memory (at the resources themselves). The agent's typed reading of the section keeps the same
    /// entries whenever it can read them all, and when it cannot no Deployment is sent (K12 and the preview then judge none).
    /// </summary>
    public static IEnumerable<ResourceRefusal> Of(EdgeModule module)
    {
        // Every module of every check comes here, and most have no resources.
        if (ModuleResources.FindResources(module) is not { } resources)
        {
            yield break;
        }
        var limits = ModuleResources.Find(module, ModuleResources.Limits);
        var requests = ModuleResources.Find(module, ModuleResources.Requests);
        // What a placeholder stands for is known only once the template is expanded: nothing is compared with it.
        var limitsPending = ModuleResources.IsPlaceholder(module, ModuleResources.Limits);
        foreach (var list in new[] { limits, requests })
        {
            if (list is null)
            {
                continue;
            }
            foreach (var entry in list.Values.Members)
            {
                if (IsSent(list.Values, entry) && EntryRefusal(list.Kind, entry) is { } refused)
                {
                    yield return new ResourceRefusal(list.PathOf(entry.Name), entry.Value, refused.Problem, refused.Remedy, false);
                }
            }
        }
        if (requests is not null && !limitsPending)
        {
            foreach (var refused in RefusedRequests(requests, limits))
            {
                yield return new ResourceRefusal(requests.PathOf(refused.Name), refused.Request.Value, refused.Problem, refused.Remedy,
                    refused.Name == ModuleResources.FpgaResource);
            }
        }
        if (HugePagesWithoutCpuOrMemory(limits, requests) is { } hugePages && !limitsPending && !ModuleResources.IsPlaceholder(module, ModuleResources.Requests))
        {
            yield return new ResourceRefusal(JsonPath.Member(CreateOptionsAccess.KubernetesSection, resources.Name), resources.Value,
                $"{resources.Name} asks for huge pages ('{hugePages}') but names neither cpu nor memory, in limits or in requests; the Kubernetes API server refuses huge pages without either (\"HugePages require cpu or memory\") and with it the module's Deployment",
                $"Give the module the memory it needs besides its huge pages (or its cpu) too, for example \"memory\": \"256Mi\" in k8s-experimental.{resources.Name}.limits.",
                false);
        }
    }

    /// <summary>
    /// The first huge pages resource (hugepages-2Mi) the module asks for, when neither list names cpu or memory (names
    /// as Kubernetes matches them, case-sensitively, whatever the quantity); null otherwise.
    /// </summary>
    private static string? HugePagesWithoutCpuOrMemory(ResourceList? limits, ResourceList? requests)
    {
        string? hugePages = null;
        foreach (var list in new[] { limits?.Values, requests?.Values })
        {
            for (var i = 0; list is not null && i < list.Count; i++)
            {
                var member = list.Members[i];
                if (Given(member.Value) is null || !IsSent(list, member))
                {
                    continue;
                }
                // A placeholder's name may be cpu or memory once the template is expanded.
                if (member.Name is ModuleResources.Cpu or ModuleResources.Memory || TemplateText.HasPlaceholder(member.Name))
                {
                    return null;
                }
                hugePages ??= ModuleResources.IsHugePages(member.Name) ? member.Name : null;
            }
        }
        return hugePages;
    }

    /// <summary>
    /// Each request the API server refuses: a request above its limit, and for a resource Kubernetes does not overcommit
    /// (a GPU, any extended resource, huge pages) one that differs from its limit or has none. R2 writes no limit that
    /// would make one (<see cref="ModuleResources.Judge"/>).
    /// </summary>
    private static IEnumerable<RefusedRequest> RefusedRequests(ResourceList requests, ResourceList? limits)
    {
        foreach (var request in requests.Values.Members)
        {
            var limit = Given(limits?.Values.Find(request.Name)?.Value);
            if (IsSent(requests.Values, request) && Given(request.Value) is { } requested && ModuleResources.Judge(request.Name, requested, limit) is { } refusal)
            {
                yield return new RefusedRequest(request, limit, refusal, requests.Kind, limits?.Kind ?? ModuleResources.Limits);
            }
        }
    }

    /// <summary>
    /// What the API server refuses of one entry of limits or requests by itself (Kubernetes validateContainerResourceName,
    /// ValidateResourceQuantityValue and validateResourceQuantityHugePageValue): a name that is not a qualified name, or
    /// without a domain none of cpu, memory, ephemeral-storage and hugepages-* (names are case-sensitive: "Memory" is
    /// refused; <see cref="ResourceNames"/>), a negative quantity, a fraction of an extended resource (nvidia.com/gpu, a
    /// domain outside kubernetes.io; "must be an integer"), and huge pages that are not whole pages. Null when it accepts
    /// the entry, or when the quantity cannot be read (K3 reports that, and a placeholder waits for its value).
    /// </summary>
    private static (string Problem, string Remedy)? EntryRefusal(string kind, JMember entry)
    {
        var name = entry.Name;
        // The agent drops a null entry; a template's placeholder name is judged once expanded.
        if (Given(entry.Value) is null || TemplateText.HasPlaceholder(name))
        {
            return null;
        }
        if (ResourceNames.Problem(name) is { } nameProblem)
        {
            return (nameProblem == ResourceNames.NotStandard
                    ? $"'{name}' is not a resource of a container: a name without a domain must be cpu, memory, ephemeral-storage or hugepages-<size>, exactly so, in lower case, so the API server refuses it (\"{nameProblem}\") and with it the module's Deployment"
                    : $"'{name}' is not a resource name Kubernetes takes, so the API server refuses it (\"{nameProblem}\") and with it the module's Deployment",
                $"Name the resource as Kubernetes does: \"{ModuleResources.GpuResource}\" for GPUs, or one of cpu, memory, ephemeral-storage, hugepages-2Mi.");
        }
        if (ParsedQuantity.Of(entry.Value) is not { } quantity)
        {
            return null;
        }
        if (quantity.Sign < 0)
        {
            return ($"{Written(kind, entry)} is negative; the API server refuses a quantity below zero (\"must be greater than or equal to 0\") and with it the module's Deployment",
                $"Give '{name}' a quantity of zero or more.");
        }
        if (!quantity.IsWhole && !ModuleResources.IsOvercommitAllowed(name) && !ModuleResources.IsHugePages(name))
        {
            return ($"{Written(kind, entry)} is not a whole number; Kubernetes hands out an extended resource such as '{name}' only whole, so the API server refuses it (\"must be an integer\") and with it the module's Deployment",
                $"Ask for a whole number of '{name}' (a GPU is not shared by fractions).");
        }
        if (ModuleResources.IsHugePages(name) && !IsWholePages(name, quantity))
        {
            return ($"{Written(kind, entry)} is not a whole number of pages of {name.Substring(ModuleResources.HugePagesPrefix.Length)}; the API server refuses it (\"{quantity} is not positive integer multiple of {name}\") and with it the module's Deployment",
                $"Ask for a multiple of the page size, {name.Substring(ModuleResources.HugePagesPrefix.Length)}.");
        }
        return null;
    }

    /// <summary>The entry as a message names it: <c>limits.memory ("-1Gi")</c>.</summary>
    private static string Written(string kind, JMember entry) => $"{JsonPath.Member(kind, entry.Name)} ({entry.Value.ToCompactJson()})";

    /// <summary>
    /// False when the API server refuses the quantity of huge pages (Kubernetes IsHugePageResourceValueDivisible): the
    /// page size the name gives is not a positive whole quantity, or the quantity, rounded up, is not a multiple of it.
    /// </summary>
    private static bool IsWholePages(string name, ParsedQuantity quantity)
    {
        if (ParsedQuantity.Parse(name.Substring(ModuleResources.HugePagesPrefix.Length)) is not { Sign: > 0, IsWhole: true } page)
        {
            return false;
        }
        // Beyond a long, Kubernetes' own arithmetic wraps: not judged.
        return quantity.WholeValue is not { } value || page.WholeValue is not { } size || value % size == 0;
    }

    /// <summary>
    /// False for an entry that a later one of the same name hides (rule K6): Json.NET keeps the last, and only that one
    /// reaches the API server.
    /// </summary>
    private static bool IsSent(JObject list, JMember entry) => ReferenceEquals(list.Find(entry.Name), entry);

    /// <summary>A quantity the agent's typed model keeps: a JSON null is dropped, as if the entry were not there.</summary>
    private static JNode? Given(JNode? value) => value is JValue { Kind: JValueKind.Null } ? null : value;
}

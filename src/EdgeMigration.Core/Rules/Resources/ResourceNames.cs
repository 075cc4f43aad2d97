using System;
using EdgeMigration.Core.Kubernetes;

namespace EdgeMigration.Core.Rules.Resources;

/// <summary>
/// The names the API server takes in a container's limits and requests (Kubernetes validateContainerResourceName): a
/// qualified name, an optional lower-case DNS subdomain and '/' before at most 63 of [A-Za-z0-9-_.] that start and end
/// with a letter or digit (IsQualifiedName); without a domain, one of a container's standard resources; with one outside
/// kubernetes.io, an extended resource.
/// </summary>
internal static class ResourceNames
{
    /// <summary>The problem of a well-formed name without a domain that is none of a container's resources ("gpu", "Memory").</summary>
    public const string NotStandard = "must be a standard resource for containers";

    private const int MaxNamePartLength = 63;
    private const int MaxPrefixLength = 253;
    private const string KubernetesDomain = "kubernetes.io/";
    private const string QuotaPrefix = "requests.";

    /// <summary>The names without a domain a container may ask for, besides huge pages (Kubernetes standardContainerResources).</summary>
    private static readonly string[] StandardContainerResources = { ModuleResources.Cpu, ModuleResources.Memory, "ephemeral-storage" };

    /// <summary>Names the API server takes, that manifests use most.</summary>
    private static readonly string[] CommonNames =
        { ModuleResources.Cpu, ModuleResources.Memory, ModuleResources.GpuResource, ModuleResources.FpgaResource, "ephemeral-storage", "hugepages-2Mi", "hugepages-1Gi" };

    /// <summary>The API server's words for what is wrong with <paramref name="name"/>, or null when it takes the name.</summary>
    public static string? Problem(string name)
    {
        // Nearly every name is one of these: no copies of it to check (every entry of every module in every check comes here).
        if (Array.IndexOf(CommonNames, name) >= 0)
        {
            return null;
        }
        if (QualifiedNameProblem(name) is { } problem)
        {
            return problem;
        }
        if (name.IndexOf('/') < 0)
        {
            return !ModuleResources.IsHugePages(name) && Array.IndexOf(StandardContainerResources, name) < 0 ? NotStandard : null;
        }
        // Outside kubernetes.io, an extended resource (IsExtendedResourceName): not a quota name itself, and its quota
        // name ("requests." before it) a qualified name too.
        return name.IndexOf(KubernetesDomain, StringComparison.Ordinal) < 0 &&
               (name.StartsWith(QuotaPrefix, StringComparison.Ordinal) || QualifiedNameProblem(QuotaPrefix + name) is not null)
            ? "doesn't follow extended resource name standard"
            : null;
    }

    /// <summary>What Kubernetes' IsQualifiedName finds wrong with the name first, or null.</summary>
    private static string? QualifiedNameProblem(string name)
    {
        var slash = name.IndexOf('/');
        var namePart = slash < 0 ? name : name.Substring(slash + 1);
        if (namePart.IndexOf('/') >= 0)
        {
            return "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character with an optional DNS subdomain prefix and '/'";
        }
        if (slash >= 0 && PrefixProblem(name.Substring(0, slash)) is { } prefixProblem)
        {
            return prefixProblem;
        }
        if (namePart.Length == 0)
        {
            return "name part must be non-empty";
        }
        if (namePart.Length > MaxNamePartLength)
        {
            return $"name part must be no more than {MaxNamePartLength} characters";
        }
        return IsNamePart(namePart) ? null
            : "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    }

    private static string? PrefixProblem(string prefix)
    {
        if (prefix.Length == 0)
        {
            return "prefix part must be non-empty";
        }
        if (prefix.Length > MaxPrefixLength)
        {
            return $"prefix part must be no more than {MaxPrefixLength} characters";
        }
        foreach (var label in prefix.Split('.'))
        {
            if (!DnsNames.IsLowerLabel(label))
            {
                return "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
            }
        }
        return null;
    }

    /// <summary>([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]: the name part of a qualified name.</summary>
    private static bool IsNamePart(string part) =>
        Ascii.IsLetterOrDigit(part[0]) && Ascii.IsLetterOrDigit(part[part.Length - 1]) &&
        All(part, c => Ascii.IsLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>Enumerable.All without a string's boxed enumerator: every entry of every module's resources in every check comes here.</summary>
    private static bool All(string text, Func<char, bool> allowed)
    {
        foreach (var c in text)
        {
            if (!allowed(c))
            {
                return false;
            }
        }
        return true;
    }
}

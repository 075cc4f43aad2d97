using System;
using System.Linq;
using System.Text;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>A name the device's agent cannot make Kubernetes-valid: it fails the deployment with this message.</summary>
public sealed class KubernetesNameException : Exception
{
    public KubernetesNameException(string message)
        : base(message)
    {
    }
}

/// <summary>
/// The agent's other name sanitizers (KubeUtils): volume and claim names, annotation keys, label values and image
/// pull secret names. Unlike module ids (<see cref="KubernetesNames.Sanitize"/>), these trim leading and trailing
/// characters the name may not start or end with, and fail instead of cutting a name that is too long.
/// </summary>
public static class DnsNames
{
    private const int MaxSubdomainLength = 253;

    /// <summary>A DNS label (RFC 1123): lower case, [a-z0-9-], starting and ending with a letter or digit, at most 63 characters.</summary>
    public static string Label(string name) => DnsValue(name, Ascii.IsLowerLetterOrDigit);

    /// <summary>
    /// Whether <paramref name="label"/> is already one label of a lower-case RFC 1123 name: <c>[a-z0-9]([-a-z0-9]*[a-z0-9])?</c>,
    /// of any length (a subdomain's labels are limited only by the whole; a volume name, a label alone, by 63).
    /// </summary>
    internal static bool IsLowerLabel(string label)
    {
        if (label.Length == 0 || label[0] == '-' || label[label.Length - 1] == '-')
        {
            return false;
        }
        foreach (var c in label)
        {
            if (!Ascii.IsLowerLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A DNS subdomain: each '.'-separated part a DNS label that starts with a letter (RFC 1035), at most 253 characters.</summary>
    public static string Subdomain(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new KubernetesNameException($"DNS subdomain '{name}' is null or empty");
        }
        var output = string.Join(".", name.Split('.').Select(part => DnsValue(part, Ascii.IsLowerLetter)));
        return output.Length <= MaxSubdomainLength ? output
            : throw new KubernetesNameException($"DNS subdomain '{name}' as sanitized exceeded maximum length of {MaxSubdomainLength}");
    }

    /// <summary>An annotation key: an optional DNS subdomain prefix and '/', then a name of [A-Za-z0-9-._] (case kept).</summary>
    public static string AnnotationKey(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new KubernetesNameException($"Key '{key}' is null or empty");
        }
        var slash = key.IndexOf('/');
        return slash < 0 ? NameValue(key) : Subdomain(key.Substring(0, slash)) + "/" + NameValue(key.Substring(slash + 1));
    }

    /// <summary>A label value: lower case, [a-z0-9-._], starting and ending with a letter or digit, at most 63 characters.</summary>
    public static string LabelValue(string value) =>
        string.IsNullOrEmpty(value) ? throw new KubernetesNameException($"Name '{value}' is null or empty") : NameValue(value.ToLowerInvariant());

    private static string DnsValue(string name, Func<char, bool> canStart)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new KubernetesNameException($"DNS Name '{name}' is null or empty");
        }
        var lower = name.ToLowerInvariant();
        var output = Keep(lower, canStart, c => Ascii.IsLowerLetterOrDigit(c) || c == '-')
            ?? throw new KubernetesNameException($"DNS name '{lower}' does not start with a valid character");
        return output.Length > KubernetesNames.MaxLabelLength
            ? throw new KubernetesNameException($"DNS name '{lower}' exceeded maximum length of {KubernetesNames.MaxLabelLength}")
            : output;
    }

    private static string NameValue(string name)
    {
        var output = Keep(name, Ascii.IsLetterOrDigit, c => Ascii.IsLetterOrDigit(c) || c is '-' or '.' or '_')
            ?? throw new KubernetesNameException($"Name '{name}' does not start with a valid character");
        return output.Length > KubernetesNames.MaxLabelLength
            ? throw new KubernetesNameException($"Name '{name}' exceeded maximum length of {KubernetesNames.MaxLabelLength}")
            : output;
    }

    /// <summary>
    /// From the first character that may start the name to the last letter or digit, the characters <paramref name="allowed"/>
    /// keeps; the others are dropped, as KubeUtils does. Null when no character may start it.
    /// </summary>
    private static string? Keep(string name, Func<char, bool> canStart, Func<char, bool> allowed)
    {
        var start = 0;
        while (start < name.Length && !canStart(name[start]))
        {
            start++;
        }
        if (start == name.Length)
        {
            return null;
        }
        var end = name.Length - 1;
        while (end > start && !Ascii.IsLetterOrDigit(name[end]))
        {
            end--;
        }
        // Most names are already clean: the name itself, without a copy (every check sanitizes every label and volume).
        var clean = start == 0 && end == name.Length - 1;
        for (var i = start; clean && i <= end; i++)
        {
            clean = allowed(name[i]);
        }
        if (clean)
        {
            return name;
        }
        var output = new StringBuilder(end - start + 1);
        for (var i = start; i <= end; i++)
        {
            if (allowed(name[i]))
            {
                output.Append(name[i]);
            }
        }
        return output.ToString();
    }
}

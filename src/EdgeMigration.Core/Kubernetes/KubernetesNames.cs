using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using EdgeMigration.Core.Rules;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>
/// Module ids as the GPU device's Kubernetes agent turns them into Deployment, Service, container and
/// ServiceAccount names (KubeUtils.SanitizeK8sValue), and names that pass through that unchanged.
/// </summary>
public static class KubernetesNames
{
    /// <summary>Service and container names are DNS labels: at most 63 characters.</summary>
    public const int MaxLabelLength = 63;

    /// <summary>Names the agent uses itself: the sidecar container in every pod, and the workload daemon's Service.</summary>
    public static IReadOnlyList<string> ReservedNames { get; } = Array.AsReadOnly(new[] { "proxy", "iotedged" });

    /// <summary>What the device does to a module id: lower case, every character outside [a-z0-9.-] dropped.</summary>
    public static string Sanitize(string id)
    {
        // Most ids are already names: then the id itself, with no copy.
        if (IsKeptAsIs(id))
        {
            return id;
        }
        var name = new StringBuilder(id.Length);
        foreach (var c in id.ToLowerInvariant())
        {
            if (Ascii.IsLowerLetterOrDigit(c) || c == '-' || c == '.')
            {
                name.Append(c);
            }
        }
        return name.ToString();
    }

    /// <summary>
    /// The name the preview and the rules' messages show for a module on the device: its id sanitized, but a template's
    /// placeholder id (<see cref="TemplateText.IsPlaceholderId"/>) as written. The device names that module after the id
    /// that replaces the placeholder, unknown until the template is expanded; sanitized, '${MODULE}' would pass for a
    /// module named 'module', and its objects would take the names of that module's. As written, it reads as the
    /// placeholder it is and is no other module's name: a sanitized name holds no '$', '&lt;', '_' or capital.
    /// </summary>
    public static string NameShown(string id) => TemplateText.IsPlaceholderId(id) ? id : Sanitize(id);

    /// <summary>
    /// True when the device uses the id unchanged for every object and it is a valid Service name:
    /// <c>^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$</c> and not reserved.
    /// </summary>
    public static bool IsSafeName(string name) => IsDnsLabel(name) && !IsReserved(name);

    public static bool IsReserved(string name) => ReservedNames.Contains(name, StringComparer.Ordinal);

    /// <summary>
    /// A safe name close to <paramref name="id"/>: lower case, each run of other characters replaced by one '-',
    /// '-' trimmed from both ends, "m-" before a leading digit, cut to 63 characters, "-module" after a reserved
    /// name, "module" when nothing is left.
    /// </summary>
    public static string MakeSafe(string id)
    {
        var name = new StringBuilder(id.Length);
        foreach (var c in id.ToLowerInvariant())
        {
            if (Ascii.IsLowerLetterOrDigit(c))
            {
                name.Append(c);
            }
            else if (name.Length > 0 && name[name.Length - 1] != '-')
            {
                name.Append('-');
            }
        }
        var safe = name.ToString().Trim('-');
        if (safe.Length == 0)
        {
            return "module";
        }
        if (char.IsDigit(safe[0]))
        {
            safe = "m-" + safe;
        }
        safe = Cut(safe, MaxLabelLength);
        return IsReserved(safe) ? safe + "-module" : safe;
    }

    /// <summary><paramref name="name"/>, or the first of name-2, name-3, … (cut to stay within 63 characters) not in <paramref name="taken"/>.</summary>
    public static string MakeUnique(string name, ICollection<string> taken)
    {
        var candidate = name;
        for (var n = 2; taken.Contains(candidate); n++)
        {
            var suffix = "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            candidate = Cut(name, MaxLabelLength - suffix.Length) + suffix;
        }
        return candidate;
    }

    /// <summary><c>^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$</c>, read as Kubernetes reads it: no line break at the end either. A Service name must be one (DNS-1035).</summary>
    private static bool IsDnsLabel(string name) => name.Length > 0 && Ascii.IsLowerLetter(name[0]) && IsContainerName(name);

    /// <summary><c>^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$</c> (DNS-1123 label): a container's name, which may start with a digit.</summary>
    public static bool IsContainerName(string name)
    {
        if (name.Length == 0 || name.Length > MaxLabelLength || name[0] == '-' || name[name.Length - 1] == '-')
        {
            return false;
        }
        foreach (var c in name)
        {
            if (!Ascii.IsLowerLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>True when <see cref="Sanitize"/> keeps every character of <paramref name="id"/>.</summary>
    private static bool IsKeptAsIs(string id)
    {
        foreach (var c in id)
        {
            if (!Ascii.IsLowerLetterOrDigit(c) && c != '-' && c != '.')
            {
                return false;
            }
        }
        return true;
    }

    private static string Cut(string name, int length) =>
        name.Length <= length ? name : name.Substring(0, length).TrimEnd('-');
}

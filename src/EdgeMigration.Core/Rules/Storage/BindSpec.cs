using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace EdgeMigration.Core.Rules.Storage;

/// <summary>What the source of a Docker bind ("source:target[:options]") is.</summary>
public enum BindSourceKind
{
    /// <summary>An absolute host path.</summary>
    HostPath,

    /// <summary>A Docker named volume (<c>sqlvolume:/data</c>).</summary>
    NamedVolume,

    /// <summary>A template placeholder (<c>$INPUT_FOLDER</c>, <c>&lt;TokenFile&gt;</c>) that becomes a path when the template is expanded.</summary>
    Placeholder,

    /// <summary>A Windows path (<c>C:\data</c>, <c>\\.\pipe\…</c>): the GPU device runs Linux containers only.</summary>
    Windows,

    /// <summary>Not a bind Docker or the device's agent can read.</summary>
    Invalid,
}

/// <summary>
/// One <c>HostConfig.Binds</c> entry read as Docker reads it on Linux: split on ':' into source, container path and a
/// comma list of options (ro, rw, z, Z, nocopy, propagation…). The device's agent splits the same way and turns any
/// bind into a hostPath volume, read-only when the options contain "ro".
/// </summary>
public sealed class BindSpec
{
    private static readonly Regex VolumeName = new("^[A-Za-z0-9][A-Za-z0-9_.-]*$", RegexOptions.CultureInvariant);

    private BindSpec(string text, string source, string target, IReadOnlyList<string> options, BindSourceKind kind, string? problem)
    {
        Text = text;
        Source = source;
        Target = target;
        Options = options;
        Kind = kind;
        Problem = problem;
    }

    public string Text { get; }
    public string Source { get; }

    /// <summary>The path inside the container, as written.</summary>
    public string Target { get; }

    public IReadOnlyList<string> Options { get; }
    public BindSourceKind Kind { get; }

    /// <summary>Why an <see cref="BindSourceKind.Invalid"/> bind cannot be read.</summary>
    public string? Problem { get; }

    public bool IsReadOnly => Options.Contains("ro", StringComparer.Ordinal);

    public static BindSpec Parse(string text)
    {
        if (IsWindowsPath(text))
        {
            return new BindSpec(text, text, "", Array.Empty<string>(), BindSourceKind.Windows, null);
        }
        var parts = text.Split(':');
        if (parts.Length is < 2 or > 3 || parts.Take(2).Any(p => p.Length == 0))
        {
            return Invalid(text, "it is not '<host path or volume>:<container path>[:options]'");
        }
        var options = parts.Length == 3 ? parts[2].Split(',').Where(o => o.Length > 0).ToList() : new List<string>();
        var (source, target) = (parts[0], parts[1]);
        if (!target.StartsWith("/", StringComparison.Ordinal) && !TemplateText.HasPlaceholder(target))
        {
            return Invalid(text, $"the container path '{target}' is not absolute");
        }
        var kind = source.StartsWith("/", StringComparison.Ordinal) ? BindSourceKind.HostPath
            : TemplateText.HasPlaceholder(source) ? BindSourceKind.Placeholder
            : VolumeName.IsMatch(source) ? BindSourceKind.NamedVolume
            : BindSourceKind.Invalid;
        return kind == BindSourceKind.Invalid
            ? Invalid(text, $"the source '{source}' is neither an absolute host path nor a volume name")
            : new BindSpec(text, source, target, options, kind, null);
    }

    /// <summary>A path with the trailing '/' Docker ignores removed ("/" stays).</summary>
    public static string Normalize(string path) => path.Length > 1 ? path.TrimEnd('/') : path;

    /// <summary>
    /// True for text with a backslash (which UNC and pipe paths have too), or with a drive letter (<c>C:\</c>, <c>C:/</c>)
    /// at the start or after a ':'. Written out rather than as a regular expression: every bind of every module goes through it.
    /// </summary>
    public static bool IsWindowsPath(string text)
    {
        if (text.IndexOf('\\') >= 0)
        {
            return true;
        }
        // A drive letter can start the text or follow any ':' (the source of "C:/data:/data" or the target of "/x:C:/data").
        for (var start = 0; start + 2 < text.Length;)
        {
            if (Ascii.IsLetter(text[start]) && text[start + 1] == ':' && text[start + 2] == '/')
            {
                return true;
            }
            var colon = text.IndexOf(':', start);
            if (colon < 0)
            {
                break;
            }
            start = colon + 1;
        }
        return false;
    }

    private static BindSpec Invalid(string text, string problem) =>
        new(text, "", "", Array.Empty<string>(), BindSourceKind.Invalid, problem);
}

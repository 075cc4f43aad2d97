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

    /// <summary>
    /// A container path alone (<c>/data</c>): Docker mounts a new anonymous volume there; the device's agent wants a
    /// source and a target and skips it.
    /// </summary>
    AnonymousVolume,

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

    public bool IsReadOnly => Options.Contains(ReadOnly, StringComparer.Ordinal);

    public static BindSpec Parse(string text)
    {
        if (IsWindowsPath(text))
        {
            return new BindSpec(text, text, "", Array.Empty<string>(), BindSourceKind.Windows, null);
        }
        // Two or three ':'-separated parts, the first two not empty; found by position, as every bind is read several times.
        var first = text.IndexOf(':');
        var second = first < 0 ? -1 : text.IndexOf(':', first + 1);
        var targetEnd = second < 0 ? text.Length : second;
        // Docker's own reading of a container path alone; it refuses "/" as a mount point.
        if (first < 0 && text.StartsWith("/", StringComparison.Ordinal) && Normalize(text).Length > 1)
        {
            return new BindSpec(text, "", text, Array.Empty<string>(), BindSourceKind.AnonymousVolume, null);
        }
        if (first <= 0 || targetEnd == first + 1 || (second >= 0 && text.IndexOf(':', second + 1) >= 0))
        {
            return Invalid(text, "it is not '<host path or volume>:<container path>[:options]'");
        }
        var source = text.Substring(0, first);
        var target = text.Substring(first + 1, targetEnd - first - 1);
        var options = second < 0 ? Array.Empty<string>() : SplitOptions(text, second + 1);
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

    /// <summary>The comma list of options from <paramref name="start"/> on, empty items left out.</summary>
    private static IReadOnlyList<string> SplitOptions(string text, int start)
    {
        var options = new List<string>(1);
        while (start <= text.Length)
        {
            var comma = text.IndexOf(',', start);
            var end = comma < 0 ? text.Length : comma;
            if (end > start)
            {
                options.Add(end - start == 2 && string.CompareOrdinal(text, start, ReadOnly, 0, 2) == 0 ? ReadOnly : text.Substring(start, end - start));
            }
            start = end + 1;
        }
        return options;
    }

    private const string ReadOnly = "ro";

    private static BindSpec Invalid(string text, string problem) =>
        new(text, "", "", Array.Empty<string>(), BindSourceKind.Invalid, problem);
}

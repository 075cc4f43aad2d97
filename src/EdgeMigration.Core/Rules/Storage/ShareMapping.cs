using System;
using System.Collections.Generic;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Storage;

/// <summary>The GPU device share a bind source stands for; <see cref="Subpath"/> is set when the source is a folder inside it.</summary>
public sealed record ShareMatch(string Share, string Subpath, string MappedFrom, bool FromShareMap)
{
    /// <summary>True for the folder that holds every Edge share (<c>/home/hcsshares</c> itself): no one share.</summary>
    public bool IsShareRoot => Share.Length == 0;

    /// <summary>True when the source is one share itself, which a volume mount can mount.</summary>
    public bool IsWholeShare => !IsShareRoot && Subpath.Length == 0;
}

/// <summary>
/// Which bind sources are shares: the user's map (host path prefix or volume name → share name, longest prefix wins),
/// else the FPGA device's mount point of an Edge share, <c>/home/hcsshares/&lt;share&gt;</c>, taken to be a share of
/// the same name on the GPU device, else a Docker named volume, which on the device can only be a share of that name.
/// </summary>
public sealed class ShareMapping
{
    /// <summary>Where the FPGA device mounts its Edge shares for modules.</summary>
    public const string FpgaShareRoot = "/home/hcsshares";

    public static readonly ShareMapping Default = new(new Dictionary<string, string>());

    private const string FpgaShareFolder = FpgaShareRoot + "/";

    /// <summary>The map's entries, longest key first.</summary>
    private readonly List<MapEntry> _map = new();

    /// <param name="map">The user's ShareMap; keys are absolute host paths or volume names, values share names.</param>
    public ShareMapping(IDictionary<string, string> map)
    {
        foreach (var entry in map)
        {
            if (entry.Key.Trim().Length == 0 || !IsShareName(entry.Value.Trim()))
            {
                throw new InvalidOptionException(
                    $"ShareMap entry '{entry.Key}' = '{entry.Value}' must map a host path (or volume name) to the name of a share the device can have: " +
                    "3 to 63 letters, digits and '-', starting with a letter or digit, and a letter or digit on each side of every '-'.", "ShareMap");
            }
        }
        foreach (var pair in map)
        {
            var key = KeyOf(pair.Key);
            var entry = new MapEntry(key, key.EndsWith("/", StringComparison.Ordinal) ? key : key + "/", pair.Value.Trim());
            // Longest first, so that the most specific prefix wins; keys of one length stay in the map's order.
            var at = 0;
            while (at < _map.Count && _map[at].Key.Length >= key.Length)
            {
                at++;
            }
            _map.Insert(at, entry);
        }
    }

    /// <summary>
    /// Whether Azure Stack Edge can have a share of this name ("Add share": letters, digits and hyphens, 3 to 63
    /// characters, starting with a letter or digit, a letter or digit on each side of every hyphen). The agent names its
    /// claim after it lower-cased; a name it cannot have ('Bad_Share') would give the claim of another ('badshare').
    /// </summary>
    private static bool IsShareName(string name)
    {
        if (name.Length < 3 || name.Length > 63 || !Ascii.IsLetterOrDigit(name[0]) || !Ascii.IsLetterOrDigit(name[name.Length - 1]))
        {
            return false;
        }
        for (var i = 1; i < name.Length - 1; i++)
        {
            if (!Ascii.IsLetterOrDigit(name[i]) && (name[i] != '-' || name[i + 1] == '-'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The share <paramref name="spec"/>'s source stands for, or null for a plain host path (or a bind that is not one).</summary>
    public ShareMatch? Find(BindSpec spec)
    {
        switch (spec.Kind)
        {
            case BindSourceKind.NamedVolume:
                var mapped = _map.Find(e => string.Equals(e.Key, spec.Source, StringComparison.Ordinal));
                return new ShareMatch(mapped?.Share ?? spec.Source, "", spec.Source, mapped is not null);
            case BindSourceKind.HostPath:
            case BindSourceKind.Placeholder:
                return FindForPath(BindSpec.Normalize(spec.Source));
            default:
                return null;
        }
    }

    /// <summary>
    /// The share the Source of a bind mount (<c>{"Type": "bind", "Source": …}</c>) stands for: a host path under an FPGA
    /// Edge share or a ShareMap key, or a placeholder the map names; null for another host directory, a relative or
    /// Windows source.
    /// </summary>
    public ShareMatch? FindForBindMount(string source) =>
        source.StartsWith("/", StringComparison.Ordinal) || TemplateText.HasPlaceholder(source) ? FindForPath(BindSpec.Normalize(source)) : null;

    private ShareMatch? FindForPath(string source)
    {
        foreach (var entry in _map)
        {
            if (Remainder(source, entry.Key, entry.KeyFolder) is { } rest)
            {
                return new ShareMatch(entry.Share, rest, entry.Key, true);
            }
        }
        if (Remainder(source, FpgaShareRoot, FpgaShareFolder) is { } inRoot)
        {
            var slash = inRoot.IndexOf('/');
            return inRoot.Length == 0 ? new ShareMatch("", "", FpgaShareRoot, false)
                : slash < 0
                ? new ShareMatch(inRoot, "", source, false)
                : new ShareMatch(inRoot.Substring(0, slash), inRoot.Substring(slash + 1), FpgaShareRoot + "/" + inRoot.Substring(0, slash), false);
        }
        return null;
    }

    /// <summary>
    /// The part of <paramref name="path"/> below <paramref name="prefix"/> ("" for the prefix itself), or null when it is
    /// not under it; <paramref name="folder"/> is the prefix ending in '/'.
    /// </summary>
    private static string? Remainder(string path, string prefix, string folder)
    {
        if (string.Equals(path, prefix, StringComparison.Ordinal))
        {
            return "";
        }
        return path.StartsWith(folder, StringComparison.Ordinal) ? path.Substring(folder.Length) : null;
    }

    /// <summary>The map's keys (trimmed, without a trailing '/') that a bind of <paramref name="manifest"/> stands under.</summary>
    public IEnumerable<string> KeysUsedBy(ManifestDocument manifest)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var module in manifest.Modules)
        {
            foreach (var entry in BindPlan.EntriesOf(module, this))
            {
                if (entry.Share is { FromShareMap: true } match)
                {
                    used.Add(match.MappedFrom);
                }
            }
            foreach (var mount in ModuleMounts.Mounts(module))
            {
                if (mount.IsBind && mount.Source is { } source && FindForBindMount(source) is { FromShareMap: true } match)
                {
                    used.Add(match.MappedFrom);
                }
            }
        }
        return used;
    }

    /// <summary>A ShareMap key as the map holds it, to compare with <see cref="KeysUsedBy"/>.</summary>
    public static string KeyOf(string key) => BindSpec.Normalize(key.Trim());

    /// <summary>One ShareMap entry: host path or volume name, the same ending in '/' to match paths below it, and the share.</summary>
    private sealed record MapEntry(string Key, string KeyFolder, string Share);
}

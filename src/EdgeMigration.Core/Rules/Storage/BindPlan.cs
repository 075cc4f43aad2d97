using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Storage;

/// <summary>What a Binds entry is, which decides the rule that reports it and what it becomes.</summary>
public enum BindClass
{
    /// <summary>Not a string, or not a bind Docker can read (S1).</summary>
    Unreadable,

    /// <summary>A Windows path (K11).</summary>
    Windows,

    /// <summary>A container path alone: an anonymous Docker volume, which the device's agent skips (S1).</summary>
    AnonymousVolume,

    /// <summary>Most likely a single file, which the device cannot mount (S4): kept, or dropped on request.</summary>
    File,

    /// <summary>A whole share: becomes a volume mount of it (S2).</summary>
    Share,

    /// <summary>A folder inside a share, or the folder of all shares: a volume mount cannot express it (S2).</summary>
    ShareFolder,

    /// <summary>A host directory: becomes a bind mount (S3).</summary>
    HostDirectory,
}

/// <summary>One Binds entry, judged.</summary>
public sealed class BindEntry
{
    private readonly string _bindsLocation;
    private string? _location;

    internal BindEntry(int index, string bindsLocation, JNode node, BindSpec? spec)
    {
        Index = index;
        _bindsLocation = bindsLocation;
        Node = node;
        Spec = spec;
    }

    public int Index { get; }

    /// <summary><c>HostConfig.Binds[i]</c>; made when asked for, as most binds are never reported.</summary>
    public string Location => _location ??= JsonPath.Index(_bindsLocation, Index);

    public JNode Node { get; }

    /// <summary>The parsed bind; null when the entry is not a string.</summary>
    public BindSpec? Spec { get; }

    public BindClass Class { get; internal set; }
    public ShareMatch? Share { get; internal set; }
    public FileJudgement? File { get; internal set; }

    /// <summary>A Mounts entry with the same type, source and container path: the bind needs no new mount.</summary>
    public MountEntry? SameMount { get; internal set; }

    /// <summary>A Mounts entry at the same container path with another source: Docker refuses both.</summary>
    public MountEntry? ConflictingMount { get; internal set; }

    /// <summary>True when HostConfig.Mounts is there but is not an array (K9): no mount can be added to it.</summary>
    public bool MountsUnreadable { get; internal set; }

    public bool CanConvert => Class is BindClass.Share or BindClass.HostDirectory && ConflictingMount is null && !MountsUnreadable;

    /// <summary>The mount type the bind becomes.</summary>
    public string MountType => Class == BindClass.Share ? MountTypes.Volume : MountTypes.Bind;

    /// <summary>The mount's Source: the share name for a volume, the host path (as written) for a bind.</summary>
    public string MountSource => Class == BindClass.Share ? Share!.Share : Spec!.Source;
}

/// <summary>
/// A module's HostConfig.Binds, each entry judged the same way by the storage rules' checks and fixes: Windows
/// paths, then single files, then shares (the user's ShareMap, /home/hcsshares/&lt;share&gt;, named volumes), then
/// host directories.
/// </summary>
public sealed class BindPlan
{
    private BindPlan(JMember member, JArray? binds, IReadOnlyList<BindEntry> entries)
    {
        Member = member;
        Binds = binds;
        Entries = entries;
    }

    public JMember Member { get; }

    /// <summary>The Binds array; null when Binds is not an array.</summary>
    public JArray? Binds { get; }

    public IReadOnlyList<BindEntry> Entries { get; }
    public string Location => ModuleMounts.LocationOf(Member);

    /// <summary>The module's binds, or null when it has no Binds key.</summary>
    public static BindPlan? For(EdgeModule module, ShareMapping shares) => CheckScope.Read(module, shares, Read);

    private static BindPlan? Read(EdgeModule module, ShareMapping shares)
    {
        if (ModuleMounts.BindsMember(module) is not { } member)
        {
            return null;
        }
        var binds = member.Value as JArray;
        var bindsLocation = ModuleMounts.LocationOf(member);
        List<MountEntry>? mounts = null;
        var mountsUnreadable = ModuleMounts.MountsMember(module)?.Value is not (null or JArray or JValue { Kind: JValueKind.Null });
        var entries = new List<BindEntry>(binds?.Count ?? 0);
        for (var i = 0; binds is not null && i < binds.Count; i++)
        {
            var spec = binds[i] is JValue { IsString: true } text ? BindSpec.Parse(text.Text) : null;
            var entry = new BindEntry(i, bindsLocation, binds[i], spec) { MountsUnreadable = mountsUnreadable };
            Judge(entry, shares);
            if (entry.Class is BindClass.Share or BindClass.HostDirectory)
            {
                mounts ??= ModuleMounts.Mounts(module).ToList();
                var target = BindSpec.Normalize(spec!.Target);
                MountEntry? firstAtTarget = null;
                foreach (var mount in mounts)
                {
                    if (mount.Target is null || BindSpec.Normalize(mount.Target) != target)
                    {
                        continue;
                    }
                    firstAtTarget ??= mount;
                    if (string.Equals(mount.Type, entry.MountType, StringComparison.OrdinalIgnoreCase) &&
                        mount.Source is not null && BindSpec.Normalize(mount.Source) == BindSpec.Normalize(entry.MountSource))
                    {
                        entry.SameMount = mount;
                        break;
                    }
                }
                entry.ConflictingMount = entry.SameMount is null ? firstAtTarget : null;
            }
            entries.Add(entry);
        }
        return new BindPlan(member, binds, entries);
    }

    /// <summary>The module's binds judged with <paramref name="shares"/>; none when it has no Binds array.</summary>
    public static IEnumerable<BindEntry> EntriesOf(EdgeModule module, ShareMapping shares) =>
        For(module, shares)?.Entries ?? Enumerable.Empty<BindEntry>();

    private static void Judge(BindEntry entry, ShareMapping shares)
    {
        var spec = entry.Spec;
        if (spec is null || spec.Kind == BindSourceKind.Invalid)
        {
            entry.Class = BindClass.Unreadable;
            return;
        }
        if (spec.Kind == BindSourceKind.Windows)
        {
            entry.Class = BindClass.Windows;
            return;
        }
        if (spec.Kind == BindSourceKind.AnonymousVolume)
        {
            entry.Class = BindClass.AnonymousVolume;
            return;
        }
        entry.File = FilePaths.Judge(spec.Source, spec.Target);
        entry.Share = shares.Find(spec);
        entry.Class = entry.File is { Certainty: not Certainty.Possible } ? BindClass.File
            : entry.Share is { IsWholeShare: true } ? BindClass.Share
            : entry.Share is not null ? BindClass.ShareFolder
            : BindClass.HostDirectory;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Storage;

/// <summary>
/// Turns Binds entries into HostConfig.Mounts entries, the form the how-to asks for: a share becomes
/// <c>{"Target", "Source": share, "Type": "volume"}</c>, a host directory <c>{"Target", "Source": path, "Type": "bind"}</c>
/// (member order as in the how-to), ":ro" becomes <c>"ReadOnly": true</c>. Existing Mounts are kept and the new ones
/// appended; a bind already present as a mount is not added twice. Converted entries leave Binds, and Binds goes when empty.
/// </summary>
internal static class BindConversion
{
    private static readonly HashSet<string> Propagation = new(StringComparer.Ordinal)
    {
        "shared", "rshared", "slave", "rslave", "private", "rprivate",
    };

    /// <summary>Converts the module's convertible binds that <paramref name="select"/> picks, recording each change under <paramref name="rule"/>.</summary>
    public static void Apply(ConversionContext context, MigrationRule rule, EdgeModule module, Func<BindEntry, bool> select)
    {
        if (module.CreateOptions is not { Error: null } || BindPlan.For(module, Shares(context)) is not { Binds: { } binds } plan)
        {
            return;
        }
        var chosen = plan.Entries.Where(e => e.CanConvert && select(e)).ToList();
        if (chosen.Count == 0)
        {
            return;
        }
        // Before the mounts change: the other sources of the module are the plan's and the mounts as they are.
        var claimNamedElsewhere = ClaimNamedElsewhere(module, plan, chosen);
        var hostConfig = module.HostConfig()!;
        // A missing or null Mounts becomes an array; other values never get here (BindEntry.MountsUnreadable).
        var mountsMember = hostConfig.FindIgnoreCase(ModuleMounts.MountsName) ?? hostConfig.Add(ModuleMounts.MountsName, new JArray());
        if (mountsMember.Value is not JArray mounts)
        {
            mounts = new JArray();
            mountsMember.Value = mounts;
        }
        var before = binds.DeepClone();
        var added = new List<(BindEntry Entry, JObject Mount, int Index, List<string> Dropped)>();
        foreach (var entry in chosen.Where(e => e.SameMount is null))
        {
            var mount = Mount(entry, out var dropped);
            mounts.Add(mount);
            added.Add((entry, mount, mounts.Count - 1, dropped));
        }
        context.KeepIndexesAsWritten(binds);
        foreach (var entry in Enumerable.Reverse(chosen))
        {
            binds.RemoveAt(entry.Index);
        }
        // The pod's volumes as converted: a share's claim takes the share's name, which another volume may have.
        var volumes = claimNamedElsewhere ? PodVolumes.Of(module, Shares(context)) : null;
        foreach (var (entry, mount, index, dropped) in added)
        {
            context.Record(rule, module, JsonPath.Index(ModuleMounts.LocationOf(mountsMember), index), null, mount,
                (dropped.Count == 0 ? Describe(context, plan, entry) : Describe(context, plan, entry) + " " + string.Join(" ", dropped)) + NameTaken(entry, volumes, index));
        }
        var duplicates = "";
        foreach (var entry in chosen)
        {
            if (entry.SameMount is not null)
            {
                duplicates += $" {entry.Node.ToCompactJson()} was already mounted by {entry.SameMount.Location}.";
            }
        }
        if (binds.Count == 0)
        {
            hostConfig.Remove(plan.Member);
            context.Record(rule, module, plan.Location, before, null, $"Removed {plan.Member.Name}: every entry is now a mount in {ModuleMounts.LocationOf(mountsMember)}." + duplicates);
        }
        else
        {
            context.Record(rule, module, plan.Location, before, binds,
                $"Removed the entries that are now mounts in {ModuleMounts.LocationOf(mountsMember)}; {binds.Count} other entr{(binds.Count == 1 ? "y stays" : "ies stay")}." + duplicates);
        }
    }

    /// <summary>The share mapping of a conversion: the user's ShareMap over the defaults.</summary>
    public static ShareMapping Shares(ConversionContext context) => CheckSettings.ForShareMap(context.Options.ShareMap).Shares;

    /// <summary>The mount a bind becomes, and the bind options that have no place in it (with why).</summary>
    public static JObject Mount(BindEntry entry, out List<string> dropped)
    {
        var spec = entry.Spec!;
        var volume = entry.Class == BindClass.Share;
        var mount = new JObject();
        mount.Add("Target", JValue.String(spec.Target));
        mount.Add("Source", JValue.String(entry.MountSource));
        mount.Add("Type", JValue.String(entry.MountType));
        if (spec.IsReadOnly)
        {
            mount.Add("ReadOnly", JValue.Boolean(true));
        }
        dropped = new List<string>();
        for (var i = 0; i < spec.Options.Count; i++)
        {
            var option = spec.Options[i];
            // Each option once; "ro" is ReadOnly above.
            if (option == "ro" || IndexOf(spec.Options, option) < i)
            {
                continue;
            }
            if (!volume && Propagation.Contains(option))
            {
                // Docker devices keep honouring it; the device's agent ignores BindOptions (K9 says so).
                var bindOptions = new JObject();
                bindOptions.Add("Propagation", JValue.String(option));
                mount.Set("BindOptions", bindOptions);
                continue;
            }
            dropped.Add($"Dropped option '{option}': {WhyDropped(option, volume)}.");
        }
        return mount;
    }

    /// <summary>
    /// What the device does with a share's volume mount whose claim has the name of another volume of the pod (a host
    /// directory named like the share, a k8s-experimental volume), as K13 judges them: it refuses the module. The
    /// conversion cannot part them: both names are the user's to change, the share's and the other's. Empty when the
    /// claim's name is its own.
    /// </summary>
    private static string NameTaken(BindEntry entry, IReadOnlyList<PodVolume>? volumes, int mountIndex)
    {
        if (entry.Class != BindClass.Share || volumes is null)
        {
            return "";
        }
        for (var i = 0; i < volumes.Count; i++)
        {
            if (!VolumeNamesRule.IsJudged(volumes[i]) || volumes.Earlier(i, VolumeNamesRule.IsJudged, out var merged) is not { } first || merged)
            {
                continue;
            }
            PodVolume other;
            if (IsClaimOfMount(volumes[i], mountIndex))
            {
                other = first;
            }
            else if (IsClaimOfMount(first, mountIndex))
            {
                other = volumes[i];
            }
            else
            {
                continue;
            }
            return $" The device's agent names this mount's claim '{first.Name}', and the volume of {other.Location} ({other.Description}) too: a pod cannot hold both, so the device refuses the module (K13). " +
                VolumeNamesRule.ClaimRecommendation(entry, other);
        }
        return "";
    }

    /// <summary>
    /// Whether another source of the module than the share binds may give a pod volume the name of a claim of
    /// <paramref name="chosen"/>: a bind of a host path or Docker volume, a mount, a k8s-experimental volume (any, unread).
    /// Only then is the pod read as converted (<see cref="PodVolumes"/> judges), which costs more than the rest of the fix;
    /// a clash is rare.
    /// </summary>
    private static bool ClaimNamedElsewhere(EdgeModule module, BindPlan plan, List<BindEntry> chosen)
    {
        if (!chosen.Exists(IsAddedClaim))
        {
            return false;
        }
        if (PodVolumes.HasWritten(module))
        {
            return true;
        }
        foreach (var entry in plan.Entries)
        {
            if (!(entry.Class == BindClass.Share && chosen.Contains(entry)) && entry.Spec is { Kind: BindSourceKind.HostPath or BindSourceKind.NamedVolume } spec && IsClaimName(spec.Source, chosen))
            {
                return true;
            }
        }
        foreach (var mount in ModuleMounts.Mounts(module))
        {
            if (!string.IsNullOrEmpty(mount.Source) && IsClaimName(mount.Source!, chosen))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether the volume named after <paramref name="source"/> has the name of a claim of the chosen share binds to be added.</summary>
    private static bool IsClaimName(string source, List<BindEntry> chosen)
    {
        var name = PodVolumeNames.Of(source, out _);
        foreach (var entry in chosen)
        {
            if (name is not null && IsAddedClaim(entry) && PodVolumeNames.Of(entry.MountSource, out _) == name)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A share bind that becomes a new volume mount, whose claim takes the share's name.</summary>
    internal static bool IsAddedClaim(BindEntry entry) => entry.Class == BindClass.Share && entry.SameMount is null;

    /// <summary>Whether <paramref name="volume"/> is the claim of the volume mount the fix added at <paramref name="mountIndex"/>.</summary>
    private static bool IsClaimOfMount(PodVolume volume, int mountIndex) => volume.Kind == PodVolumeKind.Claim && volume.Mount!.Index == mountIndex;

    private static int IndexOf(IReadOnlyList<string> options, string option)
    {
        for (var i = 0; i < options.Count; i++)
        {
            if (string.Equals(options[i], option, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>What became of a bind, named where the user wrote it.</summary>
    private static string Describe(ConversionContext context, BindPlan plan, BindEntry entry)
    {
        var location = JsonPath.Index(plan.Location, context.IndexAsWritten(entry.Node, entry.Index));
        var bind = entry.Node.ToCompactJson();
        var readOnly = entry.Spec!.IsReadOnly ? "read-only " : "";
        if (entry.Class == BindClass.HostDirectory)
        {
            return $"{location} {bind} became a {readOnly}bind mount of the host directory.";
        }
        var share = entry.Share!;
        var why = share.FromShareMap ? $"ShareMap maps '{share.MappedFrom}' to it"
            : entry.Spec.Kind == BindSourceKind.NamedVolume ? "Docker volume of the same name; create a share of that name on the GPU device"
            : "assuming the GPU device has a share named like the FPGA Edge share; -ShareMap chooses another";
        return $"{location} {bind} became a {readOnly}volume mount of share '{share.Share}' ({why}).";
    }

    private static string WhyDropped(string option, bool volume) => option switch
    {
        "rw" => "read-write is the default",
        "z" or "Z" => "SELinux relabelling, which Mounts cannot express and the GPU device does not do",
        "nocopy" => volume ? "a share is not filled from the image" : "it applies only to volumes",
        "consistent" or "cached" or "delegated" => "a Docker Desktop consistency hint, which Linux ignores",
        _ when Propagation.Contains(option) => "mount propagation applies only to bind mounts",
        _ => "not a Docker bind option",
    };
}

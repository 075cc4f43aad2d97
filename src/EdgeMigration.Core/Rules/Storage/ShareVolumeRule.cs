using System.Collections.Generic;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Storage;

/// <summary>
/// S2: persistent storage on the GPU device is a share mounted with <c>{"Type": "volume", "Source": "&lt;share&gt;"}</c>.
/// A bind of the FPGA device's share mount point (/home/hcsshares/&lt;share&gt;) would become an empty folder of the
/// Kubernetes node instead, and a bind of a Docker named volume a folder named after it. The check assumes each FPGA
/// share is recreated under the same name; ConvertTo-GpuEdgeManifest -ShareMap names other shares. A folder inside a
/// share cannot be a volume mount (the agent mounts whole shares), so those are left to the user. A bind mount
/// (<c>{"Type": "bind"}</c>) of such a path is the same empty folder: what a template's bind of a placeholder becomes
/// once converted and expanded with an Edge share's path, or a mount written by hand.
/// </summary>
public sealed class ShareVolumeRule : BindRule
{
    public override string Id => "S2";
    public override string Title => "FPGA share binds become volume mounts of the share";
    public override Severity DefaultSeverity => Severity.Error;
    public override string Section => "storage";
    public override bool CanFix => true;

    protected override void CheckModule(EdgeModule module, ShareMapping shares, List<Finding> findings)
    {
        foreach (var entry in BindPlan.EntriesOf(module, shares))
        {
            // Written out only for the entries reported: most binds of a module are not shares.
            var bind = entry.Class is BindClass.Share or BindClass.ShareFolder ? entry.Node.ToCompactJson() : "";
            if (entry.Class == BindClass.Share && entry.Spec!.Kind == BindSourceKind.NamedVolume)
            {
                findings.Add(Finding(module, entry.Location,
                    $"{entry.Location} {bind} mounts the Docker volume '{entry.Share!.Share}'; the GPU device has no Docker volumes and would make a host folder named '{entry.Spec.Source}' instead.",
                    $"Create a share named '{entry.Share.Share}' on the GPU device and mount it with {{\"Target\": \"{entry.Spec.Target}\", \"Source\": \"{entry.Share.Share}\", \"Type\": \"volume\"}} in HostConfig.Mounts (ConvertTo-GpuEdgeManifest does; -ShareMap @{{ '{entry.Spec.Source}' = '<share>' }} picks another share).",
                    Severity.Warning, fixable: entry.CanConvert));
            }
            else if (entry.Class == BindClass.Share)
            {
                var what = entry.Share!.FromShareMap
                    ? $"mounts '{entry.Share.MappedFrom}', which the ShareMap makes the GPU share '{entry.Share.Share}'"
                    : $"mounts the FPGA device's Edge share '{entry.Share.Share}'";
                findings.Add(Finding(module, entry.Location,
                    $"{entry.Location} {bind} {what}; on the GPU device a bind of that path is an empty folder of the Kubernetes node, not the share.",
                    $"Mount the share with {{\"Target\": \"{entry.Spec!.Target}\", \"Source\": \"{entry.Share.Share}\", \"Type\": \"volume\"}} in HostConfig.Mounts, where Source is the name of an SMB or NFS share on the GPU device (ConvertTo-GpuEdgeManifest does, assuming the same share name; -ShareMap @{{ '{entry.Share.MappedFrom}' = '<share>' }} names another).",
                    fixable: entry.CanConvert));
            }
            else if (entry.Class == BindClass.ShareFolder)
            {
                var share = entry.Share!;
                findings.Add(Finding(module, entry.Location,
                    share.IsShareRoot
                        ? $"{entry.Location} {bind} mounts the folder of every FPGA Edge share ({ShareMapping.FpgaShareRoot}); on the GPU device each share is a volume of its own."
                        : $"{entry.Location} {bind} mounts folder '{share.Subpath}' inside the Edge share '{share.Share}'; a volume mount on the GPU device mounts a whole share, not a folder in it.",
                    share.IsShareRoot
                        ? "Mount each share the module uses with its own {\"Type\": \"volume\", \"Source\": \"<share>\", \"Target\": …} entry in HostConfig.Mounts."
                        : $"Mount the whole share (Source '{share.Share}') and let the module use '{share.Subpath}' inside it, or make the folder a share of its own and convert with -ShareMap @{{ '{entry.Spec!.Source}' = '<share>' }}.",
                    fixable: false));
            }
        }
        foreach (var mount in ModuleMounts.Mounts(module))
        {
            if (ShareOfBindMount(mount, shares) is not { } share)
            {
                continue;
            }
            var source = mount.Source!;
            if (share.IsWholeShare)
            {
                var what = share.FromShareMap
                    ? $"'{source}', which the ShareMap makes the GPU share '{share.Share}'"
                    : $"'{source}', the FPGA device's mount point of the Edge share '{share.Share}'";
                findings.Add(Finding(module, mount.Location,
                    $"{mount.Location} is a bind mount of {what}; on the GPU device a bind of that path is an empty folder of the Kubernetes node, not the share.",
                    $"Mount the share with {{\"Target\": \"{mount.Target}\", \"Source\": \"{share.Share}\", \"Type\": \"volume\"}}, where Source is the name of an SMB or NFS share on the GPU device (ConvertTo-GpuEdgeManifest does, assuming the same share name; -ShareMap @{{ '{share.MappedFrom}' = '<share>' }} names another).",
                    fixable: mount.Target is not null));
            }
            else
            {
                findings.Add(Finding(module, mount.Location,
                    share.IsShareRoot
                        ? $"{mount.Location} is a bind mount of the folder of every FPGA Edge share ({ShareMapping.FpgaShareRoot}); on the GPU device each share is a volume of its own, and that path is an empty folder of the Kubernetes node."
                        : $"{mount.Location} is a bind mount of folder '{share.Subpath}' inside the Edge share '{share.Share}'; on the GPU device that path is an empty folder of the Kubernetes node, and a volume mount mounts a whole share, not a folder in it.",
                    share.IsShareRoot
                        ? "Mount each share the module uses with its own {\"Type\": \"volume\", \"Source\": \"<share>\", \"Target\": …} entry in HostConfig.Mounts."
                        : $"Mount the whole share (Source '{share.Share}', Type volume) and let the module use '{share.Subpath}' inside it, or make the folder a share of its own and convert with -ShareMap @{{ '{source}' = '<share>' }}.",
                    fixable: false));
            }
        }
    }

    /// <summary>The share a bind mount's Source stands for (see <see cref="ShareMapping.FindForBindMount"/>), or null.</summary>
    internal static ShareMatch? ShareOfBindMount(MountEntry mount, ShareMapping shares) =>
        mount.IsBind && mount.Source is { } source && !BindSpec.IsWindowsPath(source) ? shares.FindForBindMount(source) : null;

    public override void Fix(ConversionContext context)
    {
        foreach (var module in context.Manifest.Modules)
        {
            BindConversion.Apply(context, this, module, e => e.Class == BindClass.Share);
            ConvertBindMounts(context, module);
        }
    }

    /// <summary>Makes each bind mount of a whole share a volume mount of it: Type and Source change, the rest stays as written.</summary>
    private void ConvertBindMounts(ConversionContext context, EdgeModule module)
    {
        if (module.CreateOptions is not { Error: null })
        {
            return;
        }
        var shares = BindConversion.Shares(context);
        foreach (var mount in ModuleMounts.Mounts(module))
        {
            if (mount.Target is null || ShareOfBindMount(mount, shares) is not { IsWholeShare: true } share)
            {
                continue;
            }
            var before = mount.Value.DeepClone();
            mount.Value.FindIgnoreCase("Type")!.Value = JValue.String(MountTypes.Volume);
            mount.Value.FindIgnoreCase("Source")!.Value = JValue.String(share.Share);
            var why = share.FromShareMap ? $"ShareMap maps '{share.MappedFrom}' to it"
                : "assuming the GPU device has a share named like the FPGA Edge share; -ShareMap chooses another";
            context.Record(this, module, mount.Location, before, mount.Value,
                $"{mount.Location}, a bind mount of '{mount.Source}', became a volume mount of share '{share.Share}' ({why}).");
        }
    }
}

using System.Collections.Generic;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Storage;

/// <summary>
/// S3: a host directory is mounted on the GPU device with <c>{"Type": "bind", "Source": "&lt;host path&gt;"}</c>. The
/// agent makes it a hostPath volume of type DirectoryOrCreate: a folder of the device's Kubernetes node, created empty
/// when missing, holding nothing the FPGA device had and not reachable as a share. Binds of host directories are
/// reported as to be converted; bind mounts, once there, as information. Template placeholders are taken for host
/// paths, with less certainty: one may stand for a share's path.
/// </summary>
public sealed class HostPathBindRule : BindRule
{
    private const string OnTheDevice =
        "on the GPU device it is a folder of the Kubernetes node (a hostPath volume, created empty when missing), not the FPGA device's folder and not a share";

    public override string Id => "S3";
    public override string Title => "Host directories become bind mounts of the device's node";
    public override Severity DefaultSeverity => Severity.Warning;
    public override string Section => "storage";
    public override bool CanFix => true;

    protected override void CheckModule(EdgeModule module, ShareMapping shares, List<Finding> findings)
    {
        foreach (var entry in BindPlan.EntriesOf(module, shares))
        {
            if (entry.Class != BindClass.HostDirectory)
            {
                continue;
            }
            var spec = entry.Spec!;
            var placeholder = spec.Kind == BindSourceKind.Placeholder;
            findings.Add(Finding(module, entry.Location,
                $"{entry.Location} {entry.Node.ToCompactJson()} binds host directory '{spec.Source}'{(placeholder ? " (a template placeholder)" : "")}; {OnTheDevice}.",
                $"Use {{\"Target\": \"{spec.Target}\", \"Source\": \"{spec.Source}\", \"Type\": \"bind\"}} in HostConfig.Mounts (ConvertTo-GpuEdgeManifest does). For data to keep or to share, use a share instead: convert with -ShareMap @{{ '{spec.Source}' = '<share>' }}.",
                fixable: entry.CanConvert, certainty: placeholder ? Certainty.Possible : Certainty.Certain));
        }
        foreach (var mount in ModuleMounts.Mounts(module))
        {
            // A bind mount of a share's path is S2's.
            if (mount.IsBind && mount.Source is { } source && !BindSpec.IsWindowsPath(source) && ShareVolumeRule.ShareOfBindMount(mount, shares) is null &&
                (mount.Target is null || FilePaths.Judge(source, mount.Target) is null or { Certainty: Certainty.Possible }))
            {
                findings.Add(Finding(module, mount.Location,
                    $"{mount.Location} mounts host directory '{source}'; {OnTheDevice}. Only directories can be mounted this way.",
                    TemplateText.HasPlaceholder(source)
                        ? $"'{source}' is a template placeholder: where it stands for an FPGA Edge share's path ({ShareMapping.FpgaShareRoot}/<share>), convert with -ShareMap @{{ '{source}' = '<share>' }} to mount the share, or check the expanded manifest. Otherwise make sure the module needs nothing in it from the FPGA device."
                        : "Make sure the module needs nothing in it from the FPGA device; use a share (Type volume) for data to keep.",
                    Severity.Information, fixable: false));
            }
        }
    }

    public override void Fix(ConversionContext context)
    {
        foreach (var module in context.Manifest.Modules)
        {
            BindConversion.Apply(context, this, module, e => e.Class == BindClass.HostDirectory);
        }
    }
}

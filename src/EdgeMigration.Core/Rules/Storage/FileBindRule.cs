using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Storage;

/// <summary>
/// S4: on Kubernetes a bind works only for a directory: the device's agent makes every bind (Binds entry or bind
/// mount) a hostPath volume of type DirectoryOrCreate, and a pod whose path exists as a file does not start. The
/// manifest does not say what a path is, so each finding says how sure it is (see <see cref="FilePaths"/>). File binds
/// stay in Binds with this finding; ConvertTo-GpuEdgeManifest -DropFileBinds removes the certain and likely ones.
/// A bind that is only possibly a file is converted as a directory, with a warning.
/// </summary>
public sealed class FileBindRule : BindRule
{
    public override string Id => "S4";
    public override string Title => "Binds of single files cannot be mounted";
    public override Severity DefaultSeverity => Severity.Error;
    public override string Section => "storage";
    public override bool CanFix => true;

    /// <summary>The device deploys the module, but its pod cannot mount a file as a DirectoryOrCreate hostPath and does not start (kubernetes-mode.md: Binds and Mounts rows, directories only).</summary>
    public override bool ErrorsKeepPodFromStarting => true;

    protected override void CheckModule(EdgeModule module, ShareMapping shares, List<Finding> findings)
    {
        foreach (var entry in BindPlan.EntriesOf(module, shares))
        {
            if (entry.File is { } file && entry.Class != BindClass.Windows)
            {
                findings.Add(FileFinding(module, entry.Location, entry.Spec!.Source, entry.Spec.Target, file));
            }
        }
        foreach (var mount in FileMounts(module, includePossible: true))
        {
            findings.Add(FileFinding(module, mount.Entry.Location, mount.Entry.Source!, mount.Entry.Target!, mount.File));
        }
    }

    /// <summary>With -DropFileBinds: removes the binds and bind mounts that are certainly or likely files.</summary>
    public override void Fix(ConversionContext context)
    {
        if (!context.Options.DropFileBinds)
        {
            return;
        }
        foreach (var module in context.Manifest.Modules.Where(m => m.CreateOptions is { Error: null }))
        {
            // Each array's entries recorded top to bottom, at the place they have in the manifest as written.
            var mounts = FileMounts(module, includePossible: false);
            if (mounts.Count > 0)
            {
                RecordedEdits.RemoveEntries(context, this, module, module.HostConfig()!, ModuleMounts.MountsName,
                    ModuleMounts.LocationOf(ModuleMounts.MountsMember(module)!), mounts.Select(m => m.Entry.Index).ToList(),
                    i => $"Dropped the bind mount of file '{mounts[i].Entry.Source}' ({mounts[i].File.Reason}): the GPU device mounts only directories.");
            }
            var files = BindPlan.EntriesOf(module, BindConversion.Shares(context)).Where(e => e.Class == BindClass.File).ToList();
            if (files.Count > 0)
            {
                RecordedEdits.RemoveEntries(context, this, module, module.HostConfig()!, ModuleMounts.BindsName,
                    ModuleMounts.LocationOf(ModuleMounts.BindsMember(module)!), files.Select(e => e.Index).ToList(),
                    i => $"Dropped the bind of file '{files[i].Spec!.Source}' ({files[i].File!.Reason}): the GPU device mounts only directories.");
            }
        }
    }

    private Finding FileFinding(EdgeModule module, string location, string source, string target, FileJudgement file)
    {
        var possible = file.Certainty == Certainty.Possible;
        var docker = string.Equals(BindSpec.Normalize(source), FilePaths.DockerSocket, StringComparison.Ordinal) ||
                     string.Equals(BindSpec.Normalize(source), "/run/docker.sock", StringComparison.Ordinal);
        var message = $"{location} mounts '{source}' at '{target}', {(possible ? "possibly" : file.Certainty == Certainty.Certain ? "certainly" : "most likely")} a single file ({file.Reason}); on the GPU device only directories can be mounted, so the pod {(possible ? "would not start if it is a file" : "does not start")}."
                      + (docker ? " There is no Docker on the GPU device either." : "");
        var recommendation = possible
            ? "Nothing to change if it is a directory; if it is a file, put it in the image or in a mounted directory."
            : docker
                ? "Remove it: modules cannot reach a Docker engine on the GPU device (ConvertTo-GpuEdgeManifest -DropFileBinds drops it)."
                : file.IsDeviceNode
                ? "Remove the bind (ConvertTo-GpuEdgeManifest -DropFileBinds drops it) and, for the module to keep the device, " +
                  (module.HostConfig().IsTrue("Privileged") ? "keep Privileged: true: a privileged container sees the host's devices." : "make it privileged (\"HostConfig\": {\"Privileged\": true}), which the device maps: a privileged container sees the host's devices.")
                : "Put the file in the image, or in a directory (or share) mounted as a whole, and remove the bind (ConvertTo-GpuEdgeManifest -DropFileBinds drops it).";
        return Finding(module, location, message, recommendation, possible ? Severity.Warning : null, fixable: false, certainty: file.Certainty);
    }

    private static List<(MountEntry Entry, FileJudgement File)> FileMounts(EdgeModule module, bool includePossible)
    {
        var found = new List<(MountEntry Entry, FileJudgement File)>();
        foreach (var mount in ModuleMounts.Mounts(module))
        {
            if (mount.IsBind && mount.Source is { } source && mount.Target is { } target && !BindSpec.IsWindowsPath(source) && !BindSpec.IsWindowsPath(target) &&
                FilePaths.Judge(source, target) is { } file && (includePossible || file.Certainty != Certainty.Possible))
            {
                found.Add((mount, file));
            }
        }
        return found;
    }
}

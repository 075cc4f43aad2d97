using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Storage;

/// <summary>
/// K11: binds and mounts with Windows paths (<c>C:\data</c>, <c>\\.\pipe\docker_engine</c>) come from Windows
/// container manifests. The GPU device runs Linux containers on Kubernetes, whose agent splits binds on ':' and
/// cannot mount Windows paths; there is nothing to convert them to.
/// </summary>
public sealed class WindowsPathRule : BindRule
{
    private const string Recommendation = "Use a Linux image and Linux paths: a share (Type volume) or a host directory (Type bind) in HostConfig.Mounts.";

    public override string Id => "K11";
    public override string Title => "Windows paths cannot be mounted on the GPU device";
    public override Severity DefaultSeverity => Severity.Error;
    public override string Section => "storage";

    protected override void CheckModule(EdgeModule module, ShareMapping shares, List<Finding> findings)
    {
        foreach (var entry in BindPlan.EntriesOf(module, shares).Where(e => e.Class == BindClass.Windows))
        {
            findings.Add(Finding(module, entry.Location,
                $"{entry.Location} {entry.Node.ToCompactJson()} uses Windows paths; the GPU device runs Linux containers and cannot mount them.",
                Recommendation));
        }
        foreach (var mount in ModuleMounts.Mounts(module))
        {
            if (new[] { mount.Source, mount.Target }.Any(p => p is not null && BindSpec.IsWindowsPath(p)))
            {
                findings.Add(Finding(module, mount.Location,
                    $"{mount.Location} ({mount.Value.ToCompactJson()}) uses Windows paths; the GPU device runs Linux containers and cannot mount them.",
                    Recommendation));
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>
/// What keeps the pod of a module the device deploys from starting: the Error findings of the rules whose errors mean
/// that (<see cref="MigrationRule.ErrorsKeepPodFromStarting"/>: S4, N3, R1, P3), found by those rules themselves, so
/// that the preview and Test-EdgeModuleCompatibility tell the same story. The other rules' errors mean that the device
/// refuses the module, which the preview finds as it renders, or that the module runs but not as meant (S2's empty
/// folder instead of a share, N4's lost port, P2's runtime calls through a proxy, which depend on the module's HTTP
/// client): those are left to the check.
/// </summary>
internal static class StartProblems
{
    private static readonly MigrationRule[] Rules = RuleCatalog.All.Where(r => r.ErrorsKeepPodFromStarting).ToArray();

    /// <summary>
    /// The findings by module id, secrets redacted; over the modules the device deploys, as N3 compares its modules: the
    /// modules of <paramref name="refused"/> (the device refuses them, the preview says why) have no pod to conflict with.
    /// </summary>
    public static ILookup<string, Finding> Of(ManifestDocument manifest, IReadOnlyCollection<string> refused) =>
        RuleEngine.Check(refused.Count == 0 ? manifest : Without(manifest, refused), rules: Rules)
            .Where(f => f.Severity == Severity.Error && f.ModuleName is not null)
            .ToLookup(f => f.ModuleName!, StringComparer.Ordinal);

    /// <summary>A copy of the manifest without the modules of <paramref name="ids"/>; their keys and so every other module's paths stay.</summary>
    private static ManifestDocument Without(ManifestDocument manifest, IReadOnlyCollection<string> ids)
    {
        var copy = manifest.Clone();
        foreach (var module in copy.Modules.Where(m => ids.Contains(m.Name)))
        {
            module.Container.Remove(module.Member);
        }
        copy.Refresh();
        return copy;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using EdgeMigration.Core.Rules.Other;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>
/// What keeps the pod of a module the device deploys from starting: the Error findings of the rules whose errors mean
/// that (<see cref="MigrationRule.ErrorsKeepPodFromStarting"/>: S4, N3, R1, P3, K19), found by those rules themselves, so
/// that the preview and Test-EdgeModuleCompatibility tell the same story. The other rules' errors mean that the device
/// refuses the module, which the preview finds as it renders, or that the module runs but not as meant (S2's empty
/// folder instead of a share, N4's lost port, P2's runtime calls through a proxy, which depend on the module's HTTP
/// client): those are left to the check.
/// </summary>
internal static class StartProblems
{
    private static readonly MigrationRule[] Rules = RuleCatalog.All.Where(r => r.ErrorsKeepPodFromStarting).ToArray();

    /// <summary>
    /// The findings by module id, secrets redacted. A module the device deploys gets them over the modules the device
    /// deploys, as N3 compares its modules: those of <paramref name="refused"/> (the preview says why the device refuses
    /// them) have no pod to conflict with; K19's, which are about the refused modules, over the whole manifest. A refused
    /// module gets them over the whole manifest, as the check reports them: what keeps its pod from starting once the
    /// refusals are fixed.
    /// </summary>
    public static ILookup<string, Finding> Of(ManifestDocument manifest, IReadOnlyCollection<string> refused)
    {
        var asChecked = Errors(manifest);
        if (refused.Count == 0)
        {
            return asChecked;
        }
        var refusedIds = new HashSet<string>(refused, StringComparer.Ordinal);
        // K19 is about the refused modules themselves, which the manifest without them cannot show: judged over the whole.
        return Errors(Without(manifest, refusedIds)).SelectMany(g => g).Where(f => f.RuleId != ServiceAccountsRule.RuleId)
            .Concat(asChecked.SelectMany(g => g).Where(f => refusedIds.Contains(f.ModuleName!) || f.RuleId == ServiceAccountsRule.RuleId))
            .ToLookup(f => f.ModuleName!, StringComparer.Ordinal);
    }

    private static ILookup<string, Finding> Errors(ManifestDocument manifest) =>
        RuleEngine.Check(manifest, rules: Rules)
            .Where(f => f.Severity == Severity.Error && f.ModuleName is not null)
            .ToLookup(f => f.ModuleName!, StringComparer.Ordinal);

    /// <summary>A copy of the manifest without the modules of <paramref name="ids"/>; their keys and so every other module's paths stay.</summary>
    private static ManifestDocument Without(ManifestDocument manifest, HashSet<string> ids)
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

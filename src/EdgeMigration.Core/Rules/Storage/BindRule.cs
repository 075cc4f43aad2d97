using System.Collections.Generic;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Storage;

/// <summary>A storage rule judging each module's binds, where the user's ShareMap decides which binds are shares.</summary>
public abstract class BindRule : MigrationRule
{
    public sealed override IEnumerable<Finding> Check(ManifestDocument manifest) => Check(manifest, CheckSettings.Default);

    public sealed override IEnumerable<Finding> Check(ManifestDocument manifest, CheckSettings settings)
    {
        var findings = new List<Finding>();
        foreach (var module in manifest.Modules)
        {
            CheckModule(module, settings.Shares, findings);
        }
        return findings;
    }

    /// <summary>Adds the module's findings to <paramref name="findings"/>, in order (see <see cref="ModuleRule"/>).</summary>
    protected abstract void CheckModule(EdgeModule module, ShareMapping shares, List<Finding> findings);
}

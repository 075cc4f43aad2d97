using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Storage;

/// <summary>A storage rule judging each module's binds, where the user's ShareMap decides which binds are shares.</summary>
public abstract class BindRule : MigrationRule
{
    public sealed override IEnumerable<Finding> Check(ManifestDocument manifest) => Check(manifest, CheckSettings.Default);

    public sealed override IEnumerable<Finding> Check(ManifestDocument manifest, CheckSettings settings) =>
        manifest.Modules.SelectMany(module => CheckModule(module, settings.Shares));

    protected abstract IEnumerable<Finding> CheckModule(EdgeModule module, ShareMapping shares);
}

using System.Collections.Generic;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;

namespace EdgeMigration.Infrastructure;

/// <summary>A manifest checked off the pipeline thread, and its findings.</summary>
internal sealed class CheckedManifest
{
    public CheckedManifest(ManifestDocument manifest, IReadOnlyList<Finding> findings)
    {
        Manifest = manifest;
        Findings = findings;
    }

    public ManifestDocument Manifest { get; }
    public IReadOnlyList<Finding> Findings { get; }
}

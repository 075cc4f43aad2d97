using System;
using System.Collections.Generic;
using System.Linq;

namespace EdgeMigration.Core.Rules;

/// <summary>
/// Every rule, in the order ConvertTo-GpuEdgeManifest applies their fixes. A plain list rather than a
/// reflection scan keeps module import fast. Adding a rule: one class file, one line here, its tests.
/// </summary>
public static class RuleCatalog
{
    /// <summary>Read-only, also to scripts: one list serves every runspace of the process.</summary>
    public static IReadOnlyList<MigrationRule> All { get; } = Array.AsReadOnly(new MigrationRule[]
    {
        new Other.EnvironmentNameColonRule(),
        new Proxy.EdgeHubProxyRule(),
        new Proxy.NoProxyLocalhostRule(),
        new Resources.FpgaAccelerationRule(),
        new Resources.MemoryCpuLimitsRule(),
        new Resources.SharedMemoryRule(),
        new Other.EntrypointRule(),
        // O1 after R1 and the storage fixes, so that it sees GPUs and volume mounts; O2 renames modules last.
        new Other.DeploymentStrategyRule(),
        new Other.ModuleNameRule(),
        new Other.IgnoredSettingsRule(),
        new Other.SchemaVersionRule(),
        new Other.KubernetesSectionKeysRule(),
        new Other.InvalidCreateOptionsRule(),
        new Other.CreateOptionsPiecesRule(),
        new Other.ManifestDiagnosticsRule(),
        new Other.EdgeAgentSettingsRule(),
        new Other.ImagePullSecretNameRule(),
    });

    public static MigrationRule? Find(string id) =>
        All.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
}

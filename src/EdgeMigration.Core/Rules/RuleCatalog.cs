using System;
using System.Collections.Generic;

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
        new Proxy.ProxyPortsRule(),
        // After the proxy fixes, which set a variable where it takes effect (an Env entry the env section also sets): once
        // that entry has the env section's value, K15 removes it, so a second conversion finds nothing more to do.
        new Other.EnvironmentOverrideRule(),
        new Resources.FpgaAccelerationRule(),
        new Resources.MemoryCpuLimitsRule(),
        new Resources.SharedMemoryRule(),
        // K12 checks the requests and limits R1 and R2 leave; it has no fix.
        new Resources.RequestsWithinLimitsRule(),
        // Storage: S4 drops file binds (when asked), S2 and S3 convert shares and host directories, S1 whatever is left.
        new Storage.FileBindRule(),
        new Storage.ShareVolumeRule(),
        new Storage.HostPathBindRule(),
        new Storage.BindsRule(),
        new Storage.MountsRule(),
        new Storage.VolumeNamesRule(),
        new Storage.MountPathsRule(),
        new Storage.WindowsPathRule(),
        // K16 writes the ports' protocol first, so that the other port rules' fixes name the ports as it leaves them.
        new Network.PortProtocolRule(),
        new Network.MissingHostPortRule(),
        new Network.MappedPortRule(),
        new Network.HostNetworkRule(),
        new Network.MixedProtocolsRule(),
        new Network.PortSettingsRule(),
        new Network.ModuleAddressRule(),
        // K22 after N1, whose fix may bind edgeHub's ports already.
        new Network.EdgeHubPortsRule(),
        new Other.EntrypointRule(),
        // O1 after R1 and the storage fixes, so that it sees GPUs and volume mounts; O2 renames modules last.
        new Other.DeploymentStrategyRule(),
        new Other.RefusedStrategyRule(),
        new Other.ModuleNameRule(),
        new Other.IgnoredSettingsRule(),
        new Other.SchemaVersionRule(),
        new Other.KubernetesSectionKeysRule(),
        new Other.InvalidCreateOptionsRule(),
        new Other.CreateOptionsPiecesRule(),
        new Other.ManifestDiagnosticsRule(),
        new Other.EdgeAgentSettingsRule(),
        new Other.ImagePullSecretNameRule(),
        new Other.AnnotationKeyRule(),
        // K19 and K21 read the findings of the rules that find refused and stopped deployments: last, so a check has made
        // them already.
        new Other.ServiceAccountsRule(),
        new Other.StoppedDeploymentRule(),
    });
}

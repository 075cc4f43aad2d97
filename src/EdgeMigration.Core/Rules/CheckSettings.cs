using System.Collections.Generic;
using EdgeMigration.Core.Rules.Storage;

namespace EdgeMigration.Core.Rules;

/// <summary>
/// The user's decisions that change what a check finds, so that Test-EdgeModuleCompatibility and the findings a
/// conversion leaves judge a manifest as ConvertTo-GpuEdgeManifest converts it: the ShareMap decides which binds are shares.
/// </summary>
public sealed class CheckSettings
{
    public static readonly CheckSettings Default = new(ShareMapping.Default);

    public CheckSettings(ShareMapping shares)
    {
        Shares = shares;
    }

    /// <summary>From a ShareMap (host path or volume name → GPU share name); an empty map is the defaults.</summary>
    public static CheckSettings ForShareMap(IDictionary<string, string> shareMap) =>
        shareMap.Count == 0 ? Default : new CheckSettings(new ShareMapping(shareMap));

    public ShareMapping Shares { get; }
}

using System.Collections.Generic;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Rules.Storage;

namespace EdgeMigration.Core.Rules;

/// <summary>
/// The user's decisions that change what a check finds, so that Test-EdgeModuleCompatibility and the findings a
/// conversion leaves judge a manifest as ConvertTo-GpuEdgeManifest converts it: the ShareMap decides which binds are
/// shares, the conversion's default limits which modules were meant to get a limit, and its proxy whether edgeHub was
/// meant to get one.
/// </summary>
public sealed class CheckSettings
{
    public static readonly CheckSettings Default = new(ShareMapping.Default);

    public CheckSettings(ShareMapping shares, string? defaultMemoryLimit = null, string? defaultCpuLimit = null, string? proxyUrl = null)
    {
        Shares = shares;
        DefaultMemoryLimit = defaultMemoryLimit;
        DefaultCpuLimit = defaultCpuLimit;
        ProxyUrl = proxyUrl;
    }

    /// <summary>From a ShareMap (host path or volume name → GPU share name); an empty map is the defaults.</summary>
    public static CheckSettings ForShareMap(IDictionary<string, string> shareMap) =>
        shareMap.Count == 0 ? Default : new CheckSettings(new ShareMapping(shareMap));

    /// <summary>The decisions of a conversion, for the check of its result.</summary>
    public static CheckSettings ForConversion(ConversionOptions options)
    {
        var shares = ForShareMap(options.ShareMap);
        return options.DefaultMemoryLimit is null && options.DefaultCpuLimit is null && options.ProxyUrl is null
            ? shares
            : new CheckSettings(shares.Shares, options.DefaultMemoryLimit, options.DefaultCpuLimit, options.ProxyUrl);
    }

    public ShareMapping Shares { get; }

    /// <summary>-DefaultMemoryLimit of the conversion (R2), or null.</summary>
    public string? DefaultMemoryLimit { get; }

    /// <summary>-DefaultCpuLimit of the conversion (R2), or null.</summary>
    public string? DefaultCpuLimit { get; }

    /// <summary>-ProxyUrl of the conversion (P1), or null.</summary>
    public string? ProxyUrl { get; }
}

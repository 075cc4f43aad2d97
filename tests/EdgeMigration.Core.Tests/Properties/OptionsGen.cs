using System.Collections.Generic;
using CsCheck;
using EdgeMigration.Core.Conversion;

namespace EdgeMigration.Tests.Properties;

/// <summary>The choices a user can make for ConvertTo-GpuEdgeManifest.</summary>
public static class OptionsGen
{
    public static readonly Gen<ConversionOptions> Any =
        from gpus in Gen.OneOf<int?>(null, null, 1, 2)
        from memory in Gen.OneOf(null, null, "512Mi", "1Gi")
        from cpu in Gen.OneOf(null, null, "500m", "2")
        from strategy in Gen.Frequency((6, Gen.Const(DeploymentStrategyOption.Recreate)), (1, Gen.Const(DeploymentStrategyOption.RollingUpdate)), (1, Gen.Const(DeploymentStrategyOption.Keep)))
        from proxy in Gen.OneOf(null, null, null, "http://proxy.contoso.com:3128")
        from dropFileBinds in Gen.Bool
        from shares in Gen.Int[0, 2]
        select new ConversionOptions
        {
            GpuCount = gpus,
            DefaultMemoryLimit = memory,
            DefaultCpuLimit = cpu,
            DeploymentStrategy = strategy,
            ProxyUrl = proxy,
            DropFileBinds = dropFileBinds,
            ShareMap = shares switch
            {
                0 => new Dictionary<string, string>(),
                1 => new Dictionary<string, string> { ["/home/hcsshares/input"] = "gpuinput" },
                _ => new Dictionary<string, string> { ["/data"] = "datashare", ["/home/hcsshares/output"] = "gpuoutput" },
            },
        };

    public static string Describe(ConversionOptions options) =>
        $"GpuCount={options.GpuCount} DefaultMemoryLimit={options.DefaultMemoryLimit} DefaultCpuLimit={options.DefaultCpuLimit} " +
        $"DeploymentStrategy={options.DeploymentStrategy} ProxyUrl={options.ProxyUrl} DropFileBinds={options.DropFileBinds} ShareMap={options.ShareMap.Count}";
}

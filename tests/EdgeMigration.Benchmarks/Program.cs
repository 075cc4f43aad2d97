using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Running;
using EdgeMigration.Benchmarks.Core;
using EdgeMigration.Benchmarks.Engine;
using EdgeMigration.Benchmarks.Fleet;
using EdgeMigration.Benchmarks.Startup;
using EdgeMigration.Tests;

namespace EdgeMigration.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/EdgeMigration.Benchmarks -- [mode]
///   (no mode) [BenchmarkDotNet options]  the cores against the System.Text.Json floor, then the ratios
///   fleet N [M …] [options]              N (then M…) manifests file to file through ConvertTo-GpuEdgeManifest: manifests/s, peak memory
///   import [options]                     time from an open runspace to the first finished conversion, minus an idle engine
/// Both run in tests/EdgeMigration.Benchmarks.Host with PowerShell's assemblies precompiled, as pwsh is released, and
/// import out/EdgeMigration. Options: --il-engine runs them with the NuGet package's IL instead; --module &lt;psd1&gt;
/// imports another build of the module (out/&lt;rid&gt;/EdgeMigration/EdgeMigration.psd1, precompiled for this platform).
/// </summary>
public static class Program
{
    private const string IlEngine = "--il-engine";
    private const string ModuleOption = "--module";

    public static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "fleet":
                var counts = args.Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList();
                FleetRun.Run(counts.Count > 0 ? counts : new List<int> { 1000 }, PublishHost(args), Module(args));
                return 0;
            case "import":
                ImportTiming.Run(PublishHost(args), Module(args));
                return 0;
            default:
                var summary = BenchmarkRunner.Run<ManifestBenchmarks>(args: args);
                RatioSummary.Print(summary);
                return 0;
        }
    }

    private static BenchmarkHost PublishHost(string[] args) => BenchmarkHost.Publish(readyToRun: !args.Contains(IlEngine));

    /// <summary>The module manifest to import: --module's, else the portable build's.</summary>
    private static string Module(string[] args)
    {
        var option = Array.IndexOf(args, ModuleOption);
        return option >= 0 && option + 1 < args.Length ? System.IO.Path.GetFullPath(args[option + 1]) : TestPaths.ModuleManifest;
    }
}

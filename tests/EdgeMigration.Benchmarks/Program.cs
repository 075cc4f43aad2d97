using System;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Running;
using EdgeMigration.Benchmarks.Core;
using EdgeMigration.Benchmarks.Fleet;
using EdgeMigration.Benchmarks.Startup;

namespace EdgeMigration.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/EdgeMigration.Benchmarks -- [mode]
///   (no mode) [BenchmarkDotNet options]  the cores against the System.Text.Json floor, then the ratios
///   fleet N [M …]                        N (then M…) manifests file to file through ConvertTo-GpuEdgeManifest: manifests/s, peak memory
///   import                               time from an open runspace to the first finished conversion, minus an idle engine
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "fleet":
                FleetRun.Run(args.Length > 1 ? args.Skip(1).Select(n => int.Parse(n, CultureInfo.InvariantCulture)) : new[] { 1000 });
                return 0;
            case FleetRun.ChildMode:
                FleetRun.Convert(args[1], args[2]);
                return 0;
            case "import":
                ImportTiming.Run();
                return 0;
            case ImportTiming.ChildMode:
                ImportTiming.Probe(args[1]);
                return 0;
            default:
                var summary = BenchmarkRunner.Run<ManifestBenchmarks>(args: args);
                RatioSummary.Print(summary);
                return 0;
        }
    }
}

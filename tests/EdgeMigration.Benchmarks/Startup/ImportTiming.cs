using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EdgeMigration.Benchmarks.Engine;
using EdgeMigration.Tests;

namespace EdgeMigration.Benchmarks.Startup;

/// <summary>
/// <c>import</c>: in fresh host processes (<see cref="BenchmarkHost"/>), the time from an open runspace to the first
/// finished conversion (Import-Module, then ConvertTo-GpuEdgeManifest of the sample to a file), minus the time the
/// same engine takes to run two empty commands. Also lists the assemblies import and the first conversion load, the
/// methods the JIT compiled for them, and, for reference, what importing a module with nothing in it costs the same
/// engine (PowerShell's own share of an import).
/// </summary>
public static class ImportTiming
{
    private const int Rounds = 11;

    public static void Run(BenchmarkHost host, string module)
    {
        var sample = Path.Combine(TestPaths.Samples, "fpga-deployment.json");
        var target = Path.Combine(Path.GetTempPath(), $"edgemigration-import-{Environment.ProcessId}.json");
        var empty = EmptyModuleManifest();
        var reports = new Dictionary<string, List<ChildReport>> { ["module"] = new(), ["idle"] = new(), ["empty"] = new() };
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var (mode, list) in reports)
            {
                list.Add(host.Run("import", mode, mode == "empty" ? empty : module, sample, target));
            }
        }
        double Median(string mode, string name) => MedianOf(reports[mode], name);
        Console.WriteLine($"{host.Description}; module {module}");
        Console.WriteLine($"Medians of {Rounds} fresh processes each (ms):");
        Console.WriteLine($"  engine doing nothing: first command {Median("idle", "firstMs"):0.0}, both commands {Median("idle", "totalMs"):0.0}");
        Console.WriteLine($"  Import-Module, then first conversion: import {Median("module", "firstMs"):0.0}, both {Median("module", "totalMs"):0.0}");
        Console.WriteLine($"Added by the module: import {Median("module", "firstMs") - Median("idle", "firstMs"):0.0} ms, " +
            $"import + first conversion {Median("module", "totalMs") - Median("idle", "totalMs"):0.0} ms (target < 150 ms)");
        Console.WriteLine($"  of which the JIT compiling {Median("module", "jitted") - Median("idle", "jitted"):0} methods: " +
            $"{Median("module", "jitMs") - Median("idle", "jitMs"):0.0} ms");
        Console.WriteLine($"For reference, Import-Module of a module with nothing in it adds {Median("empty", "firstMs") - Median("idle", "firstMs"):0.0} ms");
        Console.WriteLine($"Assemblies loaded by Import-Module: {reports["module"][0].Text("loadedByImport")}");
        Console.WriteLine($"Assemblies loaded by the first conversion: {reports["module"][0].Text("loadedByConversion")}");
    }

    /// <summary>A module manifest with a version and nothing else, in a folder of its own.</summary>
    private static string EmptyModuleManifest()
    {
        var folder = Path.Combine(Path.GetTempPath(), "edgemigration-empty-module");
        Directory.CreateDirectory(folder);
        var manifest = Path.Combine(folder, "Empty.psd1");
        File.WriteAllText(manifest, "@{ ModuleVersion = '1.0.0' }");
        return manifest;
    }

    private static double MedianOf(List<ChildReport> reports, string name)
    {
        var values = reports.Select(r => r.Number(name)).OrderBy(v => v).ToList();
        return values[values.Count / 2];
    }
}

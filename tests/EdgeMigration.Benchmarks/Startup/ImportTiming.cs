using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using EdgeMigration.Benchmarks.Engine;
using EdgeMigration.Tests;

namespace EdgeMigration.Benchmarks.Startup;

/// <summary>
/// <c>import</c>: in fresh processes, the time from an open runspace to the first finished conversion
/// (Import-Module, then ConvertTo-GpuEdgeManifest of the sample to a file), minus the time the same engine
/// takes to run two empty commands. Also lists the assemblies import and the first conversion load, and, for
/// reference, what importing a module with nothing in it costs the same engine (PowerShell's own share of an import).
/// </summary>
public static class ImportTiming
{
    public const string ChildMode = "import-probe";

    private const string WithModule = "module";
    private const string Idle = "idle";
    private const string EmptyModule = "empty";
    private const int Rounds = 11;

    public static void Run()
    {
        var module = new List<ChildReport>();
        var idle = new List<ChildReport>();
        var empty = new List<ChildReport>();
        for (var round = 0; round < Rounds; round++)
        {
            module.Add(ChildReport.Parse(ChildProcess.Run(ChildMode, WithModule)));
            idle.Add(ChildReport.Parse(ChildProcess.Run(ChildMode, Idle)));
            empty.Add(ChildReport.Parse(ChildProcess.Run(ChildMode, EmptyModule)));
        }
        var importMs = Median(module, "firstMs") - Median(idle, "firstMs");
        var totalMs = Median(module, "totalMs") - Median(idle, "totalMs");
        Console.WriteLine($"Medians of {Rounds} fresh processes each (ms):");
        Console.WriteLine($"  engine doing nothing: first command {Median(idle, "firstMs"):0.0}, both commands {Median(idle, "totalMs"):0.0}");
        Console.WriteLine($"  Import-Module, then first conversion: import {Median(module, "firstMs"):0.0}, both {Median(module, "totalMs"):0.0}");
        Console.WriteLine($"Added by the module: import {importMs:0.0} ms, import + first conversion {totalMs:0.0} ms (target < 150 ms)");
        Console.WriteLine($"For reference, Import-Module of a module with nothing in it adds {Median(empty, "firstMs") - Median(idle, "firstMs"):0.0} ms");
        Console.WriteLine($"Assemblies loaded by Import-Module: {module[0].Text("loadedByImport")}");
        Console.WriteLine($"Assemblies loaded by the first conversion: {module[0].Text("loadedByConversion")}");
    }

    /// <summary>In the child process: open the engine, then time the two commands of <paramref name="mode"/>.</summary>
    public static void Probe(string mode)
    {
        var target = Path.Combine(Path.GetTempPath(), $"edgemigration-import-{Environment.ProcessId}.json");
        using var engine = new HostedEngine();
        var manifest = mode == WithModule ? TestPaths.ModuleManifest : EmptyModuleManifest();
        var initial = LoadedAssemblies();
        var stopwatch = Stopwatch.StartNew();
        if (mode == Idle)
        {
            engine.Run("$null = $null");
        }
        else
        {
            engine.Run("Import-Module $module -ErrorAction Stop", new Dictionary<string, object> { ["module"] = manifest });
        }
        var firstMs = stopwatch.Elapsed.TotalMilliseconds;
        var afterImport = LoadedAssemblies();
        if (mode == WithModule)
        {
            engine.Run("$null = ConvertTo-GpuEdgeManifest -LiteralPath $in -OutFile $target -Force -WarningAction SilentlyContinue",
                new Dictionary<string, object> { ["in"] = Path.Combine(TestPaths.Samples, "fpga-deployment.json"), ["target"] = target });
        }
        else
        {
            engine.Run("$null = $null");
        }
        var totalMs = stopwatch.Elapsed.TotalMilliseconds;
        File.Delete(target);
        ChildReport.Write("firstMs", firstMs);
        ChildReport.Write("totalMs", totalMs);
        ChildReport.Write("loadedByImport", string.Join(", ", afterImport.Except(initial).OrderBy(n => n, StringComparer.Ordinal)));
        ChildReport.Write("loadedByConversion", string.Join(", ", LoadedAssemblies().Except(afterImport).OrderBy(n => n, StringComparer.Ordinal)));
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

    private static HashSet<string> LoadedAssemblies() =>
        AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? "").ToHashSet(StringComparer.Ordinal);

    private static double Median(List<ChildReport> reports, string name)
    {
        var values = reports.Select(r => r.Number(name)).OrderBy(v => v).ToList();
        return values[values.Count / 2];
    }
}

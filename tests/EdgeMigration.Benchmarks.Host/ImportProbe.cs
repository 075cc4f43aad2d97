using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime;

namespace EdgeMigration.Benchmarks.Host;

/// <summary>
/// Times two commands in an engine that has just opened: Import-Module, then the first conversion (<c>module</c>);
/// Import-Module of a module with nothing in it, then an empty command (<c>empty</c>); two empty commands (<c>idle</c>).
/// Also reports the methods the JIT compiled meanwhile and the assemblies each command loaded.
/// </summary>
public static class ImportProbe
{
    public static void Run(string mode, string module, string manifest, string target)
    {
        using var engine = new HostedEngine();
        var initial = LoadedAssemblies();
        var jittedBefore = JitInfo.GetCompiledMethodCount();
        var jitTimeBefore = JitInfo.GetCompilationTime();
        var stopwatch = Stopwatch.StartNew();
        engine.Run(mode == "idle" ? "$null = $null" : "Import-Module $module -ErrorAction Stop", new Dictionary<string, object> { ["module"] = module });
        var firstMs = stopwatch.Elapsed.TotalMilliseconds;
        var afterImport = LoadedAssemblies();
        engine.Run(mode == "module" ? "$null = ConvertTo-GpuEdgeManifest -LiteralPath $in -OutFile $target -Force -WarningAction SilentlyContinue" : "$null = $null",
            new Dictionary<string, object> { ["in"] = manifest, ["target"] = target });
        var totalMs = stopwatch.Elapsed.TotalMilliseconds;
        Report.Write("jitted", JitInfo.GetCompiledMethodCount() - jittedBefore);
        Report.Write("jitMs", (JitInfo.GetCompilationTime() - jitTimeBefore).TotalMilliseconds);
        File.Delete(target);
        Report.Write("firstMs", firstMs);
        Report.Write("totalMs", totalMs);
        Report.Write("loadedByImport", string.Join(", ", afterImport.Except(initial).OrderBy(n => n, StringComparer.Ordinal)));
        Report.Write("loadedByConversion", string.Join(", ", LoadedAssemblies().Except(afterImport).OrderBy(n => n, StringComparer.Ordinal)));
    }

    private static HashSet<string> LoadedAssemblies() =>
        AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? "").ToHashSet(StringComparer.Ordinal);
}

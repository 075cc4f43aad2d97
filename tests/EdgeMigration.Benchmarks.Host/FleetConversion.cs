using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace EdgeMigration.Benchmarks.Host;

/// <summary>Opens the engine, imports the module and converts a folder of manifests into another, as a runbook does.</summary>
public static class FleetConversion
{
    /// <summary>
    /// What a runbook converting a folder writes: the files; the result objects are not kept. Out-Null discards each
    /// one as it comes; <c>$null = …</c> would first collect all of them (and their documents) into one array.
    /// </summary>
    private const string ConvertFolder =
        "[IO.DirectoryInfo]::new($in).GetFiles('*.json') | ConvertTo-GpuEdgeManifest -Destination $out -WarningAction SilentlyContinue | Out-Null";

    public static void Run(string module, string input, string output)
    {
        using var engine = new HostedEngine();
        engine.Run("Import-Module $module -ErrorAction Stop", new Dictionary<string, object> { ["module"] = module });
        Report.Write("peakAfterImportMB", Report.PeakMegabytes());
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        engine.Run(ConvertFolder, new Dictionary<string, object> { ["in"] = input, ["out"] = output });
        stopwatch.Stop();
        process.Refresh();
        var expected = Directory.GetFiles(input, "*.json").Length;
        var written = Directory.GetFiles(output, "*.json").Length;
        if (written != expected)
        {
            throw new InvalidOperationException($"{written} of {expected} manifests were written.");
        }
        Report.Write("seconds", stopwatch.Elapsed.TotalSeconds);
        Report.Write("cpuSeconds", (process.TotalProcessorTime - cpu).TotalSeconds);
        Report.Write("peakMB", Report.PeakMegabytes());
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using EdgeMigration.Benchmarks.Engine;

namespace EdgeMigration.Benchmarks.Fleet;

/// <summary>
/// <c>fleet N [M …]</c>: N manifests from files on disk to files on disk through ConvertTo-GpuEdgeManifest in the
/// hosted engine, in a fresh host process per count (<see cref="BenchmarkHost"/>), reporting manifests per second, CPU
/// time and the process's peak working set.
/// </summary>
public static class FleetRun
{
    public static void Run(IEnumerable<int> counts, BenchmarkHost host, string module)
    {
        // Every fleet is generated before any is timed, and every output is deleted after all are timed: the timed runs
        // then follow no burst of writes or deletions of their own (on a journal-less ext4, creating files soon after
        // deleting many is slower).
        var runs = counts.Select(count => (Count: count, Folder: Path.Combine(Path.GetTempPath(), $"edgemigration-fleet-{count}"))).ToList();
        runs.ForEach(run => PrepareInput(Path.Combine(run.Folder, "in"), run.Count));
        Console.WriteLine($"{host.Description}; module {module}");
        var outputs = new List<string>();
        foreach (var (count, folder) in runs)
        {
            var output = Path.Combine(folder, $"out-{Environment.ProcessId}");
            outputs.Add(output);
            var report = host.Run("fleet", module, Path.Combine(folder, "in"), output);
            var seconds = report.Number("seconds");
            Console.WriteLine($"{count} manifests converted in {seconds:0.00} s: {count / seconds:0} manifests/s " +
                $"(CPU {report.Number("cpuSeconds"):0.00} s, {report.Number("cpuSeconds") * 1e6 / count:0} us per manifest)");
            Console.WriteLine($"  peak working set: {report.Number("peakMB"):0} MB (engine open and module imported: {report.Number("peakAfterImportMB"):0} MB)");
        }
        outputs.ForEach(output => Directory.Delete(output, recursive: true));
    }

    /// <summary>The fleet of <paramref name="count"/> manifests in <paramref name="input"/>, generated once and kept (the seed makes it the same every time).</summary>
    private static void PrepareInput(string input, int count)
    {
        var marker = Path.Combine(input, ".generated");
        var expected = $"seed {FleetGenerator.Seed}, {count} manifests, generator {FleetGenerator.Version}";
        if (File.Exists(marker) && File.ReadAllText(marker) == expected)
        {
            Console.WriteLine($"Using the {count} manifests in {input}");
            return;
        }
        Console.WriteLine($"Generating {count} manifests (seed {FleetGenerator.Seed}) into {input}…");
        FleetGenerator.Generate(input, count);
        File.WriteAllText(marker, expected);
    }
}

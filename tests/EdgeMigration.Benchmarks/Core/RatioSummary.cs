using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Reports;
using EdgeMigration.Benchmarks.Inputs;

namespace EdgeMigration.Benchmarks.Core;

/// <summary>After the BenchmarkDotNet run: each core's time and allocations as a multiple of the floor's, against the targets.</summary>
public static class RatioSummary
{
    /// <summary>The targets, on the large manifest: conversion within 2× the floor's time, check within 1.5×, allocations within 3×.</summary>
    private const double ConvertTimeTarget = 2.0;
    private const double CheckTimeTarget = 1.5;
    private const double AllocationTarget = 3.0;

    public static void Print(Summary summary)
    {
        var measured = summary.Reports
            .Where(r => r.ResultStatistics is not null)
            .ToDictionary(r => (Input: (string)r.BenchmarkCase.Parameters["Input"], Method: r.BenchmarkCase.Descriptor.WorkloadMethod.Name),
                r => new Measurement(r.ResultStatistics!.Mean, r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) ?? 0));
        Console.WriteLine();
        Console.WriteLine("Ratios to the floor (a = JsonDocument parse + createOptions parse + write both):");
        Console.WriteLine($"{"input",-8} {"a: time",10} {"a: alloc",10} {"parse/a",8} {"b/a time",9} {"b/a alloc",10} {"c/a time",9} {"c/a alloc",10}");
        foreach (var input in ManifestInputs.All)
        {
            if (!measured.TryGetValue((input, ManifestBenchmarks.FloorMethod), out var floor))
            {
                continue;
            }
            Console.WriteLine($"{input,-8} {Micros(floor.Nanoseconds),10} {Kilobytes(floor.Bytes),10} " +
                $"{Ratio(measured, input, ManifestBenchmarks.ParseMethod, floor, time: true),8} " +
                $"{Ratio(measured, input, ManifestBenchmarks.CheckMethod, floor, time: true),9} {Ratio(measured, input, ManifestBenchmarks.CheckMethod, floor, time: false),10} " +
                $"{Ratio(measured, input, ManifestBenchmarks.ConvertMethod, floor, time: true),9} {Ratio(measured, input, ManifestBenchmarks.ConvertMethod, floor, time: false),10}");
        }
        if (measured.TryGetValue((ManifestInputs.Large, ManifestBenchmarks.FloorMethod), out var large))
        {
            Console.WriteLine();
            Target(measured, large, ManifestBenchmarks.CheckMethod, CheckTimeTarget);
            Target(measured, large, ManifestBenchmarks.ConvertMethod, ConvertTimeTarget);
            Budget(measured, large);
        }
    }

    private static void Target(Dictionary<(string Input, string Method), Measurement> measured, Measurement floor, string method, double timeTarget)
    {
        if (!measured.TryGetValue((ManifestInputs.Large, method), out var core))
        {
            return;
        }
        var time = core.Nanoseconds / floor.Nanoseconds;
        var bytes = (double)core.Bytes / floor.Bytes;
        Console.WriteLine($"large {method}: time {time:0.00}x (target {timeTarget}x: {Verdict(time, timeTarget)}), " +
            $"allocated {bytes:0.00}x (target {AllocationTarget}x: {Verdict(bytes, AllocationTarget)})");
    }

    /// <summary>How much of each time target the module's parse, which both cores begin with, leaves for their own work.</summary>
    private static void Budget(Dictionary<(string Input, string Method), Measurement> measured, Measurement floor)
    {
        if (!measured.TryGetValue((ManifestInputs.Large, ManifestBenchmarks.ParseMethod), out var parse))
        {
            return;
        }
        var share = parse.Nanoseconds / floor.Nanoseconds;
        Console.WriteLine($"large Parse (the module's reading, which both begin with): {share:0.00}x, leaving {CheckTimeTarget - share:0.00}x " +
            $"for the check's rules and {ConvertTimeTarget - share:0.00}x for the conversion's fixes, check of the result and writing");
    }

    private static string Ratio(Dictionary<(string Input, string Method), Measurement> measured, string input, string method, Measurement floor, bool time) =>
        measured.TryGetValue((input, method), out var core)
            ? (time ? core.Nanoseconds / floor.Nanoseconds : (double)core.Bytes / floor.Bytes).ToString("0.00", CultureInfo.InvariantCulture) + "x"
            : "-";

    private static string Verdict(double ratio, double target) => ratio <= target ? "met" : "MISSED";

    private static string Micros(double nanoseconds) => (nanoseconds / 1000).ToString("0.0", CultureInfo.InvariantCulture) + " us";

    private readonly record struct Measurement(double Nanoseconds, long Bytes);

    private static string Kilobytes(long bytes) => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KB";
}

using System;
using System.Diagnostics;
using System.Globalization;

namespace EdgeMigration.Benchmarks.Host;

/// <summary>What this process measured, as <c>name=value</c> lines the benchmark reads back.</summary>
public static class Report
{
    public static void Write(string name, double value) => Console.WriteLine(name + "=" + value.ToString("R", CultureInfo.InvariantCulture));

    public static void Write(string name, string value) => Console.WriteLine(name + "=" + value);

    /// <summary>The process's peak working set so far (on Linux, VmHWM of /proc/self/status), in MB.</summary>
    public static double PeakMegabytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / (1024.0 * 1024.0);
    }
}

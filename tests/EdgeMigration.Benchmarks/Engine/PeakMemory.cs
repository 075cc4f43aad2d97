using System.Diagnostics;

namespace EdgeMigration.Benchmarks.Engine;

/// <summary>The process's peak working set so far (on Linux, VmHWM of /proc/self/status), in MB.</summary>
public static class PeakMemory
{
    public static double Megabytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / (1024.0 * 1024.0);
    }
}

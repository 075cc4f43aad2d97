using System.Globalization;

namespace EdgeMigration.Core.Rules.Resources;

/// <summary>Docker's memory and CPU numbers as Kubernetes resource quantities (read back with <see cref="ParsedQuantity"/>).</summary>
public static class KubernetesQuantity
{
    private static readonly string[] BinarySuffixes = { "Ki", "Mi", "Gi", "Ti" };

    /// <summary>Bytes with the largest binary suffix that divides them exactly (268435456 → "256Mi"); otherwise the plain number.</summary>
    public static string FromBytes(long bytes)
    {
        var value = bytes;
        var suffix = "";
        foreach (var next in BinarySuffixes)
        {
            if (value == 0 || value % 1024 != 0)
            {
                break;
            }
            value /= 1024;
            suffix = next;
        }
        return value.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    /// <summary>
    /// CPUs given in billionths (Docker's NanoCpus) as whole CPUs ("2") or millicores ("1500m"). Kubernetes allows no
    /// precision finer than 1m, so a remainder rounds up to the next millicore and <paramref name="exact"/> is false.
    /// </summary>
    public static string FromNanoCpus(long nanoCpus, out bool exact) => FromMillicores(nanoCpus, 1_000_000, out exact);

    /// <summary>Docker's CpuQuota per CpuPeriod (both microseconds) as CPUs: 150000/100000 → "1500m".</summary>
    public static string FromCpuQuota(long quota, long period, out bool exact) => FromMillicores(quota * 1000, period, out exact);

    private static string FromMillicores(long numerator, long denominatorPerMillicore, out bool exact)
    {
        var millicores = numerator / denominatorPerMillicore;
        exact = numerator % denominatorPerMillicore == 0;
        if (!exact)
        {
            millicores++;
        }
        return millicores % 1000 == 0
            ? (millicores / 1000).ToString(CultureInfo.InvariantCulture)
            : millicores.ToString(CultureInfo.InvariantCulture) + "m";
    }
}

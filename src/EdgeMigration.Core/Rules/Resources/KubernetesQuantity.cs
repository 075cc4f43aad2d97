using System.Globalization;
using EdgeMigration.Core.Json;

namespace EdgeMigration.Core.Rules.Resources;

/// <summary>Docker's memory and CPU numbers as Kubernetes resource quantities, and quantities read back for comparison.</summary>
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

    /// <summary>
    /// The value of a quantity ("128Mi" → 134217728, "500m" → 0.5, "1e3" → 1000), or null when it is not one this reader
    /// knows: around white space, a sign, digits with a decimal point (at least one digit), then one of the suffixes, a
    /// decimal exponent (e or E and a signed integer, as Kubernetes' quantity grammar allows), or none.
    /// </summary>
    public static decimal? Parse(string text)
    {
        var quantity = text.Trim();
        var end = quantity.Length > 0 && quantity[0] is '+' or '-' ? 1 : 0;
        var digits = 0;
        var point = false;
        for (; end < quantity.Length && (Ascii.IsDigit(quantity[end]) || (quantity[end] == '.' && !point)); end++)
        {
            point |= quantity[end] == '.';
            digits += quantity[end] == '.' ? 0 : 1;
        }
        var suffix = quantity.Substring(end);
        var multiplier = suffix.Length == 0 ? 1m : Multiplier(suffix) is var named && named != 1m ? named : Exponent(suffix);
        if (digits == 0 || multiplier is null ||
            !decimal.TryParse(quantity.Substring(0, end), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }
        try
        {
            return number * multiplier.Value;
        }
        catch (System.OverflowException)
        {
            return null;
        }
    }

    /// <summary>10 to the power a decimal exponent gives ("e3", "E-2"), or null for any other suffix ("E" alone is exa).</summary>
    private static decimal? Exponent(string suffix)
    {
        if (suffix.Length < 2 || suffix[0] is not ('e' or 'E') ||
            !int.TryParse(suffix.Substring(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var power) ||
            power is < -28 or > 28)
        {
            return null;
        }
        var value = 1m;
        for (var i = 0; i < System.Math.Abs(power); i++)
        {
            value = power > 0 ? value * 10 : value / 10;
        }
        return value;
    }

    /// <summary>The value of a quantity as a manifest gives it, a JSON number (<c>2</c>) or a string (<c>"2"</c>, <c>"500m"</c>); null for anything else.</summary>
    public static decimal? Of(JNode value) => value switch
    {
        JValue { Kind: JValueKind.Number } number when number.TryGetDecimal(out var written) => written,
        JValue { IsString: true } text => Parse(text.Text),
        _ => null,
    };

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

    private static decimal Multiplier(string suffix) => suffix switch
    {
        "Ki" => 1024m,
        "Mi" => 1024m * 1024,
        "Gi" => 1024m * 1024 * 1024,
        "Ti" => 1024m * 1024 * 1024 * 1024,
        "Pi" => 1024m * 1024 * 1024 * 1024 * 1024,
        "Ei" => 1024m * 1024 * 1024 * 1024 * 1024 * 1024,
        "n" => 0.000000001m,
        "u" => 0.000001m,
        "m" => 0.001m,
        "k" => 1e3m,
        "M" => 1e6m,
        "G" => 1e9m,
        "T" => 1e12m,
        "P" => 1e15m,
        "E" => 1e18m,
        _ => 1m,   // no suffix; Parse refuses any other
    };
}

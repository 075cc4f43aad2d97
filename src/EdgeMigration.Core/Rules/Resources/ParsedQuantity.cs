using System;
using System.Globalization;
using EdgeMigration.Core.Json;

namespace EdgeMigration.Core.Rules.Resources;

/// <summary>How a quantity's suffix was written, which its canonical text keeps (Kubernetes resource.Format).</summary>
public enum QuantityFormat
{
    /// <summary>No suffix or a decimal one: 2, 500m, 1G.</summary>
    DecimalSI,

    /// <summary>A binary suffix: 128Mi.</summary>
    BinarySI,

    /// <summary>A decimal exponent: 1e3.</summary>
    DecimalExponent,
}

/// <summary>
/// A Kubernetes resource quantity as the API server reads it (resource.ParseQuantity): its exact value whatever the
/// exponent ("1e30" and "1000E" are far beyond System.Decimal, and quantities all the same), rounded up to a whole
/// nano unit, a binary one capped at 2^63-1 as Kubernetes caps it; and the form of its suffix. Compared by value ("0.5"
/// equals "500m", "1Gi" is above "1000Mi"); written in Kubernetes' canonical form, the one its messages quote.
/// </summary>
public readonly struct ParsedQuantity : IEquatable<ParsedQuantity>, IComparable<ParsedQuantity>
{
    /// <summary>Kubernetes keeps no precision finer than 1n: 10^-9.</summary>
    private const long NanoExponent = -9;

    /// <summary>2^63-1, where Kubernetes caps a binary quantity.</summary>
    private const string BinaryCap = "9223372036854775807";

    /// <summary>The decimal suffixes from 10^-9 to 10^18, one for each third power of ten.</summary>
    private static readonly string[] DecimalSuffixes = { "n", "u", "m", "", "k", "M", "G", "T", "P", "E" };

    /// <summary>The binary suffixes, one for each power of 1024.</summary>
    private static readonly string[] BinarySuffixes = { "", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei" };

    private readonly string? _digits;

    private ParsedQuantity(int sign, (string Digits, long Exponent) magnitude, QuantityFormat format)
    {
        Sign = magnitude.Digits.Length == 0 ? 0 : sign;
        _digits = magnitude.Digits;
        Exponent = magnitude.Exponent;
        Format = format;
    }

    /// <summary>-1, 0 or 1.</summary>
    public int Sign { get; }

    public QuantityFormat Format { get; }

    /// <summary>True for a whole number (0, 2, 1Ki, 1e30); false for 0.5 or 1500m.</summary>
    public bool IsWhole => Exponent >= 0;

    /// <summary>The significant digits of the magnitude (no leading or trailing zeros; empty for zero).</summary>
    internal string Digits => _digits ?? "";

    /// <summary>The power of ten <see cref="Digits"/> stand at: the magnitude is Digits × 10^Exponent.</summary>
    internal long Exponent { get; }

    /// <summary>The quantity rounded up to a whole number, as Kubernetes' Value() gives it; null beyond 18 digits, which a long may not hold.</summary>
    internal long? WholeValue
    {
        get
        {
            if (Digits.Length + Exponent > 18)
            {
                return null;
            }
            // At most 18 whole digits and 9 fractional ones (quantities are kept to 1n): within a decimal's 28.
            var value = Digits.Length == 0 ? 0m : decimal.Parse(Digits, CultureInfo.InvariantCulture);
            for (var power = Exponent; power != 0; power += power > 0 ? -1 : 1)
            {
                value = power > 0 ? value * 10 : value / 10;
            }
            return (long)Math.Ceiling(Sign * value);
        }
    }

    /// <summary>
    /// The quantity a text holds, or null when it is none: around white space, a sign, digits with a decimal point (at
    /// least one digit), then a suffix (n u m k M G T P E, Ki Mi Gi Ti Pi Ei), a decimal exponent (e or E and a signed
    /// integer), or none.
    /// </summary>
    public static ParsedQuantity? Parse(string text)
    {
        var quantity = text.Trim();
        var start = quantity.Length > 0 && quantity[0] is '+' or '-' ? 1 : 0;
        var point = -1;
        var end = start;
        for (; end < quantity.Length && (Ascii.IsDigit(quantity[end]) || (quantity[end] == '.' && point < 0)); end++)
        {
            point = quantity[end] == '.' ? end : point;
        }
        var fractionDigits = point < 0 ? 0 : end - point - 1;
        if (end - start - (point < 0 ? 0 : 1) == 0 || !TryReadSuffix(quantity.Substring(end), out var format, out var power))
        {
            return null;
        }
        var digits = point < 0 ? quantity.Substring(start, end - start) : quantity.Substring(start, point - start) + quantity.Substring(point + 1, fractionDigits);
        var magnitude = DecimalDigits.Normalize(digits, (format == QuantityFormat.BinarySI ? 0 : power) - (long)fractionDigits);
        if (format == QuantityFormat.BinarySI)
        {
            for (var i = 0; i < power; i++)
            {
                magnitude.Digits = DecimalDigits.Multiply(magnitude.Digits, 1024);
            }
            magnitude = DecimalDigits.Normalize(magnitude.Digits, magnitude.Exponent);
        }
        // As ParseQuantity does: rounded up on the magnitude (whatever is asked for, some is given), then a binary one capped.
        magnitude = DecimalDigits.RoundUp(magnitude.Digits, magnitude.Exponent, NanoExponent);
        if (format == QuantityFormat.BinarySI && DecimalDigits.Compare(magnitude.Digits, magnitude.Exponent, BinaryCap, 0) > 0)
        {
            magnitude = (BinaryCap, 0);
        }
        return new ParsedQuantity(quantity[0] == '-' ? -1 : 1, magnitude, format);
    }

    /// <summary>The quantity a manifest gives, a JSON number (<c>2</c>, <c>1e30</c>) or a string (<c>"2"</c>, <c>"500m"</c>); null for anything else.</summary>
    public static ParsedQuantity? Of(JNode value) =>
        value is JValue { Kind: JValueKind.Number } or JValue { IsString: true } ? Parse(((JValue)value).Text) : null;

    public int CompareTo(ParsedQuantity other) =>
        Sign != other.Sign ? Sign.CompareTo(other.Sign) : Sign * DecimalDigits.Compare(Digits, Exponent, other.Digits, other.Exponent);

    public bool Equals(ParsedQuantity other) => Sign == other.Sign && Exponent == other.Exponent && Digits == other.Digits;

    public override bool Equals(object? obj) => obj is ParsedQuantity other && Equals(other);

    public override int GetHashCode() => (Digits.GetHashCode() * 31 + Exponent.GetHashCode()) * 3 + Sign;

    /// <summary>
    /// Kubernetes' canonical form (Quantity.String), which the API server's messages quote: the suffix's form kept, no
    /// fractional digits, the largest suffix that loses nothing ("0.5" is 500m, "1024Mi" is 1Gi, "1000" is 1k, "1.5e3"
    /// is 1500). A binary quantity below 1024 or not whole is written in decimal. Beyond E (10^18), where a
    /// decimal suffix is lacking, the exponent form (1e21): Kubernetes 1.27 dropped the power there and wrote "1".
    /// </summary>
    public override string ToString()
    {
        if (Sign == 0)
        {
            return "0";
        }
        var sign = Sign < 0 ? "-" : "";
        if (Format == QuantityFormat.BinarySI && IsWhole && DecimalDigits.Compare(Digits, Exponent, "1024", 0) >= 0)
        {
            // Capped at 2^63-1, so a long holds it.
            var value = long.Parse(Digits + new string('0', (int)Exponent), CultureInfo.InvariantCulture);
            var power = 0;
            for (; value % 1024 == 0; value /= 1024)
            {
                power++;
            }
            return sign + value.ToString(CultureInfo.InvariantCulture) + BinarySuffixes[power];
        }
        // The exponent down to a multiple of three, the digits padded to make up for it.
        var padding = (int)((Exponent % 3 + 3) % 3);
        var exponent = Exponent - padding;
        var suffix = Format != QuantityFormat.DecimalExponent && exponent <= 18 ? DecimalSuffixes[(exponent + 9) / 3]
            : exponent == 0 ? ""
            : "e" + exponent.ToString(CultureInfo.InvariantCulture);
        return sign + Digits + new string('0', padding) + suffix;
    }

    public static bool operator ==(ParsedQuantity left, ParsedQuantity right) => left.Equals(right);

    public static bool operator !=(ParsedQuantity left, ParsedQuantity right) => !left.Equals(right);

    public static bool operator <(ParsedQuantity left, ParsedQuantity right) => left.CompareTo(right) < 0;

    public static bool operator >(ParsedQuantity left, ParsedQuantity right) => left.CompareTo(right) > 0;

    public static bool operator <=(ParsedQuantity left, ParsedQuantity right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ParsedQuantity left, ParsedQuantity right) => left.CompareTo(right) >= 0;

    /// <summary>
    /// The form and power a suffix stands for: a power of ten for a decimal suffix or exponent, of 1024 for a binary
    /// suffix. False for any other ("e" alone; "E" alone is exa).
    /// </summary>
    private static bool TryReadSuffix(string suffix, out QuantityFormat format, out int power)
    {
        var decimalAt = Array.IndexOf(DecimalSuffixes, suffix);
        var binaryAt = Array.IndexOf(BinarySuffixes, suffix);
        if (decimalAt >= 0 || binaryAt >= 0)
        {
            format = decimalAt >= 0 ? QuantityFormat.DecimalSI : QuantityFormat.BinarySI;
            power = decimalAt >= 0 ? decimalAt * 3 - 9 : binaryAt;
            return true;
        }
        format = QuantityFormat.DecimalExponent;
        power = 0;
        return suffix.Length > 1 && suffix[0] is 'e' or 'E' &&
            int.TryParse(suffix.Substring(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out power);
    }
}

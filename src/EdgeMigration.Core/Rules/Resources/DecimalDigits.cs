using System;
using System.Text;

namespace EdgeMigration.Core.Rules.Resources;

/// <summary>
/// Arithmetic on a non-negative number written as its significant decimal digits and a power of ten (digits × 10^exponent),
/// which is how <see cref="ParsedQuantity"/> holds a quantity: any exponent, every digit kept, and each step linear in
/// the digits (a manifest of 16 MiB may hold a quantity of millions of digits, which BigInteger parses in quadratic time).
/// </summary>
internal static class DecimalDigits
{
    /// <summary>The digits without leading zeros, and trailing zeros moved into the exponent; zero is ("", 0).</summary>
    public static (string Digits, long Exponent) Normalize(string digits, long exponent)
    {
        var first = 0;
        while (first < digits.Length && digits[first] == '0')
        {
            first++;
        }
        var end = digits.Length;
        while (end > first && digits[end - 1] == '0')
        {
            end--;
        }
        return end == first ? ("", 0) : (digits.Substring(first, end - first), exponent + (digits.Length - end));
    }

    /// <summary>The digits times a small factor (1024), without leading zeros.</summary>
    public static string Multiply(string digits, int factor)
    {
        var product = new char[digits.Length + 4];
        long carry = 0;
        var at = product.Length;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            carry += (long)(digits[i] - '0') * factor;
            product[--at] = (char)('0' + carry % 10);
            carry /= 10;
        }
        for (; carry > 0; carry /= 10)
        {
            product[--at] = (char)('0' + carry % 10);
        }
        return new string(product, at, product.Length - at);
    }

    /// <summary>The digits plus one in their last place ("199" → "200").</summary>
    public static string Increment(string digits)
    {
        var sum = new StringBuilder(digits);
        var at = sum.Length - 1;
        for (; at >= 0 && sum[at] == '9'; at--)
        {
            sum[at] = '0';
        }
        if (at < 0)
        {
            sum.Insert(0, '1');
        }
        else
        {
            sum[at]++;
        }
        return sum.ToString();
    }

    /// <summary>
    /// Rounds a normalized number up (away from zero) to a multiple of 10^<paramref name="exponent"/>: one that is not
    /// becomes the next, however little it lacks, and one below that unit becomes the unit.
    /// </summary>
    public static (string Digits, long Exponent) RoundUp(string digits, long exponent, long unitExponent)
    {
        if (digits.Length == 0 || exponent >= unitExponent)
        {
            return (digits, exponent);
        }
        var dropped = unitExponent - exponent;
        // Normalized digits end in a non-zero one, so whatever is dropped is more than nothing.
        return dropped >= digits.Length
            ? ("1", unitExponent)
            : Normalize(Increment(digits.Substring(0, digits.Length - (int)dropped)), unitExponent);
    }

    /// <summary>How two normalized numbers compare: by the place of their first digit, then digit by digit.</summary>
    public static int Compare(string digits, long exponent, string otherDigits, long otherExponent)
    {
        if (digits.Length == 0 || otherDigits.Length == 0)
        {
            return digits.Length.CompareTo(otherDigits.Length);
        }
        var place = digits.Length + exponent;
        var otherPlace = otherDigits.Length + otherExponent;
        // Of two with the first digit in the same place, the longer is the larger where one begins with the other: its further digits end in a non-zero one.
        return place != otherPlace ? place.CompareTo(otherPlace) : Math.Sign(string.CompareOrdinal(digits, otherDigits));
    }
}

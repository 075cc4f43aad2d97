using System.Diagnostics;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Rules.Resources;
using Xunit;

namespace EdgeMigration.Tests.Rules;

public class ParsedQuantityTests
{
    /// <summary>The exact value read, as digits and a power of ten ("15e-1" is 1.5).</summary>
    private static string? Exact(string text) => ParsedQuantity.Parse(text) is { } quantity ? Exact(quantity) : null;

    private static string Exact(ParsedQuantity quantity) =>
        quantity.Sign == 0 ? "0" : (quantity.Sign < 0 ? "-" : "") + quantity.Digits + "e" + quantity.Exponent;

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("1.5", 2L)]
    [InlineData("1n", 1L)]
    [InlineData("2Mi", 2097152L)]
    [InlineData("1500m", 2L)]
    [InlineData("-1.5", -1L)]
    [InlineData("1e17", 100000000000000000L)]
    [InlineData("1e18", null)]
    [InlineData("1e19", null)]
    [InlineData("100E", null)]
    public void WholeValueRoundsUpAsKubernetesValueDoesWithinALong(string text, long? value) =>
        Assert.Equal(value, ParsedQuantity.Parse(text)!.Value.WholeValue);

    [Theory]
    [InlineData("128Mi", "134217728e0")]
    [InlineData("500m", "5e-1")]
    [InlineData("1.5Gi", "1610612736e0")]
    [InlineData("2", "2e0")]
    [InlineData(" 2 ", "2e0")]
    [InlineData("+2", "2e0")]
    [InlineData("-1.5", "-15e-1")]
    [InlineData("00120.500", "1205e-1")]
    [InlineData("1k", "1e3")]
    [InlineData("268435456", "268435456e0")]
    [InlineData("1e3", "1e3")]
    [InlineData("1.5E6", "15e5")]
    [InlineData("2e-3", "2e-3")]
    [InlineData("1e+2", "1e2")]
    [InlineData("1E", "1e18")]
    [InlineData("5.", "5e0")]
    [InlineData(".5", "5e-1")]
    [InlineData("0", "0")]
    [InlineData("-0.000", "0")]
    [InlineData("0Mi", "0")]
    public void ParseReadsTheExactValue(string text, string exact) => Assert.Equal(exact, Exact(text));

    [Theory]
    [InlineData("1e30", "1e30")]
    [InlineData("100E", "1e20")]
    [InlineData("1000000000000E", "1e30")]
    [InlineData("1e99", "1e99")]
    [InlineData("123456789012345678901234567890123", "123456789012345678901234567890123e0")]
    [InlineData("1e2147483647", "1e2147483647")]
    public void QuantitiesBeyondSystemDecimalAreReadExactly(string text, string exact) => Assert.Equal(exact, Exact(text));

    [Theory]
    // Kubernetes keeps nothing finer than 1n: more precision is rounded up, never down to zero.
    [InlineData("0.1n", "1e-9")]
    [InlineData("1e-30", "1e-9")]
    [InlineData("1e-2147483648", "1e-9")]
    [InlineData("1.0000000001", "1000000001e-9")]
    [InlineData("0.9999999999", "1e0")]
    [InlineData("-0.1n", "-1e-9")]
    // A binary quantity is capped at 2^63-1; 7Ei is below it, 8Ei (2^63) and more are not.
    [InlineData("7Ei", "8070450532247928832e0")]
    [InlineData("8Ei", "9223372036854775807e0")]
    [InlineData("100000Ei", "9223372036854775807e0")]
    [InlineData("-10Ei", "-9223372036854775807e0")]
    public void ParseRoundsAndCapsAsKubernetesDoes(string text, string exact) => Assert.Equal(exact, Exact(text));

    [Theory]
    [InlineData("abc")]
    [InlineData("1e")]
    [InlineData("1e3.5")]
    [InlineData("1ex")]
    [InlineData("1e99999999999")]
    [InlineData("12 Mi")]
    [InlineData("1mi")]
    [InlineData("1..5")]
    [InlineData(".")]
    [InlineData("-")]
    [InlineData("1\u0665")]
    [InlineData("")]
    public void ParseRejectsWhatIsNoQuantity(string text) => Assert.Null(ParsedQuantity.Parse(text));

    [Theory]
    [InlineData("1Gi", "1000Mi", 1)]
    [InlineData("0.5", "500m", 0)]
    [InlineData("1e3", "1k", 0)]
    [InlineData("1Ki", "1024", 0)]
    [InlineData("-1", "0", -1)]
    [InlineData("-2", "-1", -1)]
    [InlineData("1e30", "1e29", 1)]
    [InlineData("1e30", "999999999999999999999999999999", 1)]
    [InlineData("1e30", "1000000000000000000000000000000", 0)]
    [InlineData("100E", "1e20", 0)]
    [InlineData("1e30", "100E", 1)]
    [InlineData("1.5e30", "15e29", 0)]
    [InlineData("1.5e30", "1.50000000000000000000000000000000001e30", -1)]
    [InlineData("-1e30", "1", -1)]
    [InlineData("-1e30", "-1e29", -1)]
    [InlineData("9Ei", "100Ei", 0)]
    [InlineData("1", "0.9999999999", 0)]
    [InlineData("1e-30", "1n", 0)]
    public void QuantitiesCompareByValue(string text, string other, int expected)
    {
        var quantity = ParsedQuantity.Parse(text)!.Value;
        var otherQuantity = ParsedQuantity.Parse(other)!.Value;

        Assert.Equal(expected, quantity.CompareTo(otherQuantity));
        Assert.Equal(-expected, otherQuantity.CompareTo(quantity));
        Assert.Equal(expected == 0, quantity == otherQuantity);
        Assert.Equal(expected > 0, quantity > otherQuantity);
        Assert.Equal(expected < 0, quantity < otherQuantity);
    }

    [Theory]
    [InlineData("2", true)]
    [InlineData("2000m", true)]
    [InlineData("0", true)]
    [InlineData("1e30", true)]
    [InlineData("1.5", false)]
    [InlineData("1500m", false)]
    [InlineData("1e-3", false)]
    [InlineData("1.0000000000000000000000000000001e30", false)]
    public void WholeNumbersAreTold(string text, bool whole) => Assert.Equal(whole, ParsedQuantity.Parse(text)!.Value.IsWhole);

    /// <summary>Kubernetes' Quantity.String(): the form of the suffix kept, no fraction, the largest suffix that loses nothing.</summary>
    [Theory]
    [InlineData("0.5", "500m")]
    [InlineData("1.5", "1500m")]
    [InlineData("500m", "500m")]
    [InlineData("2000m", "2")]
    [InlineData("1000", "1k")]
    [InlineData("1500", "1500")]
    [InlineData("0.1n", "1n")]
    [InlineData("1.5u", "1500n")]
    [InlineData("1000Mi", "1000Mi")]
    [InlineData("1024Mi", "1Gi")]
    [InlineData("1.5Gi", "1536Mi")]
    [InlineData("2048Ki", "2Mi")]
    [InlineData("0.5Ki", "512")]
    [InlineData("1.5Ki", "1536")]
    [InlineData("1.1Ki", "1126400m")]
    [InlineData("1Ei", "1Ei")]
    [InlineData("10Ei", "9223372036854775807")]
    [InlineData("-1Gi", "-1Gi")]
    [InlineData("1e3", "1e3")]
    [InlineData("1E3", "1e3")]
    [InlineData("1.5e3", "1500")]
    [InlineData("0.5e0", "500e-3")]
    [InlineData("1e30", "1e30")]
    [InlineData("100E", "100E")]
    [InlineData("1e18", "1e18")]
    [InlineData("1000000000000000000", "1E")]
    // Beyond E no decimal suffix is left: the exponent form, which Kubernetes 1.27 dropped (writing "1").
    [InlineData("1000E", "1e21")]
    [InlineData("-1.5", "-1500m")]
    [InlineData("0", "0")]
    [InlineData("0Gi", "0")]
    public void TheCanonicalFormIsKubernetes(string text, string canonical) => Assert.Equal(canonical, ParsedQuantity.Parse(text)!.Value.ToString());

    [Theory]
    [InlineData("2", "2e0")]
    [InlineData("\"2\"", "2e0")]
    [InlineData("2.0", "2e0")]
    [InlineData("\" 2 \"", "2e0")]
    [InlineData("\"1500m\"", "15e-1")]
    [InlineData("1e30", "1e30")]
    [InlineData("1.5E+30", "15e29")]
    public void OfReadsNumbersAndQuantityStrings(string json, string exact) =>
        Assert.Equal(exact, Exact(ParsedQuantity.Of(JDocument.Parse(json).Root)!.Value));

    [Theory]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("\"two\"")]
    [InlineData("[2]")]
    public void OfRefusesWhatIsNoQuantity(string json) => Assert.Null(ParsedQuantity.Of(JDocument.Parse(json).Root));

    [Fact]
    public void ConvertedQuantitiesReadBackToTheSameValue()
    {
        Assert.Equal(ParsedQuantity.Parse("268435456"), ParsedQuantity.Parse(KubernetesQuantity.FromBytes(268435456)));
        Assert.Equal(ParsedQuantity.Parse("1.5"), ParsedQuantity.Parse(KubernetesQuantity.FromNanoCpus(1500000000, out _)));
    }

    [Fact]
    public void AQuantityOfMillionsOfDigitsIsReadAndComparedInLinearTime()
    {
        // A 16 MiB manifest can hold one; read as a BigInteger it took minutes.
        var nines = new string('9', 4_000_000);
        var watch = Stopwatch.StartNew();

        var rounded = ParsedQuantity.Parse(nines + ".5n")!.Value;
        var binary = ParsedQuantity.Parse("0." + nines + "Ei")!.Value;

        Assert.Equal(ParsedQuantity.Parse("1" + new string('0', 4_000_000) + "n"), rounded);
        Assert.True(rounded > ParsedQuantity.Parse(nines + "n"));
        // What it lacks of 1Ei is far below 1n, which it is rounded up to.
        Assert.Equal(ParsedQuantity.Parse("1Ei"), binary);
        Assert.InRange(watch.Elapsed.TotalSeconds, 0, 10);
    }
}

using System;
using System.Collections.Specialized;
using System.Numerics;
using EdgeMigration.Core.Manifests;
using Xunit;

namespace EdgeMigration.Tests.Manifests;

/// <summary>The values ConvertFrom-Json makes of a manifest's JSON, written back as ConvertTo-Json writes them.</summary>
public class ObjectGraphTests
{
    [Theory]
    [InlineData(0, DateTimeKind.Utc, "\"2024-01-02T03:04:05Z\"")]
    [InlineData(250, DateTimeKind.Utc, "\"2024-01-02T03:04:05.25Z\"")]
    [InlineData(0, DateTimeKind.Unspecified, "\"2024-01-02T03:04:05\"")]
    public void ADateIsWrittenAsTheStringItWasRead(int milliseconds, DateTimeKind kind, string expected)
    {
        // ConvertFrom-Json turns an ISO date string ("2024-01-02T03:04:05Z") into a DateTime.
        var date = new DateTime(2024, 1, 2, 3, 4, 5, milliseconds, kind);

        Assert.Equal(expected, ObjectGraph.ToNode(date).ToCompactJson());
    }

    [Fact]
    public void AnIntegerBeyondInt64IsANumber()
    {
        var graph = new OrderedDictionary { ["big"] = BigInteger.Parse("12345678901234567890"), ["negative"] = -BigInteger.Parse("98765432109876543210") };

        Assert.Equal("{\"big\":12345678901234567890,\"negative\":-98765432109876543210}", ObjectGraph.ToNode(graph).ToCompactJson());
    }

    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(-2.0, "-2.0")]
    [InlineData(1.5, "1.5")]
    [InlineData(1e-7, "1E-07")]
    [InlineData(1e20, "1E+20")]
    public void ADoubleStaysAFloat(double value, string expected)
    {
        Assert.Equal(expected, ObjectGraph.ToNode(value).ToCompactJson());
    }
}

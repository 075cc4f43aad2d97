using System.Linq;
using System.Text;
using EdgeMigration.Core.Json;
using Xunit;

namespace EdgeMigration.Tests.Json;

public class JsonTreeErrorTests
{
    [Theory]
    [InlineData("{\n  \"a\": 1,\n  <b>\n}", 3, 3)]
    [InlineData("{\"a\": [1, 2}", 1, 12)]
    [InlineData("{\"é\": 1 2}", 1, 9)]
    [InlineData("{\"a\": 1,}", 1, 9)]
    [InlineData("{\"a\": ", 1, 7)]
    public void MalformedJsonReportsLineAndCharacterColumn(string json, int line, int column)
    {
        var error = Assert.Throws<JsonReadException>(() => JDocument.Parse(json));
        Assert.Equal((line, column), ((int)error.Line, (int)error.Column));
        Assert.StartsWith($"Invalid JSON at line {line}, column {column}: ", error.Message);
    }

    [Theory]
    [InlineData("{\"a\": 1,}", "a comma follows an object's last member (a trailing comma, which JSON does not allow here)")]
    [InlineData("{\"a\": [1,]}", "a comma follows an array's last element (a trailing comma, which JSON does not allow here)")]
    [InlineData("// a comment\n", "the text holds no JSON value (only comments or whitespace)")]
    public void ReasonsSpeakOfTheTextNotOfTheReadersOptions(string json, string reason)
    {
        var error = Assert.Throws<JsonReadException>(() => JDocument.Parse(json));
        Assert.Equal(reason, error.Reason);
    }

    [Fact]
    public void EmptyTextIsAnError()
    {
        var error = Assert.Throws<JsonReadException>(() => JDocument.Parse("  \n"));
        Assert.Contains("empty", error.Reason);
    }

    [Fact]
    public void NestingBeyondTheLimitIsAClearErrorNotAStackOverflow()
    {
        var json = new string('[', 10_000) + new string(']', 10_000);
        var error = Assert.Throws<JsonReadException>(() => JDocument.Parse(json));
        Assert.Equal($"nesting is deeper than {JsonLimits.MaxDepth} levels", error.Reason);
    }

    [Fact]
    public void InvalidUtf8IsAnErrorWithItsPosition()
    {
        var bytes = Encoding.ASCII.GetBytes("{\"a\": \"x\"}").ToList();
        bytes.Insert(8, 0xFF);
        var error = Assert.Throws<JsonReadException>(() => JDocument.Parse(bytes.ToArray()));
        Assert.Equal(1, error.Line);
        Assert.Contains("UTF-8", error.Message, System.StringComparison.OrdinalIgnoreCase);
    }
}

using System;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EdgeMigration.Core.Json;
using Xunit;

namespace EdgeMigration.Tests.Json;

/// <summary>
/// The writer spells the strings it writes itself (added values, rewritten createOptions, change logs) without
/// going through the encoder when they are printable ASCII: the result must be what the encoder writes.
/// </summary>
public class JsonTreeWriterTests
{
    private static string Encoded(string value) =>
        "\"" + JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString() + "\"";

    [Fact]
    public void EveryPrintableAsciiCharacterIsQuotedAsTheEncoderQuotesIt()
    {
        foreach (var c in Enumerable.Range(' ', '~' - ' ' + 1).Select(i => (char)i))
        {
            var value = "a" + c + c + "b";
            Assert.Equal(Encoded(value), JsonTreeWriter.Quote(value));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"")]
    [InlineData("\\")]
    [InlineData("{\"HostConfig\":{\"Binds\":[\"C:\\\\data:/data\"]}}")]
    [InlineData("line\nbreak\ttab")]
    [InlineData("caf\u00e9 \u4e2d\u6587")]
    [InlineData("\u0001control")]
    [InlineData("emoji \ud83d\ude00 and lone \ud800")]
    public void QuotingAgreesWithTheEncoder(string value)
    {
        Assert.Equal(Encoded(value), JsonTreeWriter.Quote(value));
    }

    [Fact]
    public void AddedStringsAndNamesAreEscapedInTheDocument()
    {
        var document = JDocument.Parse("{\n  \"a\": 1\n}");
        var root = (JObject)document.Root;
        root.Add("createOptions", JValue.String("{\"Env\":[\"PATH=C:\\\\x\"]}"));
        root.Add("say \"hi\"", JValue.String("caf\u00e9\n"));
        var json = document.ToJson();

        Assert.Equal("{\n  \"a\": 1,\n  \"createOptions\": \"{\\\"Env\\\":[\\\"PATH=C:\\\\\\\\x\\\"]}\",\n  \"say \\\"hi\\\"\": \"caf\u00e9\\n\"\n}", json);
        using var reparsed = JsonDocument.Parse(json);
        Assert.Equal("{\"Env\":[\"PATH=C:\\\\x\"]}", reparsed.RootElement.GetProperty("createOptions").GetString());
        Assert.Equal("caf\u00e9\n", reparsed.RootElement.GetProperty("say \"hi\"").GetString());
    }

    [Theory]
    [InlineData(new byte[0], "")]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF }, "")]
    [InlineData(new byte[0], "\n// trailing comment\n")]
    public void BytesAreTheTextInTheSourceEncodingWithItsByteOrderMark(byte[] bom, string trailing)
    {
        // Longer than the writer's first buffer, so that it grows while writing.
        var text = "{\"modules\": [" + string.Join(", ", Enumerable.Range(0, 2000).Select(i => $"\"m\u00f6dule{i}\"")) + "]}" + trailing;
        var source = bom.Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        var document = JDocument.Parse(source);

        Assert.Equal(source, document.ToBytes());
        Assert.Equal(text, document.ToJson());
    }

    [Fact]
    public void Utf16DocumentsAreWrittenBackInUtf16()
    {
        var text = "\ufeff{\"a\": \"\u00e9\"}";
        var source = Encoding.Unicode.GetBytes(text);

        var document = JDocument.Parse(source);

        Assert.Equal(TextEncodingKind.Utf16LittleEndian, document.Encoding);
        Assert.Equal(source, document.ToBytes());
    }
}

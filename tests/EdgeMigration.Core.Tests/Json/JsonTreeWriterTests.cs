using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using EdgeMigration.Core.Json;
using Xunit;

namespace EdgeMigration.Tests.Json;

/// <summary>
/// The writer spells what it adds itself (escaping names and values, without the encoder for printable ASCII; see also
/// WrittenOutMatcherTests) and writes whole documents into one growing buffer, then straight into bytes.
/// </summary>
public class JsonTreeWriterTests
{
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

using System.Text;
using EdgeMigration.Core.Json;
using Xunit;

namespace EdgeMigration.Tests.Json;

public class JsonTreeRoundTripTests
{
    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("  {  }  \n")]
    [InlineData("{\"a\":1,\"b\":[1,2,{\"c\":null}],\"d\":true,\"e\":false}")]
    [InlineData("{\r\n    \"a\" : 1 ,\r\n    \"b\"\t:\t\"x\"\r\n}\r\n")]
    [InlineData("{\"n\": [1.0, 1e5, -0, 0.10, 12345678901234567890123, 1E-7]}")]
    [InlineData("{\"s\": \"\\u00e9\\n\\t\\\"q\\\" \\/ é 😀\"}")]
    [InlineData("// leading comment\n{\n  /* before a */ \"a\": 1, // after a\n  \"b\": 2 /* before close */\n}\n// trailing\n")]
    [InlineData("{\"TTL\": ${TTL}, \"v\": $VERSION, \"s\": \"${MODULES.filter}\"}")]
    [InlineData("{\"dup\": 1, \"dup\": 2}")]
    public void UnchangedTreeIsWrittenBackByteForByte(string json)
    {
        var document = JDocument.Parse(json);
        Assert.Equal(json, document.ToJson());
    }

    [Fact]
    public void ByteOrderMarkAndEncodingSurvive()
    {
        var json = "{\n  \"a\": \"é\"\n}\n";
        foreach (var encoding in new Encoding[] { new UTF8Encoding(true), new UnicodeEncoding(false, true), new UnicodeEncoding(true, true) })
        {
            var bytes = Concat(encoding.GetPreamble(), encoding.GetBytes(json));
            var document = JDocument.Parse(bytes);
            Assert.True(document.HasByteOrderMark);
            Assert.Equal("é", ((JValue)((JObject)document.Root)["a"]!).Text);
            Assert.Equal(bytes, document.ToBytes());
        }
    }

    [Fact]
    public void EscapedStringsKeepTheirSpellingInCopiesAndOtherDocuments()
    {
        // A string's source spelling is read from the source when it is written: a copy, written into another
        // document, after the text it came from was read in UTF-16, still writes the escapes the source used.
        var json = "{\"a\": \"\\u00e9\\/\\\"x\\\" caf\u00e9\", \"b\": [\"\\t\\u0041\"]}";
        var bytes = Concat(new UnicodeEncoding(false, true).GetPreamble(), new UnicodeEncoding(false, true).GetBytes(json));
        var source = (JObject)JDocument.Parse(bytes).Root;
        var copy = new JObject();
        copy.Add("c", source["a"]!.DeepClone());
        copy.Add("d", source["b"]!.DeepClone());
        Assert.Equal("{\"c\":\"\\u00e9\\/\\\"x\\\" caf\u00e9\",\"d\":[\"\\t\\u0041\"]}", copy.ToJson());
        Assert.Equal("é/\"x\" café", ((JValue)copy["c"]!).Text);
        Assert.Equal("\tA", ((JValue)((JArray)copy["d"]!)[0]).Text);
    }

    [Fact]
    public void BarePlaceholdersAreValuesThatKeepTheirText()
    {
        var root = (JObject)JDocument.Parse("{\"ttl\": ${TTL}}").Root;
        var value = Assert.IsType<JValue>(root["ttl"]);
        Assert.Equal(JValueKind.Placeholder, value.Kind);
        Assert.Equal("${TTL}", value.Text);
    }

    [Fact]
    public void DuplicateKeysAreKeptAndTheLastOneIsRead()
    {
        var root = (JObject)JDocument.Parse("{\"a\": 1, \"a\": 2}").Root;
        Assert.Equal(2, root.Count);
        Assert.Equal("2", ((JValue)root["a"]!).Text);
    }

    [Fact]
    public void NumbersKeepTheirSpellingAndCompareByValue()
    {
        var a = JDocument.Parse("[1.0, 100]").Root;
        var b = JDocument.Parse("[1, 1e2]").Root;
        Assert.True(a.ValueEquals(b));
        Assert.Equal("[1.0, 100]", a.ToJson());
    }

    private static byte[] Concat(byte[] a, byte[] b)
    {
        var result = new byte[a.Length + b.Length];
        a.CopyTo(result, 0);
        b.CopyTo(result, a.Length);
        return result;
    }
}

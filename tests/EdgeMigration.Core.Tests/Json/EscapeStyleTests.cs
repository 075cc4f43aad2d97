using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using EdgeMigration.Core.Json;
using Xunit;

namespace EdgeMigration.Tests.Json;

/// <summary>
/// What the writer spells anew (added and changed values, renamed keys) follows the escapes the document's source uses:
/// non-ASCII, the HTML-sensitive characters, '/', and the hex case of \u escapes (SourceEscapes, StringEscaping).
/// </summary>
public class EscapeStyleTests
{
    [Fact]
    public void NonAsciiIsEscapedWhereTheDocumentEscapesIt()
    {
        var written = Edited("{\"a\": \"caf\\u00e9\"}", root => root.Add("b", JValue.String("na\u00efve \U0001F600")));

        Assert.Equal("{\"a\": \"caf\\u00e9\", \"b\": \"na\\u00efve \\ud83d\\ude00\"}", written);
    }

    [Fact]
    public void NonAsciiIsLiteralWhereTheDocumentWritesItSoOutsideTheBmpToo()
    {
        var document = JDocument.Parse("{\"a\": \"caf\u00e9\"}");
        ((JObject)document.Root).Add("b", JValue.String("\U0001F600 \u00e9"));

        var bytes = document.ToBytes();

        Assert.Equal("{\"a\": \"caf\u00e9\", \"b\": \"\U0001F600 \u00e9\"}", Encoding.UTF8.GetString(bytes));
        Assert.True(ContainsBytes(bytes, 0xF0, 0x9F, 0x98, 0x80), "the emoji is UTF-8, not a surrogate pair of escapes");
        Assert.Equal("\U0001F600 \u00e9", Reread(Encoding.UTF8.GetString(bytes), "b"));
    }

    [Theory]
    // Newtonsoft's EscapeHtml: < > & ' and " as \u0022, lowercase; '+' and '`' are not escaped.
    [InlineData("\\u003cb\\u003e \\u0026 \\u0027x\\u0027 \\u0022q\\u0022", "\\u003ci\\u003e \\u0026 \\u0027y\\u0027 \\u0022z\\u0022 a+b `c`")]
    // System.Text.Json's default encoder: also '+' and '`', uppercase; & and ' go by their kin < and >.
    [InlineData("\\u003Cb\\u003E \\u002B \\u0060", "\\u003Ci\\u003E \\u0026 \\u0027y\\u0027 \\\"z\\\" a\\u002Bb \\u0060c\\u0060")]
    // Go's encoding/json: < > & only; the literal ' says apostrophes stay.
    [InlineData("\\u003cb\\u003e \\u0026 'x'", "\\u003ci\\u003e \\u0026 'y' \\\"z\\\" a+b `c`")]
    public void HtmlSensitiveCharactersAreEscapedAsTheDocumentEscapesThem(string sourceText, string expected)
    {
        var written = Edited("{\"a\": \"" + sourceText + "\"}", root => root.Add("b", JValue.String("<i> & 'y' \"z\" a+b `c`")));

        Assert.Equal("{\"a\": \"" + sourceText + "\", \"b\": \"" + expected + "\"}", written);
        Assert.Equal("<i> & 'y' \"z\" a+b `c`", Reread(written, "b"));
    }

    [Fact]
    public void SlashIsEscapedWhereTheDocumentEscapesIt()
    {
        var written = Edited("{\"a\": \"\\/etc\\/x\"}", root => root.Add("b", JValue.String("/var/y")));

        Assert.Equal("{\"a\": \"\\/etc\\/x\", \"b\": \"\\/var\\/y\"}", written);
    }

    [Theory]
    [InlineData("\\u00E9", "\\u00FC\\u001B")]
    [InlineData("\\u00e9", "\\u00fc\\u001b")]
    public void HexCaseFollowsTheDocument(string sourceText, string expected)
    {
        var written = Edited("{\"a\": \"" + sourceText + "\"}", root => root.Add("b", JValue.String("\u00fc\u001b")));

        Assert.Equal("{\"a\": \"" + sourceText + "\", \"b\": \"" + expected + "\"}", written);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"a\": \"/x/ <b> & 'q' +` \\n \\\"q\\\" \\\\ \\u0041\"}")]
    public void ADocumentWithoutEscapesGetsTheSpellingItAlwaysHad(string json)
    {
        const string Added = "\U0001F600 </x> & 'q' \u00e9 \u0001 +` \"q\" \\";

        var written = Edited(json, root => root.Add("b", JValue.String(Added)));

        Assert.EndsWith(JsonTreeWriter.Quote(Added) + "}", written);
        Assert.Contains("\\uD83D\\uDE00 </x> & 'q' \u00e9 \\u0001 +` \\\"q\\\" \\\\", written);
    }

    [Theory]
    // One \/ against two literal '/': literal wins; two against one: escaped wins; one each: undecided, as before.
    [InlineData("{\"a\": \"\\/x\", \"b\": \"/y/z\"}", "/n")]
    [InlineData("{\"a\": \"\\/x\\/y\", \"b\": \"/z\"}", "\\/n")]
    [InlineData("{\"a\": \"\\/x\", \"b\": \"/y\"}", "/n")]
    public void InAMixedDocumentTheSpellingUsedMoreOftenWins(string json, string expectedSlash)
    {
        var written = Edited(json, root => root.Add("n", JValue.String("/n")));

        Assert.EndsWith("\"n\": \"" + expectedSlash + "\"}", written);
    }

    [Fact]
    public void InAMixedDocumentNonAsciiGoesByTheMajorityToo()
    {
        var escaped = Edited("{\"a\": \"\\u00e9\\u00e8\", \"b\": \"\u00fc\"}", root => root.Add("n", JValue.String("\u00e0")));
        var literal = Edited("{\"a\": \"\\u00e9\", \"b\": \"\u00fc\u00f6\"}", root => root.Add("n", JValue.String("\u00e0")));

        Assert.EndsWith("\"n\": \"\\u00e0\"}", escaped);
        Assert.EndsWith("\"n\": \"\u00e0\"}", literal);
    }

    [Fact]
    public void AChangedStringKeepsItsOwnSpellingBeforeTheDocuments()
    {
        // The document escapes '/' more often than not, but "typed" was written with '/', and "pasted" the other way round
        // in a document that mostly does not.
        var escapedMostly = Edited("{\"x\": \"\\/a\\/b\\/c\", \"typed\": \"/t\"}", root => root["typed"] = JValue.String("/t/u"));
        var literalMostly = Edited("{\"x\": \"/a/b/c\", \"pasted\": \"\\/p\"}", root => root["pasted"] = JValue.String("/p/q"));

        Assert.Equal("{\"x\": \"\\/a\\/b\\/c\", \"typed\": \"/t/u\"}", escapedMostly);
        Assert.Equal("{\"x\": \"/a/b/c\", \"pasted\": \"\\/p\\/q\"}", literalMostly);
    }

    [Fact]
    public void WhatTheChangedStringDoesNotShowGoesByTheDocument()
    {
        var written = Edited("{\"x\": \"caf\\u00e9\", \"path\": \"\\/p\"}", root => root["path"] = JValue.String("\\/p/\u00e9"));

        Assert.Equal("{\"x\": \"caf\\u00e9\", \"path\": \"\\\\\\/p\\/\\u00e9\"}", written);
    }

    [Fact]
    public void AStringSetBackToWhatItWasIsWrittenAsItWas()
    {
        // The token's own mix of spellings (an escaped and a literal é) is kept, which no one spelling would give.
        const string Json = "{\"a\": \"caf\\u00E9 caf\u00e9 \\/ /\", \"b\": \"x\"}";

        var written = Edited(Json, root =>
        {
            root["a"] = JValue.String("changed");
            root["a"] = JValue.String("caf\u00e9 caf\u00e9 / /");
        });

        Assert.Equal(Json, written);
    }

    [Fact]
    public void ARenamedKeyFollowsTheSpellingOfTheNameItHad()
    {
        var written = Edited("{\"A:B\\u00e9\": 1, \"c\": \"\u00e9\"}", root => root.Rename(root.Find("A:B\u00e9")!, "A__B\u00e9"));

        Assert.Equal("{\"A__B\\u00e9\": 1, \"c\": \"\u00e9\"}", written);
    }

    [Fact]
    public void CommentsSayNothingOfHowStringsAreWritten()
    {
        var written = Edited("// see http://example.com/a/b/c, caf\u00e9\n{\"a\": \"\\/x \\u00e9\"}", root => root.Add("b", JValue.String("/y \u00e8")));

        Assert.EndsWith("\"b\": \"\\/y \\u00e8\"}", written);
    }

    [Fact]
    public void OnlyTheChangedStringIsSpelledAnew()
    {
        var lines = new[]
        {
            "{",
            "  \"a\": \"\\u00e9 caf\u00e9 \\/x /y \\u003c <\",",
            "  \"b\\/c\": \"\\u00E9\",",
            "  \"changed\": \"\\/old\",",
            "  \"d\": [\"\\u0026\", \"&\", \"\\ud83d\\ude00\", \"\U0001F600\"]",
            "}",
        };
        var json = string.Join("\n", lines);

        var written = Edited(json, root => root["changed"] = JValue.String("/new"));

        Assert.Equal(json.Replace("\"\\/old\"", "\"\\/new\""), written);
    }

    private static string Edited(string json, Action<JObject> edit)
    {
        var document = JDocument.Parse(json);
        edit((JObject)document.Root);
        var written = document.ToJson();
        using var reread = JsonDocument.Parse(written, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        return written;
    }

    private static string? Reread(string json, string name)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty(name).GetString();
    }

    private static bool ContainsBytes(byte[] bytes, params byte[] sequence) =>
        Enumerable.Range(0, bytes.Length - sequence.Length + 1).Any(i => bytes.Skip(i).Take(sequence.Length).SequenceEqual(sequence));
}

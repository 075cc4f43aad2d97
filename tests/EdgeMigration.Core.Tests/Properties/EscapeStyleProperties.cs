using System;
using System.Text.Json;
using CsCheck;
using EdgeMigration.Core.Json;
using Xunit;

namespace EdgeMigration.Tests.Properties;

public class EscapeStyleProperties
{
    /// <summary>Documents in the spellings the writer follows: none shown, everything escaped (lower and upper hex), everything literal, and evidence beside a comment.</summary>
    private static readonly string[] Sources =
    {
        "{\"s\": \"plain\"}",
        "{\"s\": \"caf\\u00e9 \\/x \\u003cb\\u003e \\u0026 \\u0027 \\u0022 \\ud83d\\ude00\"}",
        "{\"s\": \"CAF\\u00C9 \\u002B \\u0060 \\u003C \\u001B\"}",
        "{\"s\": \"caf\u00e9 /x <b> & ' \U0001F600\"}",
        "// http://example.com/x/y\n{\"s\": \"\\/\", \"t\": \"\u00e9\"}",
    };

    private static readonly Gen<(string Source, string Value, string Name)> Cases = Gen.OneOf(Sources).Select(TextGen.Any, TextGen.Unicode);

    [Fact]
    public void WhatIsSpelledAnewIsValidJsonThatReadsBackAsTheValueWritten() =>
        Cases.Sample(new Action<(string Source, string Value, string Name)>(c =>
        {
            var document = JDocument.Parse(c.Source);
            var root = (JObject)document.Root;
            var name = c.Name == "s" ? "n" : c.Name;
            root["s"] = JValue.String(c.Value);
            root.Add(name, JValue.String(c.Value));

            var written = document.ToJson();

            using var reread = JsonDocument.Parse(written, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            Assert.Equal(c.Value, reread.RootElement.GetProperty("s").GetString());
            Assert.Equal(c.Value, reread.RootElement.GetProperty(name).GetString());
            Assert.True(root.ValueEquals(JDocument.Parse(written).Root));
        }), iter: PropertyRuns.Iterations, print: c => c.Source + " <- " + JsonTreeWriter.Quote(c.Value) + " as " + JsonTreeWriter.Quote(c.Name));
}

using EdgeMigration.Core.Json;
using Xunit;

namespace EdgeMigration.Tests.Json;

public class JsonTreeEditTests
{
    [Fact]
    public void AddedMembersAreIndentedLikeTheirSiblings()
    {
        var document = JDocument.Parse("{\n    \"a\": {\n        \"x\": 1\n    }\n}\n");
        var a = (JObject)((JObject)document.Root)["a"]!;
        a.Add("y", new JObject { { "z", JValue.Boolean(true) } });
        Assert.Equal("{\n    \"a\": {\n        \"x\": 1,\n        \"y\": {\n            \"z\": true\n        }\n    }\n}\n", document.ToJson());
    }

    [Fact]
    public void AddingToAnEmptyObjectUsesTheDocumentStyle()
    {
        var document = JDocument.Parse("{\r\n\t\"a\": {}\r\n}");
        ((JObject)((JObject)document.Root)["a"]!).Add("b", new JArray { JValue.String("c") });
        Assert.Equal("{\r\n\t\"a\": {\r\n\t\t\"b\": [\r\n\t\t\t\"c\"\r\n\t\t]\r\n\t}\r\n}", document.ToJson());
    }

    /// <summary>
    /// In an object written on one line inside an indented document ("env": {"a": {...}}), what is added stays on that
    /// line, spaced as the document spaces its colons, each added member like the source's, not like the one added
    /// before it.
    /// </summary>
    [Fact]
    public void AddedMembersOfAnObjectOnOneLineStayOnIt()
    {
        var document = JDocument.Parse("{\n  \"env\": {\"a\": {\"value\": \"1\"}},\n  \"empty\": { \"settings\": {} }\n}\n");
        var root = (JObject)document.Root;
        var env = (JObject)root["env"]!;
        env.Add("b", new JObject { { "value", JValue.String("2") } });
        env.Add("c", new JObject { { "value", JValue.String("3") }, { "list", new JArray { JValue.Number(1), JValue.Number(2) } } });
        ((JObject)((JObject)root["empty"]!)["settings"]!).Add("x", new JObject { { "y", JValue.Boolean(true) } });

        Assert.Equal("{\n  \"env\": {\"a\": {\"value\": \"1\"}, \"b\": {\"value\": \"2\"}, \"c\": {\"value\": \"3\", \"list\": [1, 2]}},\n" +
            "  \"empty\": { \"settings\": {\"x\": {\"y\": true}} }\n}\n", document.ToJson());
    }

    [Fact]
    public void CompactDocumentsStayCompact()
    {
        var document = JDocument.Parse("{\"HostConfig\":{\"Binds\":[\"/a:/b\"]}}");
        var root = (JObject)document.Root;
        root.Add("Env", new JArray { JValue.String("A=1") });
        ((JObject)root["HostConfig"]!).Remove("Binds");
        Assert.Equal("{\"HostConfig\":{},\"Env\":[\"A=1\"]}", document.ToJson());
    }

    [Fact]
    public void RemovingAndRenamingKeepTheNeighboursLayout()
    {
        var document = JDocument.Parse("{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": 3\n}");
        var root = (JObject)document.Root;
        root.Remove("c");
        root.Rename(root.Find("a")!, "A:B");
        Assert.Equal("{\n  \"A:B\": 1,\n  \"b\": 2\n}", document.ToJson());
    }

    [Theory]
    [InlineData("[\"A\", \"B\", \"C\"]", new[] { 0 }, "[\"B\", \"C\"]")]
    [InlineData("[\"A\", \"B\", \"C\"]", new[] { 1 }, "[\"A\", \"C\"]")]
    [InlineData("[\"A\", \"B\", \"C\"]", new[] { 2 }, "[\"A\", \"B\"]")]
    [InlineData("[\"A\", \"B\", \"C\"]", new[] { 1, 0 }, "[\"C\"]")]
    [InlineData("[ \"A\" , \"B\" , \"C\" ]", new[] { 0 }, "[ \"B\" , \"C\" ]")]
    [InlineData("[ \"A\" , \"B\" , \"C\" ]", new[] { 2, 1 }, "[ \"A\" ]")]
    [InlineData("[\"A\", \"B\", \"C\"]", new[] { 2, 1, 0 }, "[]")]
    [InlineData("[\n  \"A\",\n  \"B\",\n  \"C\"\n]", new[] { 0 }, "[\n  \"B\",\n  \"C\"\n]")]
    [InlineData("[\n  \"A\",\n  \"B\",\n  \"C\"\n]", new[] { 1 }, "[\n  \"A\",\n  \"C\"\n]")]
    [InlineData("[\n  \"A\",\n  \"B\",\n  \"C\"\n]", new[] { 2 }, "[\n  \"A\",\n  \"B\"\n]")]
    [InlineData("[\n  \"A\",\n  \"B\",\n  \"C\"\n]", new[] { 2, 1, 0 }, "[]")]
    [InlineData("[\"A\",\n \"B\",\n \"C\"]", new[] { 0 }, "[\"B\",\n \"C\"]")]
    [InlineData("[\n  // first\n  \"A\",\n  // second\n  \"B\"\n]", new[] { 0 }, "[\n  // second\n  \"B\"\n]")]
    [InlineData("[\n  // first\n  \"A\",\n  \"B\"\n]", new[] { 0 }, "[\n  \"B\"\n]")]
    public void RemovedElementsLeaveTheArrayAsIfWrittenWithoutThem(string json, int[] removeAt, string expected)
    {
        var document = JDocument.Parse(json);
        var array = (JArray)document.Root;
        foreach (var index in removeAt)
        {
            array.RemoveAt(index);
        }
        Assert.Equal(expected, document.ToJson());
    }

    [Theory]
    [InlineData("{\"a\": 1, \"b\": 2, \"c\": 3}", "a", "{\"b\": 2, \"c\": 3}")]
    [InlineData("{\"a\": 1, \"b\": 2, \"c\": 3}", "c", "{\"a\": 1, \"b\": 2}")]
    [InlineData("{ \"a\": 1 , \"b\": 2 }", "b", "{ \"a\": 1 }")]
    [InlineData("{\n  \"a\": 1,\n  \"b\": 2\n}", "a", "{\n  \"b\": 2\n}")]
    [InlineData("{\n  // a\n  \"a\": 1,\n  \"b\": 2\n}", "a", "{\n  \"b\": 2\n}")]
    public void RemovedMembersLeaveTheObjectAsIfWrittenWithoutThem(string json, string name, string expected)
    {
        var document = JDocument.Parse(json);
        ((JObject)document.Root).Remove(name);
        Assert.Equal(expected, document.ToJson());
    }

    [Fact]
    public void ChangedStringsAreEscapedAndOthersKeepTheirEscapes()
    {
        var document = JDocument.Parse("{\"keep\": \"\\u0041\", \"change\": \"x\"}");
        ((JObject)document.Root)["change"] = JValue.String("say \"hi\"\n");
        Assert.Equal("{\"keep\": \"\\u0041\", \"change\": \"say \\\"hi\\\"\\n\"}", document.ToJson());
    }

    [Fact]
    public void CompactJsonDropsSourceLayout()
    {
        var root = JDocument.Parse("{\n  \"a\": [ 1, 2 ] // c\n}").Root;
        Assert.Equal("{\"a\":[1,2]}", root.ToCompactJson());
    }
}

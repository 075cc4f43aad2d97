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

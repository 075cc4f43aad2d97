using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using Xunit;

namespace EdgeMigration.Tests.Manifests;

public class CreateOptionsTests
{
    private static EdgeModule Module(string settingsJson) =>
        ManifestDocument.Parse("{\"modulesContent\": {\"$edgeAgent\": {\"properties.desired\": {\"schemaVersion\": \"1.0\", \"modules\": {\"m\": {\"settings\": " + settingsJson + "}}}}}}")
            .FindModule("m")!;

    [Fact]
    public void StringIsDecoded()
    {
        var options = Module("{\"image\": \"x\", \"createOptions\": \"{\\\"Env\\\":[\\\"A=1\\\"]}\"}").CreateOptions!;
        Assert.Equal(CreateOptionsEncoding.String, options.Encoding);
        Assert.Equal("[\"A=1\"]", options.Root!["Env"]!.ToCompactJson());
    }

    [Fact]
    public void PiecesAreJoinedInNumberOrder()
    {
        var options = Module("{\"createOptions\": \"{\\\"Env\\\":\", \"createOptions02\": \"]}\", \"createOptions01\": \"[\\\"A=1\\\"\"}").CreateOptions!;
        Assert.Equal(CreateOptionsEncoding.Chunked, options.Encoding);
        Assert.Equal("{\"Env\":[\"A=1\"]}", options.Text);
        Assert.Equal(new[] { "createOptions", "createOptions02", "createOptions01" }, options.PieceNames);
    }

    [Theory]
    [InlineData("{\"createOptions\": \"{\", \"createOptions02\": \"}\"}", "createOptions pieces have a gap: createOptions01 is missing before createOptions02")]
    [InlineData("{\"createOptions\": \"{\", \"createOptions01\": 5}", "createOptions01 must be a string, not a number")]
    [InlineData("{\"createOptions\": \"{\\\"a\\\": }\"}", "createOptions is not valid JSON (Invalid JSON at line 1, column 7:")]
    [InlineData("{\"createOptions\": \"[1]\"}", "createOptions must be a JSON object, not an array")]
    public void BadCreateOptionsAreReportedOnTheModule(string settings, string error)
    {
        var options = Module(settings).CreateOptions!;
        Assert.StartsWith(error, options.Error);
        Assert.Null(options.Root);
    }

    [Theory]
    [InlineData("{}", CreateOptionsEncoding.None)]
    [InlineData("{\"createOptions\": \"\"}", CreateOptionsEncoding.String)]
    [InlineData("{\"createOptions\": \"  \"}", CreateOptionsEncoding.String)]
    [InlineData("{\"createOptions\": \"null\"}", CreateOptionsEncoding.String)]
    public void EmptyCreateOptionsMeanNoOptions(string settings, CreateOptionsEncoding encoding)
    {
        var options = Module(settings).CreateOptions!;
        Assert.Equal(encoding, options.Encoding);
        Assert.Null(options.Root);
        Assert.Null(options.Error);
    }

    [Fact]
    public void ObjectEncodingIsEditedInPlace()
    {
        var module = Module("{\"createOptions\": {\"HostConfig\": {}}}");
        Assert.Equal(CreateOptionsEncoding.Object, module.CreateOptions!.Encoding);
        module.CreateOptions.Root!.Add("Env", new JArray());
        Assert.False(module.CreateOptions.Commit());
        Assert.Equal("{\"HostConfig\": {},\"Env\":[]}", module.Settings!["createOptions"]!.ToJson());
    }

    [Fact]
    public void TrailingCommasAreReadAsTheAgentsNewtonsoftReaderReadsThemAndKept()
    {
        // From Azure Machine Learning's GPU template in the corpus: {"HostConfig":{…,"PortBindings":{…},}}.
        var module = Module("{\"createOptions\": \"{\\\"Env\\\":[\\\"A=1\\\",],\\\"HostConfig\\\":{\\\"Binds\\\":[\\\"/a:/a\\\"],},}\"}");
        var options = module.CreateOptions!;

        Assert.Null(options.Error);
        Assert.Equal("[\"A=1\"]", options.Root!["Env"]!.ToCompactJson());
        Assert.False(options.Commit());
        Assert.Equal("{\"Env\":[\"A=1\",],\"HostConfig\":{\"Binds\":[\"/a:/a\"],},}", options.Root.ToJson());
    }

    [Fact]
    public void AnEmptiedObjectOrArrayLosesItsTrailingComma()
    {
        var module = Module("{\"createOptions\": \"{\\\"Env\\\":[\\\"A=1\\\", /* x, y */],\\\"HostConfig\\\":{\\\"Binds\\\":[],},}\"}");
        var root = module.CreateOptions!.Root!;

        ((JArray)root["Env"]!).RemoveAt(0);
        ((JObject)root["HostConfig"]!).Remove("Binds");

        Assert.Equal("{\"Env\":[ /* x, y */],\"HostConfig\":{},}", root.ToJson());
        Assert.Empty((JArray)((JObject)JDocument.ParseAllowingTrailingCommas(root.ToJson()).Root)["Env"]!);
    }

    [Fact]
    public void UnchangedOptionsAreNotRewritten()
    {
        var module = Module("{\"createOptions\": \"{ \\\"Env\\\" : [] }\"}");
        Assert.False(module.CreateOptions!.Commit());
        Assert.Equal("\"{ \\\"Env\\\" : [] }\"", module.Settings!["createOptions"]!.ToJson());
    }

    [Fact]
    public void AShortStringStaysOneString()
    {
        var module = Module("{\"createOptions\": \"{}\"}");
        module.CreateOptions!.Root!.Add("Env", new JArray { JValue.String(new string('x', 1000)) });
        Assert.True(module.CreateOptions.Commit());
        Assert.Equal(new[] { "createOptions" }, module.Settings!.Names);
        Assert.Equal(CreateOptionsEncoding.String, module.CreateOptions.Encoding);
    }

    [Fact]
    public void ChunkedStaysChunkedWith512CharacterPieces()
    {
        var module = Module("{\"image\": \"x\", \"createOptions\": \"{\\\"Env\\\":\", \"createOptions01\": \"[]}\", \"env\": 1}");
        module.CreateOptions!.Root!["Env"] = new JArray { JValue.String(new string('y', 1200)) };
        Assert.True(module.CreateOptions.Commit());

        Assert.Equal(new[] { "image", "createOptions", "createOptions01", "createOptions02", "env" }, module.Settings!.Names);
        var pieces = module.Settings.Members.Where(m => m.Name.StartsWith("createOptions")).Select(m => ((JValue)m.Value).Text).ToList();
        Assert.Equal(new[] { 512, 512, 1212 - 1024 }, pieces.Select(p => p.Length));
        Assert.Equal("{\"Env\":[\"" + new string('y', 1200) + "\"]}", string.Concat(pieces));
    }

    [Fact]
    public void ShrinkingRemovesPiecesNoLongerNeeded()
    {
        var module = Module("{\"createOptions\": \"{\\\"Env\\\":[\\\"" + new string('z', 510) + "\", \"createOptions01\": \"\\\"]}\"}");
        module.CreateOptions!.Root!["Env"] = new JArray();
        Assert.True(module.CreateOptions.Commit());
        Assert.Equal(new[] { "createOptions" }, module.Settings!.Names);
        Assert.Equal("{\"Env\":[]}", ((JValue)module.Settings["createOptions"]!).Text);
    }

    [Fact]
    public void AStringOverIoTHubsLimitIsSplit()
    {
        var module = Module("{\"createOptions\": \"{}\"}");
        module.CreateOptions!.Root!.Add("Env", new JArray { JValue.String(new string('w', 5000)) });
        module.CreateOptions.Commit();
        Assert.Equal(CreateOptionsEncoding.Chunked, module.CreateOptions.Encoding);
        Assert.Equal("createOptions09", module.Settings!.Names.Last());
    }

    [Fact]
    public void SplittingNeverCutsASurrogatePair()
    {
        var text = new string('a', 511) + "😀" + "b";
        var pieces = CreateOptions.Split(text);
        Assert.Equal(new[] { 511, 3 }, pieces.Select(p => p.Length));
        Assert.Equal(text, string.Concat(pieces));
    }

    [Fact]
    public void NewOptionsFollowTheManifestsEncoding()
    {
        var template = ManifestDocument.Parse("{\"$schema-template\": \"4.0.0\", \"modulesContent\": {\"$edgeAgent\": {\"properties.desired\": {\"modules\": {\"m\": {\"settings\": {\"image\": \"x\"}}}}}}}").FindModule("m")!;
        template.CreateOptions!.GetOrCreateRoot().Add("Env", new JArray());
        Assert.IsType<JObject>(template.Settings!["createOptions"]);

        var manifest = Module("{\"image\": \"x\"}");
        manifest.CreateOptions!.GetOrCreateRoot().Add("Env", new JArray());
        manifest.CreateOptions.Commit();
        Assert.Equal("{\"Env\":[]}", ((JValue)manifest.Settings!["createOptions"]!).Text);
    }
}

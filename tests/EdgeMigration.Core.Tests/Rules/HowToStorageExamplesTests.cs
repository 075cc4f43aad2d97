using System.IO;
using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

/// <summary>The how-to's storage examples (TestData/README.md): the FPGA bind form becomes its GPU volume and bind forms.</summary>
public class HowToStorageExamplesTests
{
    private const string Module = "storage";
    private const string HostPlaceholder = "<Host storage path for Edge local share>";
    private const string ModulePlaceholder = "<Module storage path>";

    private static string Text(string file) => File.ReadAllText(TestDataFile(file));

    /// <summary>The article's FPGA example with its placeholders filled in, one bind per (host path, module path).</summary>
    private static ManifestDocument FpgaExample(params (string Host, string ModulePath)[] binds)
    {
        var template = (JObject)JDocument.Parse(Text("howto-fpga-storage-createoptions.json")).Root;
        var array = (JArray)((JObject)template["HostConfig"]!)["Binds"]!;
        var pattern = ((JValue)array[0]).Text;
        array.RemoveAt(0);
        foreach (var (host, modulePath) in binds)
        {
            array.Add(JValue.String(pattern.Replace(HostPlaceholder, host).Replace(ModulePlaceholder, modulePath)));
        }
        return ManifestBuilder.Deployment((Module, template.ToCompactJson()));
    }

    private static JNode GpuExample(string file, params (string Placeholder, string Value)[] values) =>
        JDocument.Parse(values.Aggregate(Text(file), (text, v) => text.Replace(v.Placeholder, v.Value))).Root;

    private static JObject? Converted(ConversionResult result) => result.Manifest.FindModule(Module)!.CreateOptions!.Root;

    private static string[] StorageFindings(ManifestDocument manifest) =>
        Summary(RuleEngine.Check(manifest, Only("S*", "K9", "K11")).Where(f => f.ModuleName == Module)).ToArray();

    [Fact]
    public void FpgaShareBindsBecomeTheGpuVolumeExample()
    {
        var manifest = FpgaExample(("/home/hcsshares/myshare", "/home/input"), ("/home/hcsshares/myshare", "/home/output"));

        var result = ManifestConverter.Convert(manifest, new ConversionOptions { Rules = Only("S*") });

        var expected = GpuExample("howto-gpu-volume-createoptions.json", ("<nfs-or-smb-share-name-here>", "myshare"));
        Assert.True(JsonSemantics.Equal(expected, Converted(result)), Converted(result)!.ToCompactJson());
        AssertIdempotent(result, "S*");
    }

    [Fact]
    public void ShareMapNamesTheGpuShare()
    {
        var manifest = FpgaExample(("/home/hcsshares/fpgashare", "/home/input"), ("/home/hcsshares/fpgashare", "/home/output"));

        var result = ManifestConverter.Convert(manifest, new ConversionOptions
        {
            Rules = Only("S*"),
            ShareMap = { ["/home/hcsshares/fpgashare"] = "gpushare" },
        });

        var expected = GpuExample("howto-gpu-volume-createoptions.json", ("<nfs-or-smb-share-name-here>", "gpushare"));
        Assert.True(JsonSemantics.Equal(expected, Converted(result)), Converted(result)!.ToCompactJson());
    }

    [Fact]
    public void HostPathBindBecomesTheGpuBindExample()
    {
        var result = ManifestConverter.Convert(FpgaExample(("/var/media", "/app/media")), new ConversionOptions { Rules = Only("S*") });

        var expected = GpuExample("howto-gpu-bind-createoptions.json", ("<Host storage path>", "/var/media"), (ModulePlaceholder, "/app/media"));
        Assert.True(JsonSemantics.Equal(expected, Converted(result)), Converted(result)!.ToCompactJson());
    }

    [Fact]
    public void FpgaExampleAsPrintedIsAHostPathBindOfAPlaceholder()
    {
        var manifest = ManifestBuilder.Deployment((Module, Text("howto-fpga-storage-createoptions.json")));

        Assert.Equal(new[]
        {
            "S3 Warning storage HostConfig.Binds[0] fixable",
            "S1 Warning storage HostConfig.Binds fixable",
        }, StorageFindings(manifest));
        Assert.Equal(Certainty.Possible, Check(manifest, "S3").Single().Certainty);
    }

    [Fact]
    public void GpuExamplesRaiseNoS1OrS2Finding()
    {
        var volume = ManifestBuilder.Deployment((Module, Text("howto-gpu-volume-createoptions.json")));
        var bind = ManifestBuilder.Deployment((Module, Text("howto-gpu-bind-createoptions.json")));

        Assert.Empty(StorageFindings(volume));
        // The bind example is a host directory: S3 says what that is on the device, nothing more.
        Assert.Equal(new[] { "S3 Information storage HostConfig.Mounts[0] manual" }, StorageFindings(bind));
    }
}

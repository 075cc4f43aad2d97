using System.IO;
using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using Xunit;

namespace EdgeMigration.Tests.Manifests;

/// <summary>Every real manifest in ../shared/corpus reads and writes back unchanged.</summary>
public class CorpusRoundTripTests
{
    private static readonly string[] SchemaFiles =
    {
        "Azure+azure-iot-cli-extension__azext_iot_assets_azure-iot-edgeagent-deployment-1.0.json",
        "Azure+azure-iot-cli-extension__azext_iot_assets_azure-iot-edgeagent-deployment-1.1.json",
        "Azure+iotedge__doc_deployment-schema-1.0.json",
    };

    public static TheoryData<string> Manifests()
    {
        var data = new TheoryData<string>();
        foreach (var row in TestPaths.ValidCorpusFiles())
        {
            if (!SchemaFiles.Contains((string)row[0]))
            {
                data.Add((string)row[0]);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void ReadWriteWithNoChangeIsByteIdentical(string file)
    {
        var path = TestPaths.CorpusFile(file);
        var manifest = ManifestDocument.Load(path);
        Assert.NotEmpty(manifest.Modules);
        Assert.Equal(File.ReadAllBytes(path), manifest.ToBytes());
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void ReEncodingEveryCreateOptionsGivesEqualJson(string file)
    {
        // Decode each createOptions, re-encode it through the writer, and compare values with the original.
        var original = ManifestDocument.Load(TestPaths.CorpusFile(file));
        foreach (var module in original.Modules.Where(m => m.CreateOptions?.Root is not null))
        {
            var reparsed = JDocument.Parse(module.CreateOptions!.Root!.ToCompactJson()).Root;
            Assert.True(module.CreateOptions.Root.ValueEquals(reparsed), $"{file}: {module.Name}");
        }
    }

    [Fact]
    public void EveryCorpusFileReadsOrFailsWithAClearError()
    {
        foreach (var path in TestPaths.CorpusFiles())
        {
            var name = Path.GetFileName(path);
            if (TestPaths.InvalidJsonCorpusFiles.Contains(name))
            {
                var error = Assert.Throws<ManifestException>(() => ManifestDocument.Load(path));
                Assert.Equal(ManifestErrorKind.InvalidJson, error.Kind);
                Assert.Equal((159L, 15L), (error.Line!.Value, error.Column!.Value));
                Assert.StartsWith(path + ": invalid JSON at line 159, column 15: '<' is an invalid start of a property name", error.Message);
            }
            else if (SchemaFiles.Contains(name))
            {
                var error = Assert.Throws<ManifestException>(() => ManifestDocument.Load(path));
                Assert.Equal(ManifestErrorKind.NotAManifest, error.Kind);
                Assert.Contains("Accepted: a deployment manifest", error.Message);
            }
            else
            {
                Assert.NotEmpty(ManifestDocument.Load(path).Modules);
            }
        }
    }
}

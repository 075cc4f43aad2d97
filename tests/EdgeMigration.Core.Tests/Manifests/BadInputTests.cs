using System.IO;
using System.Linq;
using System.Text;
using EdgeMigration.Core.Manifests;
using Xunit;

namespace EdgeMigration.Tests.Manifests;

public sealed class BadInputTests : System.IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("edgemigration-core-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    [Fact]
    public void HugeFilesAreRefusedBeforeReading()
    {
        var path = Path.Combine(_folder, "huge.json");
        using (var stream = File.Create(path))
        {
            stream.SetLength(ManifestDocument.MaxSizeBytes + 1);
        }
        var error = Assert.Throws<ManifestException>(() => ManifestDocument.Load(path));
        Assert.Equal(ManifestErrorKind.Unreadable, error.Kind);
        Assert.Contains("larger than 16 MiB are not read", error.Message);
    }

    [Fact]
    public void DeepNestingIsAnInvalidJsonErrorWithItsPosition()
    {
        var json = "{\"modulesContent\": " + new string('[', 10_000) + new string(']', 10_000) + "}";
        var error = Assert.Throws<ManifestException>(() => ManifestDocument.Parse(json, "deep.json"));
        Assert.Equal(ManifestErrorKind.InvalidJson, error.Kind);
        Assert.Contains("nesting is deeper than 256 levels", error.Message);
    }

    [Fact]
    public void MissingFileIsUnreadableWithThePath()
    {
        var error = Assert.Throws<ManifestException>(() => ManifestDocument.Load(Path.Combine(_folder, "none.json")));
        Assert.Equal(ManifestErrorKind.Unreadable, error.Kind);
        Assert.StartsWith(Path.Combine(_folder, "none.json") + ": ", error.Message);
    }

    [Fact]
    public void ByteOrderMarkedManifestReadsAndKeepsItsMark()
    {
        var path = Path.Combine(_folder, "bom.json");
        var json = File.ReadAllText(Path.Combine(TestPaths.Samples, "fpga-deployment.json"));
        File.WriteAllText(path, json, new UTF8Encoding(true));
        var manifest = ManifestDocument.Load(path);
        Assert.Equal(5, manifest.Modules.Count);
        Assert.Equal(File.ReadAllBytes(path), manifest.ToBytes());
    }

    [Fact]
    public void InvalidCreateOptionsIsReportedOnThatModuleOnly()
    {
        var manifest = ManifestDocument.Load(TestPaths.CorpusFile("Azure+iotedgedev__tests_assets_deployment.manifest_invalid_createoptions.json"));
        var errors = manifest.Modules.Select(m => (m.Name, m.CreateOptions?.Error)).ToList();
        Assert.Equal(new (string, string?)[]
        {
            ("edgeAgent", null),
            ("edgeHub", null),
            ("tempSensor", null),
            ("csharpmodule", "createOptions pieces have a gap: createOptions02 is missing before createOptions03"),
            ("csharpfunction", "createOptions must be a JSON object, not an array"),
            ("csharpfunction2", "createOptions pieces have a gap: createOptions02 is missing before createOptions03"),
        }, errors);
    }
}

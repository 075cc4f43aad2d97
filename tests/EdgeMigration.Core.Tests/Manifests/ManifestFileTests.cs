using System.Collections;
using System.IO;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Manifests;
using Xunit;

namespace EdgeMigration.Tests.Manifests;

/// <summary>
/// A document knows the file it holds as read, so that the module's results of it can stand for that file when piped
/// on; a converted or otherwise edited document, and one from text or objects, holds no file.
/// </summary>
public class ManifestFileTests
{
    private static string SamplePath => Path.Combine(TestPaths.Samples, "fpga-deployment.json");

    [Fact]
    public void ADocumentLoadedFromAFileHoldsThatFile()
    {
        Assert.Equal(SamplePath, ManifestDocument.Load(SamplePath).File);
    }

    [Fact]
    public void TextObjectsAndCopiesHoldNoFileThoughNamedByIt()
    {
        var text = ManifestDocument.Parse(File.ReadAllText(SamplePath), SamplePath);
        var copy = ManifestDocument.Load(SamplePath).Clone();

        Assert.Null(text.File);
        Assert.Null(copy.File);
        Assert.Equal(SamplePath, copy.SourceName);
        var agent = new Hashtable { ["properties.desired"] = new Hashtable { ["schemaVersion"] = "1.0", ["modules"] = new Hashtable() } };
        Assert.Null(ManifestDocument.FromObject(new Hashtable { ["modulesContent"] = new Hashtable { ["$edgeAgent"] = agent } }, SamplePath).File);
    }

    [Fact]
    public void AConvertedOrRefreshedDocumentNoLongerHoldsItsFile()
    {
        var converted = ManifestConverter.Convert(ManifestDocument.Load(SamplePath)).Manifest;
        var refreshed = ManifestDocument.Load(SamplePath);
        refreshed.Refresh();

        Assert.Null(converted.File);
        Assert.Equal(SamplePath, converted.SourceName);
        Assert.Null(refreshed.File);
    }
}

using System;
using CsCheck;
using EdgeMigration.Core.Manifests;
using Xunit;

namespace EdgeMigration.Tests.Properties;

public class ReadWriteProperties
{
    [Fact]
    public void ReadingAndWritingWithoutChangeIsLossless() =>
        ManifestGen.Any.Sample(generated =>
        {
            var manifest = ManifestDocument.Parse(generated.Bytes, "generated.json");
            Assert.Equal(generated.Bytes, manifest.ToBytes());
            Assert.Equal(generated.Bytes, manifest.Clone().ToBytes());
        }, iter: PropertyRuns.Iterations);

    [Fact]
    public void EveryShapeIsRecognised() =>
        ManifestGen.Any.Sample(generated =>
            Assert.Equal(generated.Shape, ManifestDocument.Parse(generated.Bytes, "generated.json").Shape), iter: PropertyRuns.Iterations);
}

using System;
using System.IO;
using System.Linq;
using EdgeMigration.Core.Manifests;
using Xunit;
using static EdgeMigration.Tests.Hostile.Bounded;

namespace EdgeMigration.Tests.Hostile;

/// <summary>Inputs too large to read, and the largest that are read: refused before reading, or read within a stated bound.</summary>
[Collection(nameof(Alone))]
public sealed class HostileSizeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("edgemigration-hostile-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    [Fact]
    public void AHundredMegabyteFileIsRefusedWithoutReadingIt()
    {
        var path = Path.Combine(_folder, "disk-image.json");
        using (var file = File.Create(path))
        {
            file.SetLength(100 * MiB);
        }

        var error = ReadAndConvert(() => ManifestDocument.Load(path), maxAllocatedBytes: MiB).Refused(ManifestErrorKind.Unreadable);

        Assert.Equal($"{path}: the file is 100 MiB; manifests larger than 16 MiB are not read (IoT Edge deployments are a few kilobytes).", error.Message);
    }

    [Fact]
    public void BytesOverTheLimitAreRefusedWithoutParsingThem()
    {
        var bytes = new byte[ManifestDocument.MaxSizeBytes + 1];

        var error = ReadAndConvert(() => ManifestDocument.Parse(bytes, "pipeline"), maxAllocatedBytes: MiB).Refused(ManifestErrorKind.Unreadable);

        Assert.Equal("pipeline: manifests larger than 16 MiB are not read.", error.Message);
    }

    [Fact]
    public void AManifestJustUnderTheLimitIsReadAndConverted()
    {
        // One module whose createOptions hold a 15 MiB environment value: read, converted (O4), written back.
        var value = new string('x', 15 * (int)MiB);
        var manifest = ManifestBuilder.Deployment(("big", "{\"Env\":[\"A:B=" + value + "\"]}")).ToBytes();
        Assert.InRange(manifest.Length, 15 * MiB, ManifestDocument.MaxSizeBytes);

        var outcome = ReadAndConvert(manifest, maxAllocatedBytes: 128L * manifest.Length, measureRetained: true);

        Assert.Equal(new[] { "O4" }, outcome.Converted().Changes.Select(c => c.RuleId));
        Assert.Contains("A__B=" + value, outcome.Converted().Manifest.FindModule("big")!.CreateOptions!.Text);
        AssertHolds(outcome, 32L * manifest.Length);
    }

    [Fact]
    public void FiveThousandModulesAreReadAndConvertedInLinearMemory()
    {
        // Found while bounding memory: each module's id, routes and IPC partners were compared with every other
        // module's, 2.6 GB for these 2 MiB; every such comparison now goes through one index per manifest.
        var modules = Enumerable.Range(0, 5000)
            .Select(i => ($"Module_{i}", "{\"Env\":[\"A:B=1\"],\"HostConfig\":{\"IpcMode\":\"container:Module_" + (i + 1) + "\"}}"))
            .ToArray();
        var manifest = ManifestBuilder.Deployment(modules).ToBytes();

        var outcome = ReadAndConvert(manifest, maxAllocatedBytes: 256L * manifest.Length, measureRetained: true);

        Assert.Equal(5002, outcome.Manifest!.Modules.Count);
        Assert.Equal(15000, outcome.Converted().Changes.Count);
        AssertHolds(outcome, 64L * manifest.Length);
    }

    [Theory]
    [InlineData("=")]
    [InlineData("Server=")]
    [InlineData("Server=Filter_2 ")]
    [InlineData("tcp:")]
    [InlineData("tcp:x,")]
    public void AValueOfMillionsOfConnectionStringKeysIsReadInLinearTime(string piece)
    {
        // K20 and O2 read a connection string's server; looking back for each '=' to the ';' before it, or ahead to the
        // one after it, took a read of the whole value per '=': hours for these 8 MiB. O2 renames Filter_2, so both read.
        var value = string.Concat(Enumerable.Repeat(piece, 8 * (int)MiB / piece.Length));
        var manifest = ManifestBuilder.Deployment(("Filter_1", "{}", "{\"CONNECTION\": {\"value\": \"" + value + "\"}}"), ("Filter_2", "{}", null)).ToBytes();

        var outcome = ReadAndConvert(manifest, maxAllocatedBytes: 128L * manifest.Length);

        Assert.Equal(piece.Contains("Filter_2") ? 1 : 0, outcome.Converted().Changes.Count(c => c.Location == "env.CONNECTION.value"));
    }

    /// <summary>The input and its conversion, once read, hold at most <paramref name="maxBytes"/>.</summary>
    private static void AssertHolds(Outcome outcome, long maxBytes) =>
        Assert.True(outcome.RetainedBytes <= maxBytes, $"The manifest and its conversion hold {outcome.RetainedBytes / MiB} MiB, over {maxBytes / MiB} MiB.");
}

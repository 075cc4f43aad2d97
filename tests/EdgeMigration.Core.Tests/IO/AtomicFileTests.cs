using System;
using System.IO;
using System.Linq;
using System.Text;
using EdgeMigration.Core.IO;
using Xunit;

namespace EdgeMigration.Tests.IO;

public sealed class AtomicFileTests : IDisposable
{
    private static readonly byte[] Original = Encoding.UTF8.GetBytes("{\"original\": true}");
    private static readonly byte[] Converted = Encoding.UTF8.GetBytes("{\"converted\": \"" + new string('x', 100_000) + "\"}");

    private readonly string _folder = Directory.CreateTempSubdirectory("edgemigration-atomic-").FullName;

    private string Target => Path.Combine(_folder, "gpu.json");

    public void Dispose() => Directory.Delete(_folder, true);

    /// <summary>A whole write as the module makes one: prepared, then put in place.</summary>
    private static void Write(string path, byte[] contents, bool overwrite, Func<Stream, Stream>? through = null) =>
        AtomicFile.Prepare(path, contents, overwrite, through ?? (stream => stream)).Place();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(50_000)]
    [InlineData(100_015)]
    public void AWriteFailingMidwayLeavesTheOriginalIntactAndNoTemporaryFile(int failAfterBytes)
    {
        File.WriteAllBytes(Target, Original);

        var error = Assert.Throws<IOException>(() => Write(Target, Converted, overwrite: true, stream => new FailingStream(stream, failAfterBytes)));

        Assert.Equal($"The file '{Target}' was not written: {FailingStream.Message}", error.Message);
        Assert.Equal(Original, File.ReadAllBytes(Target));
        Assert.Equal(new[] { "gpu.json" }, Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void AWriteFailingMidwayCreatesNoFile()
    {
        Assert.Throws<IOException>(() => Write(Target, Converted, overwrite: false, stream => new FailingStream(stream, 4096)));

        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void AReplaceThatFailsLeavesWhatWasThereAndNoTemporaryFile()
    {
        // A folder where the file should go: the temporary file is written, and then cannot take its place.
        Directory.CreateDirectory(Target);
        File.WriteAllBytes(Path.Combine(Target, "inside.json"), Original);

        var error = Assert.Throws<IOException>(() => Write(Target, Converted, overwrite: true));

        Assert.StartsWith($"The file '{Target}' was not written: ", error.Message);
        Assert.Equal(Original, File.ReadAllBytes(Path.Combine(Target, "inside.json")));
        Assert.Equal(new[] { "gpu.json" }, Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void AnExistingFileIsKeptUnlessOverwritingIsAsked()
    {
        File.WriteAllBytes(Target, Original);

        var error = Assert.Throws<IOException>(() => Write(Target, Converted, overwrite: false));
        Assert.Equal($"The file '{Target}' already exists.", error.Message);
        Assert.Equal(Original, File.ReadAllBytes(Target));

        Write(Target, Converted, overwrite: true);
        Assert.Equal(Converted, File.ReadAllBytes(Target));
        Assert.Equal(new[] { "gpu.json" }, Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void APreparedFileTakesItsPlaceOnlyWhenPlacedAndADiscardedOneLeavesNoTrace()
    {
        // ConvertTo-GpuEdgeManifest writes ahead on other threads, and places each file when its result is reported.
        File.WriteAllBytes(Target, Original);

        var discarded = AtomicFile.Prepare(Target, Converted, overwrite: true);
        Assert.Equal(Original, File.ReadAllBytes(Target));
        discarded.Discard();
        discarded.Discard();
        Assert.Equal(Original, File.ReadAllBytes(Target));
        Assert.Equal(new[] { "gpu.json" }, Directory.GetFiles(_folder).Select(Path.GetFileName));

        var placed = AtomicFile.Prepare(Target, Converted, overwrite: true);
        Assert.Equal(Original, File.ReadAllBytes(Target));
        placed.Place();
        placed.Discard();
        Assert.Equal(Converted, File.ReadAllBytes(Target));
        Assert.Equal(new[] { "gpu.json" }, Directory.GetFiles(_folder).Select(Path.GetFileName));
        Assert.Throws<InvalidOperationException>(() => placed.Place());

        var fresh = Path.Combine(_folder, "fresh.json");
        AtomicFile.Prepare(fresh, Converted, overwrite: false).Discard();
        Assert.Equal(new[] { "gpu.json" }, Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead)]
    public void AnOverwrittenFileKeepsItsPermissions(UnixFileMode mode)
    {
        // A manifest kept private (it holds registry passwords) or read-only stays so after -Force overwrites it.
        // Windows keeps a file's ACL and attributes through File.Replace.
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        File.WriteAllBytes(Target, Original);
        File.SetUnixFileMode(Target, mode);

        Write(Target, Converted, overwrite: true);

        Assert.Equal(Converted, File.ReadAllBytes(Target));
        Assert.Equal(mode, File.GetUnixFileMode(Target));
    }

    [Fact]
    public void AFolderNobodyMayWriteToIsAClearErrorNamingTheFile()
    {
        // sysfs refuses new files even to root, as a read-only share refuses them to a user.
        var target = "/sys/edgemigration-gpu.json";

        var error = Assert.Throws<UnauthorizedAccessException>(() => Write(target, Converted, overwrite: true));

        Assert.StartsWith($"The file '{target}' was not written: Access to the path '/sys/.edgemigration-gpu.json.", error.Message);
        Assert.False(File.Exists(target));
    }

    /// <summary>A stream that takes <c>failAfterBytes</c> bytes and then fails as a full disk does.</summary>
    private sealed class FailingStream : Stream
    {
        public const string Message = "There is not enough space on the disk (injected).";

        private readonly Stream _inner;
        private int _left;

        public FailingStream(Stream inner, int failAfterBytes)
        {
            _inner = inner;
            _left = failAfterBytes;
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _inner.Length;
        public override long Position { get => _inner.Position; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            var taken = Math.Min(count, _left);
            _inner.Write(buffer, offset, taken);
            _left -= taken;
            if (taken < count)
            {
                throw new IOException(Message);
            }
        }

        public override void Flush() => _inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

using System;
using System.Threading.Tasks;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Manifests;
using Xunit;

namespace EdgeMigration.Tests.Hostile;

/// <summary>
/// What a hostile case gave: the converted manifest or the error, the bytes the case allocated, and the bytes the
/// input and its conversion hold once read (measured only when the case runs alone, see <see cref="Alone"/>).
/// </summary>
public sealed record Outcome(ManifestDocument? Manifest, ConversionResult? Conversion, Exception? Error, long AllocatedBytes, long RetainedBytes)
{
    /// <summary>The error, which must be a <see cref="ManifestException"/> of <paramref name="kind"/>.</summary>
    public ManifestException Refused(ManifestErrorKind kind)
    {
        var error = Assert.IsType<ManifestException>(Error);
        Assert.Equal(kind, error.Kind);
        return error;
    }

    /// <summary>The conversion of a manifest that was read.</summary>
    public ConversionResult Converted()
    {
        Assert.True(Error is null, "Expected a manifest, got " + Error);
        return Conversion!;
    }
}

/// <summary>
/// Runs a hostile case as the module would (read, then convert), on a thread of its own so that a hang fails the test
/// instead of stopping the run, and counts what the thread allocates: a bound on the memory the case can ever hold.
/// </summary>
public static class Bounded
{
    /// <summary>Far beyond any case's real time: reached only by a hang.</summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(2);

    public const long MiB = 1024 * 1024;

    /// <summary>Reads and converts; with <paramref name="measureRetained"/> (for cases that run <see cref="Alone"/>) also measures what the result holds.</summary>
    public static Outcome ReadAndConvert(Func<ManifestDocument> read, long maxAllocatedBytes, bool measureRetained = false)
    {
        var outcome = Run(() =>
        {
            var manifest = read();
            return (manifest, ManifestConverter.Convert(manifest));
        }, measureRetained);
        Assert.True(outcome.AllocatedBytes <= maxAllocatedBytes,
            $"The case allocated {outcome.AllocatedBytes / MiB} MiB, over its bound of {maxAllocatedBytes / MiB} MiB.");
        return outcome;
    }

    public static Outcome ReadAndConvert(byte[] bytes, long maxAllocatedBytes, bool measureRetained = false) =>
        ReadAndConvert(() => ManifestDocument.Parse(bytes, "hostile.json"), maxAllocatedBytes, measureRetained);

    public static Outcome ReadAndConvert(string json, long maxAllocatedBytes) =>
        ReadAndConvert(() => ManifestDocument.Parse(json, "hostile.json"), maxAllocatedBytes);

    private static Outcome Run(Func<(ManifestDocument, ConversionResult)> action, bool measureRetained)
    {
        var task = Task.Factory.StartNew(() =>
        {
            var heap = measureRetained ? GC.GetTotalMemory(true) : 0;
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                var (manifest, conversion) = action();
                var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                return new Outcome(manifest, conversion, null, allocated, measureRetained ? GC.GetTotalMemory(true) - heap : 0);
            }
            catch (Exception ex)
            {
                return new Outcome(null, null, ex, GC.GetAllocatedBytesForCurrentThread() - before, 0);
            }
        }, TaskCreationOptions.LongRunning);
        Assert.True(task.Wait(HangLimit), $"The case did not finish within {HangLimit}.");
        return task.Result;
    }
}

/// <summary>Cases that measure or rely on what the whole process shares run alone: retained memory (the heap), the reader's shared strings.</summary>
[CollectionDefinition(nameof(Alone), DisableParallelization = true)]
public sealed class Alone
{
}

using System;
using System.IO;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.IO;

namespace EdgeMigration.Infrastructure;

/// <summary>
/// A conversion and the file it is written to (none when no file was asked for), or why it could not be. The bytes are
/// written and flushed off the pipeline thread (<see cref="Prepare"/>); the file takes its place only when its result
/// goes to the pipeline (<see cref="Place"/>), so that a pipeline stopped before that (a warning or error turned into a
/// stop, Select-Object -First, a later command that throws, a stopped job) leaves no file written that was not reported.
/// </summary>
internal sealed class WrittenFile
{
    private AtomicFile.PreparedFile? _prepared;

    public WrittenFile(ConversionResult result, string? target, Exception? error)
        : this(result, target, error, null)
    {
    }

    private WrittenFile(ConversionResult result, string? target, Exception? error, AtomicFile.PreparedFile? prepared)
    {
        Result = result;
        Target = target;
        Error = error;
        _prepared = prepared;
    }

    public ConversionResult Result { get; }
    public string? Target { get; }

    /// <summary>Why the file could not be written; after <see cref="Place"/>, also why it could not take its place.</summary>
    public Exception? Error { get; private set; }

    /// <summary>Writes the converted manifest whole and flushed to disk beside <paramref name="target"/> (<see cref="AtomicFile"/>), in a folder that is there.</summary>
    public static WrittenFile Prepare(ConversionResult result, string target, bool overwrite)
    {
        try
        {
            return new WrittenFile(result, target, null, AtomicFile.Prepare(target, result.Manifest.ToBytes(), overwrite));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new WrittenFile(result, target, ex);
        }
    }

    /// <summary>Puts the written file in its place, on the pipeline thread, right before its result is reported.</summary>
    public void Place()
    {
        var prepared = _prepared;
        _prepared = null;
        try
        {
            prepared?.Place();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Error = ex;
        }
    }

    /// <summary>Deletes the written file if it has not taken its place: its result was never reported.</summary>
    public void Discard()
    {
        _prepared?.Discard();
        _prepared = null;
    }
}

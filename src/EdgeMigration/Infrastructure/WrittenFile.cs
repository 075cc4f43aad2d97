using System;
using System.IO;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.IO;

namespace EdgeMigration.Infrastructure;

/// <summary>A conversion and the file it was written to off the pipeline thread (none when no file was asked for), or why it could not be.</summary>
internal sealed class WrittenFile
{
    public WrittenFile(ConversionResult result, string? target, Exception? error)
    {
        Result = result;
        Target = target;
        Error = error;
    }

    public ConversionResult Result { get; }
    public string? Target { get; }
    public Exception? Error { get; }

    /// <summary>Writes the converted manifest whole and flushed to disk (<see cref="AtomicFile"/>) into a folder that is there.</summary>
    public static WrittenFile Write(ConversionResult result, string target, bool overwrite)
    {
        try
        {
            AtomicFile.Write(target, result.Manifest.ToBytes(), overwrite);
            return new WrittenFile(result, target, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new WrittenFile(result, target, ex);
        }
    }
}

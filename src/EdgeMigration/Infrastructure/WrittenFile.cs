using System;
using System.IO;
using System.Management.Automation;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.IO;

namespace EdgeMigration.Infrastructure;

/// <summary>
/// A conversion and the file it was written to off the pipeline thread (none when no file was asked for), why it could
/// not be, or why the cmdlet refused to write it: each is reported in its input's place.
/// </summary>
internal sealed class WrittenFile
{
    public WrittenFile(ConversionResult result, string? target, Exception? error)
    {
        Result = result;
        Target = target;
        Error = error;
    }

    private WrittenFile(ConversionResult result, ErrorRecord refusal)
        : this(result, null, null)
    {
        Refusal = refusal;
    }

    public ConversionResult Result { get; }
    public string? Target { get; }
    public Exception? Error { get; }

    /// <summary>Set when no file was written because the output asked for cannot be (it exists, or is another input's).</summary>
    public ErrorRecord? Refusal { get; }

    public static WrittenFile Refused(ConversionResult result, ErrorRecord refusal) => new(result, refusal);

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

using System;
using System.IO;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.IO;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Infrastructure;

/// <summary>A manifest file read and converted off the pipeline thread, or why it could not be read.</summary>
internal sealed class ConvertedFile
{
    private ConvertedFile(string file, ConversionResult? result, ManifestException? error)
    {
        File = file;
        Result = result;
        Error = error;
    }

    public string File { get; }
    public ConversionResult? Result { get; }
    public ManifestException? Error { get; }

    /// <summary>Reads and converts <paramref name="file"/>; the document is this work's alone, so it is converted in place.</summary>
    public static ConvertedFile Convert(string file, ConversionOptions options)
    {
        try
        {
            return new ConvertedFile(file, ManifestConverter.ConvertInPlace(ManifestDocument.Load(file), options), null);
        }
        catch (ManifestException ex)
        {
            return new ConvertedFile(file, null, ex);
        }
    }
}

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

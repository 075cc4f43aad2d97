using System;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Infrastructure;

/// <summary>
/// A manifest file read and worked on (converted, checked) off the pipeline thread, or why it could not be read. The
/// document is the work's alone, so the work may edit it.
/// </summary>
internal sealed class FileWork<T> where T : class
{
    private FileWork(string file, T? result, ManifestException? error)
    {
        File = file;
        Result = result;
        Error = error;
    }

    public string File { get; }
    public T? Result { get; }
    public ManifestException? Error { get; }

    public static FileWork<T> Run(string file, Func<ManifestDocument, T> work)
    {
        try
        {
            return new FileWork<T>(file, work(ManifestDocument.Load(file)), null);
        }
        catch (ManifestException ex)
        {
            return new FileWork<T>(file, null, ex);
        }
    }
}

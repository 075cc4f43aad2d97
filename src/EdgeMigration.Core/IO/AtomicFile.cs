using System;
using System.IO;

namespace EdgeMigration.Core.IO;

/// <summary>
/// Writes a file so that a crash or a failed write never leaves a half-written manifest: the bytes go to a
/// temporary file in the destination folder (same volume), which then replaces the destination in one step.
/// On any failure the destination is as it was and the temporary file is gone.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, byte[] contents, bool overwrite) => Write(path, contents, overwrite, stream => stream);

    /// <summary>As <see cref="Write(string, byte[], bool)"/>; <paramref name="through"/> wraps the temporary file's stream (tests make it fail midway).</summary>
    internal static void Write(string path, byte[] contents, bool overwrite, Func<Stream, Stream> through)
    {
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath) ?? ".";
        // Asked once: whether the file is there decides both the refusal and how the new file takes its place.
        var existed = File.Exists(fullPath);
        if (!overwrite && existed)
        {
            throw new IOException($"The file '{fullPath}' already exists.");
        }
        var temporary = Path.Combine(directory, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
        var created = false;
        var placed = false;
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                created = true;
                var stream = through(file);
                stream.Write(contents, 0, contents.Length);
                stream.Flush();
                file.Flush(true);
            }
            if (existed)
            {
                File.Replace(temporary, fullPath, null);
            }
            else
            {
                File.Move(temporary, fullPath);
            }
            placed = true;
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new UnauthorizedAccessException(NotWritten(fullPath, ex), ex);
        }
        catch (IOException ex)
        {
            throw new IOException(NotWritten(fullPath, ex), ex);
        }
        finally
        {
            // Only a temporary file this write made: a name that was taken belongs to someone else.
            if (created && !placed)
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>The failure names the file the user asked for, not the temporary file it happened on.</summary>
    private static string NotWritten(string path, Exception ex) => $"The file '{path}' was not written: {ex.Message}";
}

using System;
using System.IO;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace EdgeMigration.Core.IO;

/// <summary>
/// Writes a file so that a crash or a failed write never leaves a half-written manifest: the bytes go to a
/// temporary file in the destination folder (same volume), which then replaces the destination in one step.
/// On any failure the destination is as it was and the temporary file is gone.
/// </summary>
public static class AtomicFile
{
    /// <summary>
    /// File.GetUnixFileMode and SetUnixFileMode (.NET 7 and later: every pwsh this module runs in on Unix), which
    /// netstandard2.0 does not have; null on Windows, where File.Replace keeps the file's ACL and attributes itself.
    /// </summary>
    private static readonly MethodInfo? GetUnixFileMode = RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
        ? null
        : typeof(File).GetMethod("GetUnixFileMode", new[] { typeof(string) });

    private static readonly MethodInfo? SetUnixFileMode = GetUnixFileMode is null
        ? null
        : typeof(File).GetMethod("SetUnixFileMode", new[] { typeof(string), GetUnixFileMode.ReturnType });

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
                KeepMode(fullPath, temporary);
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

    /// <summary>
    /// On Unix the new file takes the old one's place by a rename, and would have the default mode: a manifest kept
    /// private (600, as it holds registry passwords) or read-only would become readable by all, or writable.
    /// </summary>
    private static void KeepMode(string existing, string temporary)
    {
        if (GetUnixFileMode is null || SetUnixFileMode is null)
        {
            return;
        }
        try
        {
            SetUnixFileMode.Invoke(null, new[] { temporary, GetUnixFileMode.Invoke(null, new object[] { existing }) });
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            // The file's own error (it is gone, or may not be read), for the caller to report as the write's failure.
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
        }
    }

    /// <summary>The failure names the file the user asked for, not the temporary file it happened on.</summary>
    private static string NotWritten(string path, Exception ex) => $"The file '{path}' was not written: {ex.Message}";
}

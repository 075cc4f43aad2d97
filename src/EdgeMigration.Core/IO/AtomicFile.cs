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

    /// <summary>
    /// The first half of a write: the bytes are written to the temporary file and flushed to disk, which is the slow
    /// part; the destination is untouched until <see cref="PreparedFile.Place"/>, and <see cref="PreparedFile.Discard"/>
    /// deletes the temporary file instead.
    /// </summary>
    public static PreparedFile Prepare(string path, byte[] contents, bool overwrite) => Prepare(path, contents, overwrite, stream => stream);

    /// <summary>As <see cref="Prepare(string, byte[], bool)"/>; <paramref name="through"/> wraps the temporary file's stream (tests make it fail midway).</summary>
    internal static PreparedFile Prepare(string path, byte[] contents, bool overwrite, Func<Stream, Stream> through)
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
        var written = false;
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
            written = true;
            return new PreparedFile(fullPath, temporary, existed);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw NotWritten(fullPath, ex);
        }
        finally
        {
            // Only a temporary file this write made: a name that was taken belongs to someone else.
            if (created && !written)
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>
    /// A file written whole and flushed beside its destination (<see cref="Prepare(string, byte[], bool)"/>), waiting to
    /// take the destination's place or to be discarded. Used by one thread at a time.
    /// </summary>
    public sealed class PreparedFile
    {
        private readonly string _temporary;
        private readonly bool _existed;
        private bool _settled;

        internal PreparedFile(string path, string temporary, bool existed)
        {
            Path = path;
            _temporary = temporary;
            _existed = existed;
        }

        /// <summary>The destination, as a full path.</summary>
        public string Path { get; }

        /// <summary>
        /// Puts the new file in the destination's place in one step. On failure (IOException or
        /// UnauthorizedAccessException naming the destination) the destination is as it was and the temporary file is gone.
        /// </summary>
        public void Place()
        {
            if (_settled)
            {
                throw new InvalidOperationException($"The new file for '{Path}' was already placed or discarded.");
            }
            _settled = true;
            var placed = false;
            try
            {
                if (_existed)
                {
                    KeepMode(Path, _temporary);
                    File.Replace(_temporary, Path, null);
                }
                else
                {
                    File.Move(_temporary, Path);
                }
                placed = true;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw NotWritten(Path, ex);
            }
            finally
            {
                if (!placed)
                {
                    File.Delete(_temporary);
                }
            }
        }

        /// <summary>Deletes the temporary file, leaving the destination as it was; nothing once placed or discarded.</summary>
        public void Discard()
        {
            if (_settled)
            {
                return;
            }
            _settled = true;
            try
            {
                File.Delete(_temporary);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Called where the command is already failing or stopping: a temporary file left is not worth hiding why.
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
    /// <summary>A failure to write <paramref name="path"/> as the caller sees it: of the same kind, naming the file asked for.</summary>
    private static Exception NotWritten(string path, Exception ex)
    {
        var message = $"The file '{path}' was not written: {ex.Message}";
        return ex is UnauthorizedAccessException ? new UnauthorizedAccessException(message, ex) : new IOException(message, ex);
    }
}

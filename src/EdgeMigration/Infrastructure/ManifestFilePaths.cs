using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;

namespace EdgeMigration.Infrastructure;

/// <summary>
/// The manifest files that paths name (-Path with wildcards, -LiteralPath, paths piped as text or objects), resolved as
/// the FileSystem provider of the cmdlet's session sees them; an error for each path that names no file.
/// </summary>
internal sealed class ManifestFilePaths
{
    private readonly PSCmdlet _cmdlet;

    /// <summary>Writes an error about the current input, in its place after the results of the inputs before it.</summary>
    private readonly Action<ErrorRecord> _writeInputError;

    public ManifestFilePaths(PSCmdlet cmdlet, Action<ErrorRecord> writeInputError)
    {
        _cmdlet = cmdlet;
        _writeInputError = writeInputError;
    }

    /// <summary>
    /// The files <paramref name="path"/> names, taken as it is with <paramref name="literal"/>, else with its wildcards;
    /// an error for a path that does not resolve, and for each directory or missing file it names.
    /// </summary>
    public IEnumerable<string> Resolve(string path, bool literal)
    {
        var resolved = new List<string>();
        try
        {
            if (literal)
            {
                resolved.Add(FileSystemPath.Of(_cmdlet.SessionState, path) ?? throw new PSArgumentException($"'{path}' is not a file system path."));
            }
            else
            {
                var paths = _cmdlet.GetResolvedProviderPathFromPSPath(path, out var provider);
                if (provider.Name != "FileSystem")
                {
                    throw new PSArgumentException($"'{path}' is not a file system path.");
                }
                resolved.AddRange(paths.Count > 0 ? paths : LiteralMatch(path));
            }
        }
        catch (ItemNotFoundException ex)
        {
            // A wildcard that matches nothing is not an error (as for Get-ChildItem); a plain path is.
            if (!WildcardPattern.ContainsWildcardCharacters(path))
            {
                // Named as -LiteralPath and Get-Item name it: a runbook's log does not show the folder a relative path was in.
                _writeInputError(Errors.FileNotFound(FullPath(path), ex));
            }
            return LiteralMatch(path);
        }
        catch (Exception ex) when (ex is PSArgumentException or ProviderNotFoundException or System.Management.Automation.DriveNotFoundException or NotSupportedException)
        {
            _writeInputError(Errors.InvalidPath(path, ex));
            return Array.Empty<string>();
        }
        return resolved.Where(IsFile).ToList();
    }

    /// <summary>
    /// For a wildcard that matches nothing, the file of that very name: one named "site[1].json", given without escaping
    /// its brackets, is meant.
    /// </summary>
    private IReadOnlyList<string> LiteralMatch(string path) =>
        WildcardPattern.ContainsWildcardCharacters(path) && LiteralFile(path) is { } file ? new[] { file } : Array.Empty<string>();

    /// <summary>The file system path <paramref name="path"/> names, relative paths resolved; the path as given where it names none.</summary>
    private string FullPath(string path)
    {
        try
        {
            return FileSystemPath.Of(_cmdlet.SessionState, path) ?? path;
        }
        catch (Exception ex) when (ex is PSArgumentException or ProviderNotFoundException or System.Management.Automation.DriveNotFoundException or NotSupportedException)
        {
            return path;
        }
    }

    /// <summary>The file a path names taken literally, or null when there is none.</summary>
    public string? LiteralFile(string path)
    {
        try
        {
            return FileSystemPath.Of(_cmdlet.SessionState, path) is { } file && File.Exists(file) ? file : null;
        }
        catch (Exception ex) when (ex is PSArgumentException or ProviderNotFoundException or System.Management.Automation.DriveNotFoundException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>True for an existing file; for a directory or a missing path, writes the error and returns false.</summary>
    public bool IsFile(string path)
    {
        if (Directory.Exists(path))
        {
            _writeInputError(Errors.PathIsDirectory(path));
            return false;
        }
        if (!File.Exists(path))
        {
            _writeInputError(Errors.FileNotFound(path, null));
            return false;
        }
        return true;
    }
}

using System;
using System.IO;

namespace EdgeMigration;

/// <summary>
/// How the format views show a manifest's path: relative to the current folder when the file is under it
/// (as Select-String shows matches), in full otherwise. The objects themselves keep the full path.
/// </summary>
public static class DisplayPath
{
    public static string Relative(string? path, string? currentFolder)
    {
        if (string.IsNullOrEmpty(path) || string.IsNullOrEmpty(currentFolder))
        {
            return path ?? "";
        }
        var folder = currentFolder!.TrimEnd('/', '\\') + Path.DirectorySeparatorChar;
        return path!.StartsWith(folder, StringComparison.OrdinalIgnoreCase) ? path.Substring(folder.Length) : path;
    }
}

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

    /// <summary>
    /// The group header of a module's rows (findings, changes, Kubernetes objects, dropped settings): the module, or
    /// "(manifest)" for what concerns the whole manifest, and the manifest, so that rows of two manifests piped
    /// together never share a header.
    /// </summary>
    public static string ModuleGroup(string? moduleName, string? manifest, string? currentFolder) =>
        (string.IsNullOrEmpty(moduleName) ? "(manifest)" : moduleName) + " (" + Relative(manifest, currentFolder) + ")";

    /// <summary>
    /// A location or path cut to a table column's width from the left: its end (the setting, the file) says
    /// most, so "$.modulesContent['$edgeHub']…routes.toCloud" shows as "…routes.toCloud".
    /// </summary>
    public static string Tail(string? text, int width)
    {
        if (text is null || text.Length <= width || width < 2)
        {
            return text ?? "";
        }
        return "\u2026" + text.Substring(text.Length - (width - 1));
    }
}

using System;
using System.Runtime.InteropServices;

namespace EdgeMigration.Core.IO;

/// <summary>
/// Whether two paths name the same file as the platform's file systems usually compare names: in any case on Windows and
/// macOS, exactly elsewhere. Where a file system differs (a case-sensitive folder on Windows), the comparison errs on
/// the side of "the same": two outputs are refused as one name rather than one silently written over the other.
/// </summary>
public static class FileNames
{
    public static StringComparer Comparer { get; } =
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX)
            ? StringComparer.OrdinalIgnoreCase
            : StringComparer.Ordinal;
}

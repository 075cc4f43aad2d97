using System.Management.Automation;

namespace EdgeMigration.Infrastructure;

/// <summary>File system paths of the paths users give, as PowerShell resolves them against the current location.</summary>
internal static class FileSystemPath
{
    /// <summary>
    /// The file system path <paramref name="path"/> names, whether or not it exists; null for a path of another provider
    /// (Env:, Variable:), whose provider path is no file but would pass for one relative to the process's folder. Throws
    /// as PowerShell does for a path that does not resolve (a missing drive, an unknown provider).
    /// </summary>
    public static string? Of(SessionState sessionState, string path) =>
        sessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _) is var resolved && provider.Name == "FileSystem" ? resolved : null;
}

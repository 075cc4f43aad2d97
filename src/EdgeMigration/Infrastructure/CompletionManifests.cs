using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Infrastructure;

/// <summary>
/// The manifests named by the -Path or -LiteralPath of the command line being completed, resolved against
/// the session's current location. Completion never fails: what cannot be read offers nothing.
/// </summary>
internal static class CompletionManifests
{
    /// <summary>Large manifests make completion slow; a user completing a name has one file in mind.</summary>
    private const int MaxFiles = 8;

    public static IReadOnlyList<ManifestDocument> Read(IDictionary fakeBoundParameters)
    {
        var literal = fakeBoundParameters.Contains("LiteralPath");
        var paths = Values(literal ? fakeBoundParameters["LiteralPath"] : fakeBoundParameters.Contains("Path") ? fakeBoundParameters["Path"] : null);
        var manifests = new List<ManifestDocument>();
        foreach (var file in paths.SelectMany(p => Files(p, literal)).Distinct().Take(MaxFiles))
        {
            try
            {
                manifests.Add(ManifestDocument.Load(file));
            }
            catch (Exception ex) when (ex is ManifestException or IOException or UnauthorizedAccessException)
            {
                // Not a manifest, or unreadable: nothing to offer from it.
            }
        }
        return manifests;
    }

    private static IEnumerable<string> Values(object? value) => value switch
    {
        null => Enumerable.Empty<string>(),
        string text => new[] { text },
        PSObject wrapped => Values(wrapped.BaseObject),
        IEnumerable many => many.Cast<object?>().SelectMany(Values),
        _ => new[] { value.ToString() ?? "" },
    };

    /// <summary>
    /// The files a path names, as the cmdlets read it: a wildcard that matches nothing names the file of that very name,
    /// such as site[1].json given without escaping its brackets.
    /// </summary>
    private static IReadOnlyList<string> Files(string path, bool literal)
    {
        var files = Resolve(path, literal);
        return files.Count == 0 && !literal && WildcardPattern.ContainsWildcardCharacters(path) ? Resolve(path, literal: true) : files;
    }

    /// <summary>The files a path names, as the cmdlet itself would resolve them, run in the runspace being completed.</summary>
    private static IReadOnlyList<string> Resolve(string path, bool literal)
    {
        using var shell = PowerShell.Create(RunspaceMode.CurrentRunspace);
        shell.AddScript(literal
            ? "param($p) $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($p)"
            : "param($p) $ExecutionContext.SessionState.Path.GetResolvedProviderPathFromPSPath($p, [ref]$null)").AddArgument(path);
        try
        {
            return shell.Invoke().Select(o => o?.BaseObject as string).OfType<string>().Where(File.Exists).ToList();
        }
        catch (RuntimeException)
        {
            return Array.Empty<string>();
        }
    }
}

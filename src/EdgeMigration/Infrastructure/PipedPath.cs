using System.Collections;
using System.Management.Automation;

namespace EdgeMigration.Infrastructure;

/// <summary>
/// The file an object from the pipeline stands for, as -LiteralPath and -Path take it by property name in PowerShell's
/// own cmdlets: -InputObject takes every object by value, so the binder never gets to those names and this reads them.
/// </summary>
internal static class PipedPath
{
    /// <summary>
    /// Names the root of a manifest of any shape may have (deployment, hub deployment, modulesContent, the $edgeAgent
    /// twin and its desired properties; layered keys start with "properties.desired"): an object with one of them is a
    /// manifest, whatever else it holds.
    /// </summary>
    private static readonly string[] ManifestRoots =
    {
        "modulesContent", "moduleContent", "content", "$edgeAgent", "$edgeHub", "properties", "schemaVersion", "modules", "systemModules", "runtime",
    };

    private const string DeserializedPathInfo = "Deserialized.System.Management.Automation.PathInfo";

    /// <summary>Taken literally, in this order: Get-ChildItem's PSPath, then the aliases of -LiteralPath.</summary>
    private static readonly string[] LiteralNames = { "PSPath", "LiteralPath", "FullName", "LP" };

    /// <summary>The path and whether it is literal, or null for an object that names no file.</summary>
    public static (string Path, bool Literal)? Of(PSObject input)
    {
        if (input.BaseObject is IDictionary)
        {
            return null;
        }
        if (input.BaseObject is PathInfo resolved)
        {
            // Resolve-Path output: already resolved, so literal.
            return (resolved.Path, true);
        }
        if (input.TypeNames.Contains(DeserializedPathInfo) && Text(input, "Path") is { } deserializedPath)
        {
            // The same brought back from a job, remoting or Import-Clixml: its Path is no wildcard either.
            return (deserializedPath, true);
        }
        foreach (var property in input.Properties)
        {
            if (System.Array.Exists(ManifestRoots, root => string.Equals(root, property.Name, System.StringComparison.OrdinalIgnoreCase)) ||
                property.Name.StartsWith("properties.desired", System.StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }
        foreach (var name in LiteralNames)
        {
            if (Text(input, name) is { } literal)
            {
                return (literal, true);
            }
        }
        return Text(input, "Path") is { } path ? (path, false) : null;
    }

    private static string? Text(PSObject input, string name)
    {
        try
        {
            var value = input.Properties[name]?.Value;
            return (value is PSObject wrapped ? wrapped.BaseObject : value) is string { Length: > 0 } text ? text : null;
        }
        catch (GetValueException)
        {
            // A property whose getter throws names no file.
            return null;
        }
    }
}

using System.Collections.Specialized;
using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Infrastructure;

namespace EdgeMigration;

/// <summary>
/// ConvertTo-GpuEdgeManifest's result: the converted manifest in the input's shape (as JSON text, as
/// PowerShell objects, and as the ordered hashtables Az.IotHub's -ModulesContent takes), every change,
/// and the findings that remain.
/// </summary>
public sealed class EdgeManifestConversion
{
    private readonly ManifestDocument _manifest;

    internal EdgeManifestConversion(ConversionResult result, string? outFile)
    {
        _manifest = result.Manifest;
        Manifest = result.Manifest.SourceName;
        Shape = result.Manifest.Shape.ToString();
        OutFile = outFile;
        Changes = new ResultList<EdgeManifestChange>(result.Changes.Select(c => new EdgeManifestChange(c, Manifest)).ToArray());
        var source = ResultManifest.Of(result.Manifest);
        RemainingFindings = new ResultList<EdgeMigrationFinding>(result.RemainingFindings.Select(f => new EdgeMigrationFinding(f, source)).ToArray());
    }

    /// <summary>The converted manifest, for cmdlets that take this result from the pipeline.</summary>
    internal ManifestDocument Document => _manifest;

    /// <summary>The input's file path, or a description of the pipeline input.</summary>
    public string Manifest { get; }

    public string Shape { get; }

    /// <summary>Where the converted manifest was written, if it was.</summary>
    public string? OutFile { get; }

    public ResultList<EdgeManifestChange> Changes { get; }
    public ResultList<EdgeMigrationFinding> RemainingFindings { get; }

    /// <summary>True when no finding of severity Error remains.</summary>
    public bool Compatible => RemainingFindings.All(f => f.Severity != Core.Rules.Severity.Error);

    /// <summary>
    /// The converted manifest as JSON, laid out like the input. A method, not a property, so that displaying
    /// the result (Format-List *) never prints registry credentials.
    /// </summary>
    public string ToJson() => _manifest.ToJson();

    /// <summary>The converted document as ordered hashtables and arrays (Windows PowerShell 5.1 has no ConvertFrom-Json -AsHashtable).</summary>
    public OrderedDictionary ToHashtable() => (OrderedDictionary)PowerShellGraph.FromJson(_manifest.Root, asHashtable: true)!;

    /// <summary>The modulesContent as an ordered hashtable, for Add-AzIotHubDeployment / Set-AzIotHubEdgeModule -ModulesContent.</summary>
    public OrderedDictionary? ModulesContent =>
        _manifest.ModulesContent is null ? null : (OrderedDictionary)PowerShellGraph.FromJson(_manifest.ModulesContent, asHashtable: true)!;

    /// <summary>The converted document as PSCustomObjects, as ConvertFrom-Json would give it.</summary>
    public object? Content => PowerShellGraph.FromJson(_manifest.Root, asHashtable: false);

    public override string ToString() => Manifest;
}

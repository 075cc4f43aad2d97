using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Rules;

namespace EdgeMigration;

/// <summary>Test-EdgeModuleCompatibility's result for one module (or for the manifest as a whole).</summary>
public sealed class EdgeModuleCompatibility : IManifestResult
{
    internal EdgeModuleCompatibility(ResultManifest source, string shape, string? moduleName, string? image, IEnumerable<EdgeMigrationFinding> findings, bool compatible)
    {
        Source = source;
        Shape = shape;
        ModuleName = moduleName;
        Image = image;
        Findings = new ResultList<EdgeMigrationFinding>(findings.ToArray());
        Compatible = compatible;
        ErrorCount = Findings.Count(f => f.Severity == Severity.Error);
        WarningCount = Findings.Count(f => f.Severity == Severity.Warning);
        InformationCount = Findings.Count(f => f.Severity == Severity.Information);
        RuleIds = new ResultList<string>(Findings.Select(f => f.RuleId).Distinct().ToArray(), ",");
    }

    ResultManifest IManifestResult.Source => Source;
    private ResultManifest Source { get; }

    public string Manifest => Source.Name;
    public string Shape { get; }

    /// <summary>The module id; null for findings about the manifest as a whole.</summary>
    public string? ModuleName { get; }

    public string? Image { get; }

    /// <summary>True when no finding of severity Error remains for this module.</summary>
    public bool Compatible { get; }

    public int ErrorCount { get; }
    public int WarningCount { get; }
    public int InformationCount { get; }
    public ResultList<EdgeMigrationFinding> Findings { get; }

    /// <summary>The ids of the rules the findings come from, once each, in the findings' order; its text is them comma-separated (Export-Csv writes it so).</summary>
    public ResultList<string> RuleIds { get; }

    public override string ToString() => $"{ModuleName ?? "(manifest)"}: {(Compatible ? "compatible" : "not compatible")}";
}

using EdgeMigration.Core.Rules;

namespace EdgeMigration;

/// <summary>A finding of Test-EdgeModuleCompatibility (or one that ConvertTo-GpuEdgeManifest could not fix).</summary>
public sealed class EdgeMigrationFinding
{
    internal EdgeMigrationFinding(Finding finding, string manifest)
    {
        Manifest = manifest;
        RuleId = finding.RuleId;
        Severity = finding.Severity;
        ModuleName = finding.ModuleName;
        Location = finding.Location;
        ManifestPath = finding.ManifestPath;
        Message = finding.Message;
        Recommendation = finding.Recommendation;
        IsFixable = finding.IsFixable;
        Certainty = finding.Certainty;
        HelpUri = finding.HelpUri;
    }

    public string Manifest { get; }
    public string RuleId { get; }
    public Severity Severity { get; }
    public string? ModuleName { get; }

    /// <summary>The setting, relative to the module's createOptions (<c>HostConfig.Binds[0]</c>) or definition.</summary>
    public string Location { get; }

    public string ManifestPath { get; }
    public string Message { get; }
    public string Recommendation { get; }
    public bool IsFixable { get; }
    public Certainty Certainty { get; }
    public string HelpUri { get; }

    public override string ToString() => $"{RuleId} {Severity} {ModuleName} {Location}: {Message}";
}

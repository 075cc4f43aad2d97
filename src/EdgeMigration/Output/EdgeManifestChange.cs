using EdgeMigration.Core.Conversion;

namespace EdgeMigration;

/// <summary>One change ConvertTo-GpuEdgeManifest made.</summary>
public sealed class EdgeManifestChange
{
    internal EdgeManifestChange(Change change, string manifest)
    {
        Manifest = manifest;
        ModuleName = change.ModuleName;
        RuleId = change.RuleId;
        Location = change.Location;
        ManifestPath = change.ManifestPath;
        Before = change.Before;
        After = change.After;
        Description = change.Description;
    }

    public string Manifest { get; }
    public string? ModuleName { get; }
    public string RuleId { get; }
    public string Location { get; }
    public string ManifestPath { get; }

    /// <summary>The JSON before the change; null when the setting was added.</summary>
    public string? Before { get; }

    /// <summary>The JSON after the change; null when the setting was removed.</summary>
    public string? After { get; }

    public string Description { get; }

    public override string ToString() => $"{RuleId} {ModuleName} {Location}: {Before ?? "(none)"} -> {After ?? "(removed)"}";
}

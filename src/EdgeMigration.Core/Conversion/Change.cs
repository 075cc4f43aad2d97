namespace EdgeMigration.Core.Conversion;

/// <summary>One change ConvertTo-GpuEdgeManifest made: where, by which rule, what was there and what is now.</summary>
public sealed record Change
{
    public string? ModuleName { get; init; }
    public string RuleId { get; init; } = "";

    /// <summary>Relative to the module's createOptions or definition, like a finding's location.</summary>
    public string Location { get; init; } = "";

    public string ManifestPath { get; init; } = "";

    /// <summary>The JSON before the change; null when the setting was added.</summary>
    public string? Before { get; init; }

    /// <summary>The JSON after the change; null when the setting was removed.</summary>
    public string? After { get; init; }

    public string Description { get; init; } = "";

    public override string ToString() => $"{RuleId} {ModuleName} {Location}: {Before ?? "(none)"} -> {After ?? "(removed)"}";
}

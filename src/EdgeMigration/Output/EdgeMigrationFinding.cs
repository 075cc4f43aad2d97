using EdgeMigration.Core.Rules;

namespace EdgeMigration;

/// <summary>A finding of Test-EdgeModuleCompatibility (or one that ConvertTo-GpuEdgeManifest could not fix).</summary>
/// <remarks>
/// Reads through to the core's finding instead of copying it: a field of one of the core's enums (Severity, Certainty)
/// would make PowerShell load EdgeMigration.Core while it lists the module's types at import, before
/// <see cref="Infrastructure.ModuleInitializer"/> can load the copy precompiled for the platform.
/// </remarks>
public sealed class EdgeMigrationFinding : IManifestResult
{
    private readonly Finding _finding;

    internal EdgeMigrationFinding(Finding finding, ResultManifest source)
    {
        _finding = finding;
        Source = source;
    }

    ResultManifest IManifestResult.Source => Source;
    private ResultManifest Source { get; }

    public string Manifest => Source.Name;
    public string RuleId => _finding.RuleId;
    public Severity Severity => _finding.Severity;
    public string? ModuleName => _finding.ModuleName;

    /// <summary>The setting, relative to the module's createOptions (<c>HostConfig.Binds[0]</c>) or definition.</summary>
    public string Location => _finding.Location;

    public string ManifestPath => _finding.ManifestPath;
    public string Message => _finding.Message;
    public string Recommendation => _finding.Recommendation;
    public bool IsFixable => _finding.IsFixable;
    public Certainty Certainty => _finding.Certainty;
    public string HelpUri => _finding.HelpUri;

    public override string ToString() => $"{RuleId} {Severity} {ModuleName} {Location}: {Message}";
}

using System.Collections.Generic;
using EdgeMigration.Core.Kubernetes;

namespace EdgeMigration;

/// <summary>A module setting the GPU device's Kubernetes agent does not carry into the module's objects, and why.</summary>
/// <remarks>Reads through to the core's record, for the reason <see cref="EdgeMigrationFinding"/> gives.</remarks>
public sealed class EdgeKubernetesDroppedSetting : IManifestResult
{
    private readonly DroppedSetting _dropped;

    internal EdgeKubernetesDroppedSetting(DroppedSetting dropped, ResultManifest source)
    {
        _dropped = dropped;
        Source = source;
    }

    ResultManifest IManifestResult.Source => Source;
    private ResultManifest Source { get; }

    public string Manifest => Source.Name;
    public string ModuleName => _dropped.ModuleName;

    /// <summary>The setting, relative to the module's createOptions (<c>HostConfig.CapAdd</c>) or definition (<c>restartPolicy</c>).</summary>
    public string Location => _dropped.Location;

    public string ManifestPath => _dropped.ManifestPath;

    /// <summary>The setting's value as JSON.</summary>
    public string? Value => _dropped.Value;

    /// <summary>Ignored (the module deploys without it), Fails (the device does not deploy the module) or Pending (a template placeholder, judged once the template is expanded).</summary>
    public DropEffect Effect => _dropped.Effect;

    public string Reason => _dropped.Reason;
    public string Advice => _dropped.Advice;

    /// <summary>True when the agent cannot read the module's createOptions or make its objects at all, which stops the whole deployment: every other module's Deploys is False too.</summary>
    public bool StopsDeployment => _dropped.StopsDeployment;

    /// <summary>On the note that the module is not deployed because other modules stop the whole deployment: their ids; null otherwise.</summary>
    public IReadOnlyList<string>? StoppedBy => _dropped.StoppedBy;

    public override string ToString() => $"{Effect} {ModuleName} {Location}: {Reason}";
}

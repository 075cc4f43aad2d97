using EdgeMigration.Core.Kubernetes;

namespace EdgeMigration;

/// <summary>A module setting the GPU device's Kubernetes agent does not carry into the module's objects, and why.</summary>
public sealed class EdgeKubernetesDroppedSetting
{
    internal EdgeKubernetesDroppedSetting(DroppedSetting dropped, string manifest)
    {
        Manifest = manifest;
        ModuleName = dropped.ModuleName;
        Location = dropped.Location;
        ManifestPath = dropped.ManifestPath;
        Value = dropped.Value;
        Effect = dropped.Effect;
        Reason = dropped.Reason;
        Advice = dropped.Advice;
    }

    public string Manifest { get; }
    public string ModuleName { get; }

    /// <summary>The setting, relative to the module's createOptions (<c>HostConfig.CapAdd</c>) or definition (<c>restartPolicy</c>).</summary>
    public string Location { get; }

    public string ManifestPath { get; }

    /// <summary>The setting's value as JSON.</summary>
    public string? Value { get; }

    /// <summary>Ignored (the module deploys without it) or Fails (the device does not deploy the module).</summary>
    public DropEffect Effect { get; }

    public string Reason { get; }
    public string Advice { get; }

    public override string ToString() => $"{Effect} {ModuleName} {Location}: {Reason}";
}

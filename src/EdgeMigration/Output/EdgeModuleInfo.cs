using System.Collections.Specialized;

namespace EdgeMigration;

/// <summary>A module of a manifest, as Get-EdgeModule emits it; read-only, as the other results are (piped on, it stands for its file).</summary>
public sealed class EdgeModuleInfo : IManifestResult
{
    /// <summary>The file the manifest came from, or a description of the pipeline input.</summary>
    public string Manifest { get; internal set; } = "";

    /// <summary>The file the module was read from, as it is there (see <see cref="ResultManifest"/>).</summary>
    internal string? ManifestFile { get; set; }

    ResultManifest IManifestResult.Source => new(Manifest, ManifestFile);

    /// <summary>The manifest's shape (DeploymentManifest, DeploymentTemplate, LayeredDeployment…).</summary>
    public string Shape { get; internal set; } = "";

    public string Name { get; internal set; } = "";
    public bool IsSystemModule { get; internal set; }
    public string? Type { get; internal set; }
    public string? Status { get; internal set; }
    public string? Image { get; internal set; }

    /// <summary>None, String, Chunked or Object: how createOptions are written in the manifest.</summary>
    public string CreateOptionsEncoding { get; internal set; } = "None";

    /// <summary>The decoded createOptions, as ConvertFrom-Json would give them (null when none).</summary>
    public object? CreateOptions { get; internal set; }

    /// <summary>Why the createOptions cannot be decoded, or null.</summary>
    public string? CreateOptionsError { get; internal set; }

    /// <summary>The module's env section, name → value, in manifest order.</summary>
    public OrderedDictionary Env { get; internal set; } = new();

    /// <summary>Where the module's definition lives in the manifest (JSONPath).</summary>
    public string Location { get; internal set; } = "";
}

using EdgeMigration.Core.Manifests;

namespace EdgeMigration;

/// <summary>
/// The manifest a result describes: its name as results show it (<c>Manifest</c>), and the file it was read from when the
/// result describes that file as it is, not a conversion of it nor text or objects. Piped into a manifest cmdlet, a result
/// with a file stands for that file (<see cref="Infrastructure.ManifestInputCmdlet"/>).
/// </summary>
internal readonly struct ResultManifest
{
    internal ResultManifest(string name, string? file)
    {
        Name = name;
        File = file;
    }

    internal string Name { get; }
    internal string? File { get; }

    internal static ResultManifest Of(ManifestDocument manifest) => new(manifest.SourceName, manifest.File);
}

/// <summary>A result of this module about one manifest.</summary>
internal interface IManifestResult
{
    ResultManifest Source { get; }
}

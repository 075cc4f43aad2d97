using System.Management.Automation;

namespace EdgeMigration.Infrastructure;

/// <summary>
/// ConvertTo-GpuEdgeManifest's result as remoting, Start-Job and Import-Clixml hand it back: a property bag named
/// Deserialized.EdgeMigration.EdgeManifestConversion, without the converted document (ToJson() does not travel). Its
/// Content is that document in the input's shape, whole at the depth EdgeMigration.Types.ps1xml asks for, and its
/// Manifest the name the live result gives. Read as anything else it would be taken for an Az.IotHub deployment (it has
/// Content.modulesContent) and come out as one, in another shape and named "deployment from the pipeline".
/// </summary>
internal static class DeserializedConversion
{
    public const string TypeName = "Deserialized.EdgeMigration.EdgeManifestConversion";

    /// <summary>The converted document and its name, or null for any other object.</summary>
    public static (object? Content, string Manifest)? Of(PSObject input)
    {
        if (!input.TypeNames.Contains(TypeName) || input.Properties["Content"] is not { } content)
        {
            return null;
        }
        var manifest = input.Properties["Manifest"]?.Value?.ToString();
        return (content.Value, string.IsNullOrEmpty(manifest) ? "converted manifest from the pipeline" : manifest!);
    }
}

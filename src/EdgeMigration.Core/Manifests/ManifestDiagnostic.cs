namespace EdgeMigration.Core.Manifests;

/// <summary>Something noticed while reading a manifest that is not fatal (the rules turn these into findings).</summary>
public sealed class ManifestDiagnostic
{
    public ManifestDiagnostic(string id, string message, string location, string? moduleName = null)
    {
        Id = id;
        Message = message;
        Location = location;
        ModuleName = moduleName;
    }

    /// <summary>DuplicateKey, ModuleNotAnObject, ServiceMetadata.</summary>
    public string Id { get; }
    public string Message { get; }
    public string Location { get; }
    public string? ModuleName { get; }

    public override string ToString() => Location + ": " + Message;
}

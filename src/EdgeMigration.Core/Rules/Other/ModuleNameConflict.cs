namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// A rename the user asked for (ConvertTo-GpuEdgeManifest -ModuleNameMap) that gives a module the device name another
/// module of the manifest has too, or would have had if the rename had not taken it first: a module the user did not
/// name would lose its id unasked.
/// </summary>
public sealed class ModuleNameConflict
{
    internal ModuleNameConflict(string id, string newId, string deviceName)
    {
        Id = id;
        NewId = newId;
        DeviceName = deviceName;
    }

    /// <summary>The module's id in the manifest.</summary>
    public string Id { get; }

    /// <summary>The id the user gave it.</summary>
    public string NewId { get; }

    /// <summary>The name the device gives <see cref="NewId"/>, which another module has or would have.</summary>
    public string DeviceName { get; }

    public string Message =>
        $"-ModuleNameMap gives '{Id}' the id '{NewId}', and another module of the manifest has the name '{DeviceName}' on the device too; each module needs its own.";
}

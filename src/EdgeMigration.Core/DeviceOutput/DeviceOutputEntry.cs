namespace EdgeMigration.Core.DeviceOutput;

/// <summary>One thing read from device output, in input order: a module, or why a row or document of it could not be read.</summary>
public sealed class DeviceOutputEntry
{
    private DeviceOutputEntry(ModuleEndpoint? module, DeviceOutputException? error)
    {
        Module = module;
        Error = error;
    }

    /// <summary>The module read; null when this entry is an error.</summary>
    public ModuleEndpoint? Module { get; }

    /// <summary>Why a row (or a whole table or JSON document) was not read; null when this entry is a module.</summary>
    public DeviceOutputException? Error { get; }

    public static DeviceOutputEntry Of(ModuleEndpoint module) => new(module, null);

    public static DeviceOutputEntry Of(DeviceOutputException error) => new(null, error);
}

using System;
using System.IO;
using System.Management.Automation;

namespace EdgeMigration.Infrastructure;

/// <summary>
/// A device for -ComputerName: an IP address or a name, never a path. A file of captured output given where the device goes
/// (Get-EdgeModuleExternalIp ./iotedge-list.txt, as the manifest cmdlets take files) binds to -ComputerName by position; the
/// user would be asked for a credential, and then told that a computer of that name cannot be reached.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ValidateDeviceNameAttribute : ValidateArgumentsAttribute
{
    private static readonly char[] PathSeparators = { '/', '\\' };

    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        foreach (var element in LanguagePrimitives.GetEnumerable(arguments) ?? new[] { arguments })
        {
            var name = element?.ToString() ?? "";
            if (name.IndexOfAny(PathSeparators) >= 0 || IsFile(name, engineIntrinsics))
            {
                throw new ValidationMetadataException(
                    $"'{name}' is a path, not the device's IP address or name. To read output captured in a file, pipe it: Get-Content '{name}' | Get-EdgeModuleExternalIp.");
            }
        }
    }

    /// <summary>True when <paramref name="name"/> names an existing file of the current location.</summary>
    private static bool IsFile(string name, EngineIntrinsics engineIntrinsics)
    {
        try
        {
            return FileSystemPath.Of(engineIntrinsics.SessionState, name) is { } path && File.Exists(path);
        }
        catch (Exception ex) when (ex is PSArgumentException or ProviderNotFoundException or System.Management.Automation.DriveNotFoundException or NotSupportedException)
        {
            return false;
        }
    }
}

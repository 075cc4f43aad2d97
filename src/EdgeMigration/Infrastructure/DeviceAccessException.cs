using System;
using System.Management.Automation;

namespace EdgeMigration.Infrastructure;

/// <summary>Reaching the device failed; carries the ErrorRecord the cmdlet writes.</summary>
internal sealed class DeviceAccessException : Exception
{
    public DeviceAccessException(ErrorRecord errorRecord)
        : base(errorRecord.Exception.Message, errorRecord.Exception)
    {
        ErrorRecord = errorRecord;
    }

    public ErrorRecord ErrorRecord { get; }
}

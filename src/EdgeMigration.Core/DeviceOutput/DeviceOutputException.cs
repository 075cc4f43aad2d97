using System;

namespace EdgeMigration.Core.DeviceOutput;

/// <summary>Text that is not <c>iotedge list</c> or <c>kubectl get svc</c> output, or a damaged part of it: why, and where.</summary>
public sealed class DeviceOutputException : Exception
{
    public const string Expected =
        "the table printed by 'iotedge list' or 'kubectl get svc -n iotedge', or the JSON of 'kubectl get svc -n iotedge -o json'";

    public DeviceOutputException(string message, int? line = null, Exception? inner = null, int? column = null)
        : base(Where(line, column) + message, inner)
    {
        Line = line;
        Column = line is null ? null : column;
    }

    /// <summary>The 1-based line of the input the problem is on, when it is on one.</summary>
    public int? Line { get; }

    /// <summary>The 1-based column on <see cref="Line"/> where the problem is, when that is known (invalid JSON).</summary>
    public int? Column { get; }

    /// <summary>The module whose row could not be read, when its name could be.</summary>
    public string? ModuleName { get; init; }

    private static string Where(int? line, int? column) =>
        line is null ? "" : column is null ? $"Line {line}: " : $"Line {line}, column {column}: ";
}

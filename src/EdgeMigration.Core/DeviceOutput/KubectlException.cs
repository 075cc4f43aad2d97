using System;

namespace EdgeMigration.Core.DeviceOutput;

/// <summary>kubectl could not be started, or it failed (bad kubeconfig, unknown context, cluster unreachable).</summary>
public sealed class KubectlException : Exception
{
    public KubectlException(string message, int? exitCode, Exception? inner = null)
        : base(message, inner)
    {
        ExitCode = exitCode;
    }

    /// <summary>kubectl's exit code; null when it did not run.</summary>
    public int? ExitCode { get; }
}

using System;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using EdgeMigration.Core.DeviceOutput;

namespace EdgeMigration.Infrastructure;

/// <summary>ErrorRecords of the cmdlets that read a GPU device: stable ids, categories, the input as target.</summary>
internal static class DeviceErrors
{
    /// <summary>
    /// Output that cannot be read. For output read from a device over remoting, the message starts with the device's name
    /// as PowerShell's remote errors do ([dev2] …): of several devices, it says whose output the line numbers count in.
    /// </summary>
    public static ErrorRecord NotRecognized(DeviceOutputException ex, object? target, string? computerName)
    {
        var record = new ErrorRecord(ex, "DeviceOutputNotRecognized", ErrorCategory.InvalidData, target);
        if (computerName is not null)
        {
            record.ErrorDetails = new ErrorDetails($"[{computerName}] {ex.Message}");
        }
        return record;
    }

    public static ErrorRecord ModuleNotFound(string name, string origin) =>
        new(new ItemNotFoundException($"No module named '{name}' (on the device: '{ModuleNames.Sanitize(name)}') in the output from {origin}."),
            "ModuleNotFound", ErrorCategory.ObjectNotFound, name);

    public static ErrorRecord KubeConfigNotFound(string path, Exception? inner) =>
        new(new FileNotFoundException($"Cannot find the kubeconfig file '{path}'{(inner is null ? "." : ": " + inner.Message)}", path, inner), "KubeConfigNotFound", ErrorCategory.ObjectNotFound, path);

    public static ErrorRecord KubectlNotFound(string? pathVariable) =>
        new(new FileNotFoundException(
                $"{Kubectl.ExecutableName} was not found in any folder of the PATH environment variable ('{pathVariable}'). " +
                "Install kubectl or add its folder to PATH; or run 'kubectl get svc -n iotedge -o json' where it is installed " +
                "(for example in the device's PowerShell interface) and pipe that output to Get-EdgeModuleExternalIp.",
                Kubectl.ExecutableName),
            "KubectlNotFound", ErrorCategory.ObjectNotFound, Kubectl.ExecutableName);

    public static ErrorRecord FileNotRead(string path, Exception ex) =>
        new(new IOException($"Cannot read the file '{path}': {ex.Message}", ex), "FileNotRead", ErrorCategory.ReadError, path);

    public static ErrorRecord KubectlFailed(KubectlException ex, string kubeConfig) =>
        new(ex, "KubectlFailed", ErrorCategory.InvalidResult, kubeConfig);

    public static ErrorRecord SessionNotUsable(PSSession session, string problem) =>
        new(new PSInvalidOperationException(
                $"The session '{session.Name}' to {session.ComputerName} cannot be used: {problem}. " +
                $"Open one with New-PSSession -ComputerName <device> -ConfigurationName {Minishell.ConfigurationName} -Credential <device user>."),
            "InvalidSession", ErrorCategory.InvalidArgument, session);

    public static ErrorRecord IotedgeListFailed(PSSession session, Exception ex)
    {
        var hint = string.Equals(session.ConfigurationName, Minishell.ConfigurationName, StringComparison.OrdinalIgnoreCase)
            ? ""
            : $" The session's endpoint is '{session.ConfigurationName}'; iotedge is a command of the device's {Minishell.ConfigurationName} endpoint.";
        return new(new InvalidOperationException($"'{Minishell.IotedgeList}' failed in the session to {session.ComputerName}: {ex.Message}{hint}", ex),
            "IotedgeListFailed", ErrorCategory.InvalidResult, session);
    }

    public static ErrorRecord ConnectionFailed(string computerName, Exception ex) =>
        new(new InvalidOperationException($"Cannot open a session to the {Minishell.ConfigurationName} endpoint of {computerName}: {ex.Message}", ex),
            "DeviceConnectionFailed", ErrorCategory.ConnectionError, computerName);
}

using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Remoting;
using System.Management.Automation.Runspaces;
using System.Threading;

namespace EdgeMigration.Infrastructure;

/// <summary>
/// The GPU device's PowerShell interface (the Minishell remoting endpoint): runs <c>iotedge list</c> in a
/// session, and opens and closes sessions for callers that give a computer name and credential.
/// </summary>
internal static class Minishell
{
    public const string ConfigurationName = "Minishell";
    public const string IotedgeList = "iotedge list";

    /// <summary>
    /// Runs <c>iotedge list</c> in the session's runspace, as a command (Minishell allows no scripts), and
    /// returns its output as text, one line per string it wrote.
    /// </summary>
    /// <exception cref="DeviceAccessException">The session is closed or busy, or the command failed.</exception>
    public static string InvokeIotedgeList(PSSession session, CancellationToken cancellation)
    {
        if (session.Runspace.RunspaceStateInfo.State != RunspaceState.Opened)
        {
            throw new DeviceAccessException(DeviceErrors.SessionNotUsable(session, $"it is {session.Runspace.RunspaceStateInfo.State}"));
        }
        if (session.Availability != RunspaceAvailability.Available)
        {
            throw new DeviceAccessException(DeviceErrors.SessionNotUsable(session, $"it is {session.Availability}"));
        }
        using var shell = PowerShell.Create();
        shell.Runspace = session.Runspace;
        shell.AddCommand("iotedge").AddArgument("list");
        try
        {
            using (cancellation.Register(shell.Stop))
            {
                var output = shell.Invoke();
                if (shell.Streams.Error.Count > 0)
                {
                    throw new DeviceAccessException(DeviceErrors.IotedgeListFailed(session, shell.Streams.Error[0].Exception));
                }
                // Minishell writes strings; anything else is shown as PowerShell would convert it to text.
                return string.Join("\n", output.Where(o => o is not null).Select(o => o.BaseObject as string ?? o.ToString()));
            }
        }
        catch (Exception ex) when (ex is RuntimeException or InvalidRunspaceStateException or InvalidOperationException)
        {
            throw new DeviceAccessException(DeviceErrors.IotedgeListFailed(session, ex));
        }
    }

    /// <summary>
    /// New-PSSession to the device's Minishell endpoint, run in the caller's runspace so $PSSessionOption and WinRM
    /// settings apply. When it fails, what it left in the caller's $Error is taken out again: the caller reports the
    /// failure as its own error, which carries New-PSSession's as its cause.
    /// </summary>
    /// <exception cref="DeviceAccessException">The session could not be opened.</exception>
    public static PSSession Open(string computerName, PSCredential credential, bool useSsl, PSSessionOption? option, SessionState callerState)
    {
        using var shell = PowerShell.Create(RunspaceMode.CurrentRunspace);
        shell.AddCommand("New-PSSession")
            .AddParameter("ComputerName", computerName)
            .AddParameter("Credential", credential)
            .AddParameter("ConfigurationName", ConfigurationName);
        if (useSsl)
        {
            shell.AddParameter("UseSSL");
        }
        if (option is not null)
        {
            shell.AddParameter("SessionOption", option);
        }
        var dollarError = callerState.PSVariable.GetValue("Error") as ArrayList;
        var newest = dollarError is { Count: > 0 } ? dollarError[0] : null;
        PSSession? session;
        try
        {
            session = shell.Invoke<PSSession>().FirstOrDefault();
        }
        catch (RuntimeException ex)
        {
            ForgetErrorsSince(dollarError, newest);
            throw new DeviceAccessException(DeviceErrors.ConnectionFailed(computerName, ex));
        }
        if (session is null)
        {
            ForgetErrorsSince(dollarError, newest);
            throw new DeviceAccessException(DeviceErrors.ConnectionFailed(computerName,
                shell.Streams.Error.FirstOrDefault()?.Exception ?? new InvalidOperationException("New-PSSession returned no session.")));
        }
        return session;
    }

    /// <summary>Takes out of $Error the entries put in front of <paramref name="newest"/>, its first entry before the call (all when it had none).</summary>
    private static void ForgetErrorsSince(ArrayList? dollarError, object? newest)
    {
        var added = dollarError is null ? 0 : newest is null ? dollarError.Count : dollarError.IndexOf(newest);
        if (added > 0)
        {
            dollarError!.RemoveRange(0, added);
        }
    }

    public static void Close(PSSession session)
    {
        using var shell = PowerShell.Create(RunspaceMode.CurrentRunspace);
        shell.AddCommand("Remove-PSSession").AddParameter("Session", session).Invoke();
    }
}

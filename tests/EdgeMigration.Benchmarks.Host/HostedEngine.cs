using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace EdgeMigration.Benchmarks.Host;

/// <summary>The PowerShell 7.6 engine in this process, as a runbook worker hosts it: one default runspace.</summary>
public sealed class HostedEngine : IDisposable
{
    private readonly Runspace _runspace;

    public HostedEngine()
    {
        _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        _runspace.Open();
    }

    /// <summary>Runs a script with the given variables set; any error fails the measurement.</summary>
    public void Run(string script, IDictionary<string, object>? variables = null)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        foreach (var pair in variables ?? new Dictionary<string, object>())
        {
            _runspace.SessionStateProxy.SetVariable(pair.Key, pair.Value);
        }
        ps.AddScript(script).Invoke();
        if (ps.HadErrors)
        {
            throw new InvalidOperationException($"'{script}' failed: " + string.Join("; ", ps.Streams.Error.Take(5)));
        }
    }

    public void Dispose() => _runspace.Dispose();
}

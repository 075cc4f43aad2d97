using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace EdgeMigration.Tests;

/// <summary>
/// The PowerShell 7.6 engine, in process, with the built module imported from out/EdgeMigration exactly
/// as a user imports it. Each test gets a fresh runspace, so no state leaks between tests.
/// </summary>
public sealed class PowerShellSession : IDisposable
{
    private readonly Runspace _runspace;

    public PowerShellSession()
    {
        _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        _runspace.Open();
        var import = Run($"Import-Module '{TestPaths.ModuleManifest.Replace("'", "''")}' -ErrorAction Stop -PassThru");
        if (import.HadErrors)
        {
            throw new InvalidOperationException("Import-Module failed: " + string.Join("; ", import.Errors));
        }
    }

    /// <summary>Runs a script as a user types it; statement-terminating errors land in Errors, not exceptions.</summary>
    public RunResult Run(string script, IDictionary<string, object?>? variables = null)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        if (variables is not null)
        {
            foreach (var pair in variables)
            {
                _runspace.SessionStateProxy.SetVariable(pair.Key, pair.Value);
            }
        }
        ps.AddScript(script);
        Collection<PSObject> output;
        Exception? terminating = null;
        try
        {
            output = ps.Invoke();
        }
        catch (RuntimeException ex)
        {
            output = new Collection<PSObject>();
            terminating = ex;
        }
        return new RunResult(
            output.ToList(),
            ps.Streams.Error.ToList(),
            ps.Streams.Warning.Select(w => w.Message).ToList(),
            ps.Streams.Verbose.Select(v => v.Message).ToList(),
            ps.HadErrors || terminating is not null,
            terminating)
        {
            Debug = ps.Streams.Debug.Select(d => d.Message).ToList(),
            Information = ps.Streams.Information.Select(i => i.MessageData?.ToString() ?? "").ToList(),
            Progress = ps.Streams.Progress.Select(p => p.Activity + " " + p.StatusDescription + " " + p.CurrentOperation).ToList(),
        };
    }

    public void Dispose() => _runspace.Dispose();
}

public sealed record RunResult(
    IReadOnlyList<PSObject> Output,
    IReadOnlyList<ErrorRecord> Errors,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Verbose,
    bool HadErrors,
    Exception? Terminating)
{
    public IReadOnlyList<string> Debug { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> Information { get; init; } = Array.Empty<string>();

    /// <summary>Each progress record's activity, status and current operation.</summary>
    public IReadOnlyList<string> Progress { get; init; } = Array.Empty<string>();

    public PSObject Single() => Output.Count == 1 ? Output[0] : throw new InvalidOperationException(
        $"Expected one output object, got {Output.Count}. Errors: {string.Join("; ", Errors)}");

    public T Property<T>(int index, string name) => (T)LanguagePrimitives.ConvertTo(Output[index].Properties[name].Value, typeof(T));

    public IReadOnlyList<string> ErrorIds => Errors.Select(e => e.FullyQualifiedErrorId).ToList();

    /// <summary>Fails with every error's text when the script wrote any.</summary>
    public RunResult AssertNoErrors()
    {
        if (HadErrors || Errors.Count > 0)
        {
            throw new Xunit.Sdk.XunitException("The script wrote errors:\n" + string.Join("\n", Errors.Select(e => e.ToString())) + Terminating?.Message);
        }
        return this;
    }
}

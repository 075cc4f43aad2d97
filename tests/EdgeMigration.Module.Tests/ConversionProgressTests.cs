using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Xunit;

namespace EdgeMigration.Tests;

/// <summary>
/// A hosted engine keeps every progress record it is given (PowerShell.Streams.Progress here, the job streams in
/// Azure Automation): converting a folder must not add one per manifest.
/// </summary>
public sealed class ConversionProgressTests
{
    /// <summary>ConvertTo-GpuEdgeManifest's documented pace: at most one progress record per 200 ms.</summary>
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    [Fact]
    public void ManyManifestsInOnePipelineWriteAtMostOneRecordPerIntervalAndEndWithCompleted()
    {
        const int Manifests = 200;
        using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript("param($module, $sample, $count) Import-Module $module -ErrorAction Stop; $json = [IO.File]::ReadAllText($sample)")
            .AddParameter("module", TestPaths.ModuleManifest).AddParameter("sample", TestPaths.Samples + "/fpga-deployment.json");
        ps.Invoke();
        ps.Commands.Clear();

        var stopwatch = Stopwatch.StartNew();
        ps.AddScript($"1..{Manifests} | ForEach-Object {{ $json }} | ConvertTo-GpuEdgeManifest -WarningAction Ignore | Out-Null").Invoke();
        var elapsed = stopwatch.Elapsed;

        Assert.False(ps.HadErrors, string.Join("; ", ps.Streams.Error));
        var records = ps.Streams.Progress.ToList();
        var processing = records.Where(r => r.RecordType == ProgressRecordType.Processing).ToList();
        Assert.Equal("Manifest 1", processing[0].CurrentOperation);
        Assert.InRange(processing.Count, 1, 1 + (int)(elapsed.Ticks / Interval.Ticks));
        Assert.Equal(ProgressRecordType.Completed, records[records.Count - 1].RecordType);
        Assert.Single(records, r => r.RecordType == ProgressRecordType.Completed);
    }
}

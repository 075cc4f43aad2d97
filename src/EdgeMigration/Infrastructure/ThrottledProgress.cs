using System;
using System.Diagnostics;
using System.Management.Automation;

namespace EdgeMigration.Infrastructure;

/// <summary>
/// Progress for a cmdlet that may handle thousands of records: the first record at once, then at most one every
/// <see cref="Interval"/>, and always a Completed record at the end. Hosts keep what they are given (a hosted
/// engine's Streams.Progress, Azure Automation's job streams), so one record per manifest would cost more than
/// converting it; a console redraws no faster than this anyway.
/// </summary>
internal sealed class ThrottledProgress
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly Cmdlet _cmdlet;
    private readonly int _activityId;
    private readonly string _activity;
    private readonly Stopwatch _sinceLast = new();

    public ThrottledProgress(Cmdlet cmdlet, int activityId, string activity)
    {
        _cmdlet = cmdlet;
        _activityId = activityId;
        _activity = activity;
    }

    /// <summary>Reports record number <paramref name="count"/> when the last report is at least <see cref="Interval"/> old.</summary>
    public void Report(string status, int count)
    {
        if (_sinceLast.IsRunning && _sinceLast.Elapsed < Interval)
        {
            return;
        }
        _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, status) { CurrentOperation = $"Manifest {count}" });
        _sinceLast.Restart();
    }

    public void Complete() =>
        _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, "Done") { RecordType = ProgressRecordType.Completed });
}

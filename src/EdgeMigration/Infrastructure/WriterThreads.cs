using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace EdgeMigration.Infrastructure;

/// <summary>
/// A few threads of a cmdlet's own for writing files. Each write waits for the disk (the file is flushed before it
/// takes its place); on the thread pool that wait would hold threads the conversions need, and the pool adds threads
/// only slowly: converting a folder on two cores left them idle a fifth of the time. The threads start with the first
/// write and end once the cmdlet is disposed and every write queued is done.
/// </summary>
internal sealed class WriterThreads : IDisposable
{
    /// <summary>Writes waiting on the disk at once: on two cores, one thread fell behind the conversions; four kept up.</summary>
    private const int Count = 4;

    private readonly BlockingCollection<Action> _queue = new();
    private bool _started;

    /// <summary>Queues <paramref name="work"/>; its task ends with its result, or with what it threw.</summary>
    public Task<T> Start<T>(Func<T> work)
    {
        StartThreads();
        var completion = new TaskCompletionSource<T>();
        _queue.Add(() =>
        {
            try
            {
                completion.SetResult(work());
            }
            catch (Exception ex)
            {
                completion.SetException(ex);
            }
        });
        return completion.Task;
    }

    public void Dispose() => _queue.CompleteAdding();

    private void StartThreads()
    {
        if (_started)
        {
            return;
        }
        _started = true;
        for (var i = 0; i < Count; i++)
        {
            // Background threads: a process that ends does not wait for them (a cmdlet's Dispose already waits for its writes).
            new Thread(Drain) { IsBackground = true, Name = "EdgeMigration file writer" }.Start();
        }
    }

    private void Drain()
    {
        foreach (var write in _queue.GetConsumingEnumerable())
        {
            write();
        }
    }
}

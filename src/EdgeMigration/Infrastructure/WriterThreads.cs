using System;
using System.Collections.Generic;
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

    /// <summary>The writes not yet taken by a thread; also the lock that guards it and <see cref="_ending"/>.</summary>
    private readonly Queue<Action> _queue = new();
    private bool _started;
    private bool _ending;

    /// <summary>Queues <paramref name="work"/>; its task ends with its result, or with what it threw.</summary>
    public Task<T> Start<T>(Func<T> work)
    {
        var completion = new TaskCompletionSource<T>();
        lock (_queue)
        {
            if (_ending)
            {
                throw new ObjectDisposedException(nameof(WriterThreads));
            }
            StartThreads();
            _queue.Enqueue(() =>
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
            Monitor.Pulse(_queue);
        }
        return completion.Task;
    }

    /// <summary>Lets the threads end once the queue is empty (a cmdlet's Dispose has already waited for its writes).</summary>
    public void Dispose()
    {
        lock (_queue)
        {
            _ending = true;
            Monitor.PulseAll(_queue);
        }
    }

    private void StartThreads()
    {
        if (_started)
        {
            return;
        }
        _started = true;
        for (var i = 0; i < Count; i++)
        {
            // Background threads: a process that ends does not wait for them.
            new Thread(Drain) { IsBackground = true, Name = "EdgeMigration file writer" }.Start();
        }
    }

    private void Drain()
    {
        while (true)
        {
            Action write;
            lock (_queue)
            {
                while (_queue.Count == 0)
                {
                    if (_ending)
                    {
                        return;
                    }
                    Monitor.Wait(_queue);
                }
                write = _queue.Dequeue();
            }
            write();
        }
    }
}

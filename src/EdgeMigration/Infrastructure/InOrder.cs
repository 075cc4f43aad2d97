using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace EdgeMigration.Infrastructure;

/// <summary>
/// Work done on other threads whose results the pipeline thread takes back in the order the work was started, so that
/// what a cmdlet writes to the pipeline keeps its input's order. The work catches what it expects and returns it in its
/// result; anything else is thrown on the pipeline thread when that result is taken, as if the work had run there.
/// </summary>
internal sealed class InOrder<T> : IDisposable
{
    /// <summary>Work started but not taken, at most: beyond it <see cref="Done"/> waits for the oldest, which bounds what is held.</summary>
    private const int MaxPending = 16;

    private readonly Queue<Task<T>> _pending = new();

    /// <summary>Starts <paramref name="work"/> on the thread pool; returns its task.</summary>
    public Task Start(Func<T> work) => Add(Task.Run(work));

    /// <summary>Adds work started elsewhere (<see cref="WriterThreads"/>), in its place among the others; returns its task.</summary>
    public Task Add(Task<T> task)
    {
        _pending.Enqueue(task);
        return task;
    }

    /// <summary>Adds a result that needs no work, in its place among the others.</summary>
    public void Add(T result) => Add(Task.FromResult(result));

    /// <summary>The finished results, oldest first, up to the first unfinished one; with <paramref name="all"/>, every result, waiting for each.</summary>
    public IEnumerable<T> Done(bool all)
    {
        while (_pending.Count > 0 && (all || _pending.Count > MaxPending || _pending.Peek().IsCompleted))
        {
            yield return _pending.Dequeue().GetAwaiter().GetResult();
        }
    }

    /// <summary>Waits for the work still running (a stopped pipeline leaves none behind); its results are dropped.</summary>
    public void Dispose() => Drop();

    /// <summary>Waits for the work still running, and returns the results of the work that finished with one, which are not taken.</summary>
    public IReadOnlyList<T> Drop()
    {
        var dropped = new List<T>();
        foreach (var task in _pending)
        {
            Settle(task);
            if (task.Status == TaskStatus.RanToCompletion)
            {
                dropped.Add(task.Result);
            }
        }
        _pending.Clear();
        return dropped;
    }

    /// <summary>Waits for <paramref name="task"/> to finish, however it finishes.</summary>
    public static void Settle(Task task) => ((IAsyncResult)task).AsyncWaitHandle.WaitOne();
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using EdgeMigration.Core.IO;

namespace EdgeMigration.Infrastructure;

/// <summary>
/// Writes output files on other threads while the pipeline converts the next manifests: each file is written whole and
/// flushed to disk (<see cref="AtomicFile"/>) as before, but waiting for the disk no longer holds up the conversions.
/// What was queued comes back to the pipeline thread in the order it was queued, once its file is on disk, so results
/// and errors reach the pipeline in input order and a result never names a file that is not there yet.
/// </summary>
internal sealed class BackgroundWrites<T> : IDisposable
{
    /// <summary>Writes in flight at most; the pipeline waits for the oldest beyond that, which bounds the memory held.</summary>
    private const int MaxQueued = 16;

    private readonly Queue<Queued> _queued = new();
    private readonly Dictionary<string, Task> _writing = new(StringComparer.Ordinal);

    /// <summary>
    /// Queues <paramref name="item"/>, with the file <paramref name="contents"/> gives to write to <paramref name="target"/>
    /// (none when the target is null). The contents are made on the writing thread too.
    /// </summary>
    public void Queue(T item, string? target, Func<byte[]> contents, bool overwrite)
    {
        var write = target is null
            ? Task.CompletedTask
            : Task.Run(() =>
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                AtomicFile.Write(target, contents(), overwrite);
            });
        if (target is not null)
        {
            _writing[target] = write;
        }
        _queued.Enqueue(new Queued(item, target, write));
    }

    /// <summary>Waits until no queued write is writing <paramref name="target"/>, so that what it finds there is what the pipeline wrote.</summary>
    public void WaitFor(string target)
    {
        if (_writing.TryGetValue(target, out var write))
        {
            ((IAsyncResult)write).AsyncWaitHandle.WaitOne();
        }
    }

    /// <summary>
    /// The queued items whose files are written (or failed: the write's IOException or UnauthorizedAccessException),
    /// oldest first, stopping at the first still being written; with <paramref name="all"/>, every item, waiting for each.
    /// Beyond <see cref="MaxQueued"/> items, waits for the oldest.
    /// </summary>
    public IEnumerable<(T Item, Exception? Error)> Done(bool all)
    {
        while (_queued.Count > 0 && (all || _queued.Count > MaxQueued || _queued.Peek().Write.IsCompleted))
        {
            var queued = _queued.Dequeue();
            var error = Wait(queued.Write);
            if (queued.Target is not null && ReferenceEquals(_writing[queued.Target], queued.Write))
            {
                _writing.Remove(queued.Target);
            }
            yield return (queued.Item, error);
        }
    }

    /// <summary>Lets every write finish (a stopped pipeline leaves no half-written or temporary file); their results are dropped.</summary>
    public void Dispose()
    {
        foreach (var queued in _queued)
        {
            ((IAsyncResult)queued.Write).AsyncWaitHandle.WaitOne();
        }
        _queued.Clear();
    }

    private static Exception? Wait(Task write)
    {
        try
        {
            write.GetAwaiter().GetResult();
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Anything else is a bug and is thrown on the pipeline thread, as it was when it wrote itself.
            return ex;
        }
    }

    private sealed class Queued
    {
        public Queued(T item, string? target, Task write)
        {
            Item = item;
            Target = target;
            Write = write;
        }

        public T Item { get; }
        public string? Target { get; }
        public Task Write { get; }
    }
}

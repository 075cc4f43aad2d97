using System;
using System.Runtime.CompilerServices;

namespace EdgeMigration.Core.Json;

/// <summary>
/// The text between two tokens of a source, read straight from its UTF-8 bytes. Nearly every gap of a manifest
/// is "", " " or a line break and an indentation; those come from one shared table instead of a new string per
/// gap, which is most of what reading a tree used to allocate.
/// </summary>
internal static class SourceTrivia
{
    private const int MaxCachedRun = 64;

    /// <summary>Gaps of the form [line break] + n spaces or n tabs, by <see cref="Slot"/>.</summary>
    private static readonly string?[] Cache = new string?[3 * 2 * (MaxCachedRun + 1)];

    private static readonly string[] LineBreaks = { "", "\n", "\r\n" };

    /// <summary>The text of bytes [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public static string Text(byte[] source, long start, long end)
    {
        if (start == end)
        {
            return "";
        }
        var index = CacheIndex(source, (int)start, (int)end);
        if (index < 0)
        {
            return JsonTreeReader.Decode(source, start, end);
        }
        return Cached(index);
    }

    /// <summary>
    /// <paramref name="lineBreak"/> ("", "\n" or "\r\n") then <paramref name="indent"/>: from the table when the indent is
    /// only spaces or only tabs, as the writer's new lines nearly always are.
    /// </summary>
    public static string LineStart(string lineBreak, string indent) => Lookup(lineBreak, indent, 0) ?? lineBreak + indent;

    /// <summary><paramref name="text"/> from <paramref name="start"/> on: from the table when it is only spaces or only tabs.</summary>
    public static string Tail(string text, int start) => Lookup("", text, start) ?? text.Substring(start);

    [MethodImpl(HotPath.Optimized)]
    private static string? Lookup(string lineBreak, string text, int start)
    {
        var kind = Array.IndexOf(LineBreaks, lineBreak);
        var count = text.Length - start;
        if (kind < 0 || count > MaxCachedRun)
        {
            return null;
        }
        var fill = count > 0 ? text[start] : ' ';
        if (fill is not (' ' or '\t'))
        {
            return null;
        }
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] != fill)
            {
                return null;
            }
        }
        return Cached(Slot(kind, fill == '\t', count));
    }

    /// <summary>The table's slot for a line break (0 none, 1 "\n", 2 "\r\n") then <paramref name="count"/> spaces or tabs.</summary>
    private static int Slot(int lineBreak, bool tabs, int count) => (lineBreak * 2 + (tabs ? 1 : 0)) * (MaxCachedRun + 1) + count;

    // Benign race: two threads may both create the same string; either copy is right.
    private static string Cached(int index) =>
        Cache[index] ??= LineBreaks[index / (2 * (MaxCachedRun + 1))] + new string((index / (MaxCachedRun + 1)) % 2 == 0 ? ' ' : '\t', index % (MaxCachedRun + 1));

    /// <summary>
    /// Splits the gap [<paramref name="start"/>, <paramref name="end"/>) at its one structural
    /// <paramref name="separator"/> (',' or ':'), skipping comments; no separator gives the whole gap and "".
    /// </summary>
    public static (string Before, string After) SplitAt(byte[] source, long start, long end, byte separator)
    {
        var i = start;
        while (i < end)
        {
            if (CommentEnd(source, i, end) is var afterComment && afterComment != i)
            {
                i = afterComment;
            }
            else if (source[i] == separator)
            {
                return (Text(source, start, i), Text(source, i + 1, end));
            }
            else
            {
                i++;
            }
        }
        return (Text(source, start, end), "");
    }

    /// <summary>
    /// The index after the comment that starts at <paramref name="i"/>: a // comment ends before its line break, a /* comment
    /// after its */ (or past <paramref name="end"/> when unclosed). <paramref name="i"/> itself when no comment starts there.
    /// </summary>
    public static long CommentEnd(byte[] source, long i, long end)
    {
        if (source[i] != (byte)'/' || i + 1 >= end)
        {
            return i;
        }
        if (source[i + 1] == (byte)'/')
        {
            var lineEnd = i;
            while (lineEnd < end && source[lineEnd] != (byte)'\n') lineEnd++;
            return lineEnd;
        }
        if (source[i + 1] == (byte)'*')
        {
            var close = i + 2;
            while (close + 1 < end && !(source[close] == (byte)'*' && source[close + 1] == (byte)'/')) close++;
            return close + 2;
        }
        return i;
    }

    /// <summary>The cache slot of a gap that is an optional "\n" or "\r\n" then only spaces or only tabs; -1 otherwise.</summary>
    [MethodImpl(HotPath.Optimized)]
    private static int CacheIndex(byte[] source, int start, int end)
    {
        var lineBreak = 0;
        var i = start;
        if (source[i] == (byte)'\n')
        {
            lineBreak = 1;
            i++;
        }
        else if (source[i] == (byte)'\r' && i + 1 < end && source[i + 1] == (byte)'\n')
        {
            lineBreak = 2;
            i += 2;
        }
        var count = end - i;
        if (count > MaxCachedRun)
        {
            return -1;
        }
        var fill = count > 0 ? source[i] : (byte)' ';
        if (fill != (byte)' ' && fill != (byte)'\t')
        {
            return -1;
        }
        for (; i < end; i++)
        {
            if (source[i] != fill)
            {
                return -1;
            }
        }
        return Slot(lineBreak, fill == (byte)'\t', count);
    }
}

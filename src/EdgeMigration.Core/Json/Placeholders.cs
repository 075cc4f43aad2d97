using System.Collections.Generic;

namespace EdgeMigration.Core.Json;

/// <summary>
/// Deployment templates may hold unquoted placeholders where a value belongs (<c>"timeToLiveSecs": ${TTL}</c>).
/// Before tokenizing, each is masked by a number of the same length (<c>100000</c>), so every byte offset,
/// and so every error position, stays true; the reader turns those numbers back into placeholders.
/// </summary>
internal static class Placeholders
{
    public static Dictionary<long, string> Mask(byte[] source, out byte[] masked)
    {
        var found = new Dictionary<long, string>();
        masked = source;
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == (byte)'"')
            {
                i = SkipString(source, i);
            }
            else if ((int)SourceTrivia.CommentEnd(source, i, source.Length) is var afterComment && afterComment != i)
            {
                i = afterComment;
            }
            else if (c == (byte)'$' && PlaceholderLength(source, i) is var length && length > 1)
            {
                if (ReferenceEquals(masked, source))
                {
                    masked = (byte[])source.Clone();
                }
                found[i] = System.Text.Encoding.UTF8.GetString(source, i, length);
                masked[i] = (byte)'1';
                for (var k = 1; k < length; k++)
                {
                    masked[i + k] = (byte)'0';
                }
                i += length;
            }
            else
            {
                i++;
            }
        }
        return found;
    }

    private static int SkipString(byte[] source, int i)
    {
        i++;
        while (i < source.Length && source[i] != (byte)'"')
        {
            i += source[i] == (byte)'\\' ? 2 : 1;
        }
        return i + 1;
    }

    /// <summary>Length of <c>${…}</c> or <c>$NAME</c> at <paramref name="start"/>, or 0.</summary>
    private static int PlaceholderLength(byte[] source, int start)
    {
        var i = start + 1;
        if (i < source.Length && source[i] == (byte)'{')
        {
            while (i < source.Length && source[i] != (byte)'}' && source[i] > (byte)' ' && source[i] != (byte)'"') i++;
            return i < source.Length && source[i] == (byte)'}' ? i - start + 1 : 0;
        }
        while (i < source.Length && (IsWordByte(source[i]))) i++;
        return i - start;
    }

    private static bool IsWordByte(byte b) =>
        (b >= (byte)'a' && b <= (byte)'z') || (b >= (byte)'A' && b <= (byte)'Z') || (b >= (byte)'0' && b <= (byte)'9') || b == (byte)'_';
}

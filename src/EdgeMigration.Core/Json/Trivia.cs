using System.Runtime.CompilerServices;

namespace EdgeMigration.Core.Json;

/// <summary>What trivia (the text between tokens) says about layout.</summary>
internal static class Trivia
{
    /// <summary>The indentation of the line a trivia run ends on, when the run starts a new line.</summary>
    public static string? LineIndent(string? trivia)
    {
        if (trivia is null)
        {
            return null;
        }
        var newline = trivia.LastIndexOf('\n');
        if (newline < 0)
        {
            return null;
        }
        // The writer asks for the indentation of every container it writes: the shared table has the usual ones.
        return IsWhitespace(trivia, newline + 1) ? SourceTrivia.Tail(trivia, newline + 1) : null;
    }

    public static bool IsWhitespace(string text) => IsWhitespace(text, 0);

    /// <summary>
    /// The trivia before an item that becomes its container's first when the one before it, whose trivia was
    /// <paramref name="removed"/>, is removed: the layout the first item had ("[\"B\"]", not "[ \"B\"]"), and the
    /// item's own comments, if it has any, after that layout's leading whitespace; the removed one's comments go with it.
    /// Null trivia (an added item) is kept.
    /// </summary>
    public static string? FirstItemTrivia(string? removed, string? own)
    {
        if (removed is null || own is null)
        {
            return own;
        }
        return removed.Substring(0, LeadingWhitespace(removed)) + own.Substring(LeadingWhitespace(own));
    }

    /// <summary>
    /// The trivia after an item that becomes its container's last when the one after it, whose trivia after it was
    /// <paramref name="removed"/>, is removed: that one's (a last item has none of its own: the container's closing trivia
    /// follows it), unless the item has comments after it.
    /// </summary>
    public static string? LastItemTrivia(string? removed, string? own) => own is null || IsWhitespace(own) ? removed : own;

    private static int LeadingWhitespace(string text)
    {
        var length = 0;
        while (length < text.Length && text[length] is (' ' or '\t' or '\r' or '\n'))
        {
            length++;
        }
        return length;
    }

    /// <summary>The trivia without its comma outside comments (a trailing comma), or the trivia itself when it has none.</summary>
    public static string WithoutComma(string trivia)
    {
        if (trivia.IndexOf(',') < 0)
        {
            return trivia;
        }
        var bytes = System.Text.Encoding.UTF8.GetBytes(trivia);
        var (before, after) = SourceTrivia.SplitAt(bytes, 0, bytes.Length, (byte)',');
        return after.Length == 0 && before.Length == trivia.Length ? trivia : before + after;
    }

    [MethodImpl(HotPath.Optimized)]
    private static bool IsWhitespace(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] is not (' ' or '\t' or '\r' or '\n'))
            {
                return false;
            }
        }
        return true;
    }
}

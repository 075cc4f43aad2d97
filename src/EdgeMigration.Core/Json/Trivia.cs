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

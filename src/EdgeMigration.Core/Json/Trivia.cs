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
        for (var i = newline + 1; i < trivia.Length; i++)
        {
            if (trivia[i] is not (' ' or '\t' or '\r' or '\n'))
            {
                return null;
            }
        }
        // The writer asks for the indentation of every container it writes: the shared table has the usual ones.
        return SourceTrivia.Tail(trivia, newline + 1);
    }

    public static bool IsWhitespace(string text)
    {
        foreach (var c in text)
        {
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            {
                return false;
            }
        }
        return true;
    }
}

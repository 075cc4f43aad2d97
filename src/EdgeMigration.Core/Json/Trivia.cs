namespace EdgeMigration.Core.Json;

/// <summary>Splits the text between two tokens at its one structural separator, skipping comments.</summary>
internal static class Trivia
{
    public static (string Before, string After) SplitAt(string gap, char separator)
    {
        var i = 0;
        while (i < gap.Length)
        {
            var c = gap[i];
            if (c == '/' && i + 1 < gap.Length && gap[i + 1] == '/')
            {
                var end = gap.IndexOf('\n', i);
                i = end < 0 ? gap.Length : end + 1;
            }
            else if (c == '/' && i + 1 < gap.Length && gap[i + 1] == '*')
            {
                var end = gap.IndexOf("*/", i + 2, System.StringComparison.Ordinal);
                i = end < 0 ? gap.Length : end + 2;
            }
            else if (c == separator)
            {
                return (gap.Substring(0, i), gap.Substring(i + 1));
            }
            else
            {
                i++;
            }
        }
        return (gap, "");
    }

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
        var indent = trivia.Substring(newline + 1);
        return IsWhitespace(indent) ? indent : null;
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

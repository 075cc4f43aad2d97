using System;
using System.Management.Automation;

namespace EdgeMigration.Infrastructure;

/// <summary>What a string from the pipeline is.</summary>
internal enum PipedTextKind
{
    /// <summary>A whole JSON text.</summary>
    Json,

    /// <summary>The first line of a JSON text that Get-Content (without -Raw) sends one line at a time.</summary>
    JsonStart,

    /// <summary>A path of a manifest file.</summary>
    Path,

    /// <summary>Neither: a line of something else, reported without being quoted.</summary>
    Other,

    /// <summary>Comments after a JSON text piped before them: nothing to read.</summary>
    TrailingComments,
}

/// <summary>Tells JSON text from paths among piped strings, and when the lines of a JSON text are all there.</summary>
internal static class PipedText
{
    /// <summary>
    /// The file a string was read from, as Get-Content notes on each line (its PSPath), so that what it holds is named, and
    /// its errors located, by the file rather than as text from the pipeline; null for other strings or other providers.
    /// </summary>
    public static string? FileReadFrom(PSObject text, SessionState sessionState)
    {
        if (text.Properties["PSPath"]?.Value is not string psPath || text.Properties["ReadCount"] is null)
        {
            return null;
        }
        try
        {
            return FileSystemPath.Of(sessionState, psPath);
        }
        catch (Exception ex) when (ex is ProviderNotFoundException or DriveNotFoundException or PSArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <param name="text">The string as piped.</param>
    /// <param name="trimmed">The string without leading blanks and byte order mark; not empty.</param>
    /// <param name="existingFile">The file a string names taken literally, or null: a file named "[a].json" or "//server/x.json" is a path.</param>
    public static PipedTextKind Classify(string text, string trimmed, Func<string, string?> existingFile)
    {
        var multiline = text.IndexOf('\n') >= 0;
        switch (trimmed[0])
        {
            case '{' when !multiline && existingFile(text) is not null:
                // A file named in braces, as Windows tools name them after GUIDs.
                return PipedTextKind.Path;
            case '{':
                return multiline || IsComplete(text) ? PipedTextKind.Json : PipedTextKind.JsonStart;
            case '[':
            case '/' when trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith("/*", StringComparison.Ordinal):
                if (multiline)
                {
                    return PipedTextKind.Json;
                }
                if (existingFile(text) is not null)
                {
                    return PipedTextKind.Path;
                }
                if (trimmed[0] != '[' || !IsComplete(text))
                {
                    return PipedTextKind.JsonStart;
                }
                return trimmed.TrimEnd().EndsWith("]", StringComparison.Ordinal) ? PipedTextKind.Json : PipedTextKind.Path;
            default:
                return LooksLikePath(text) || existingFile(text) is not null ? PipedTextKind.Path : PipedTextKind.Other;
        }
    }

    /// <summary>
    /// True once an object or array has opened and closed again, outside strings and comments: the joined lines are one
    /// whole JSON text (a brace in a comment or a string does not count).
    /// </summary>
    public static bool IsComplete(string text)
    {
        var state = Scan(text);
        return state.Opened && state.Depth <= 0 && !state.InString && !state.InBlockComment;
    }

    /// <summary>True when <paramref name="line"/> goes on from comment lines: more comments, a blank, or the start of a value.</summary>
    public static bool ContinuesComments(string comments, string line)
    {
        var trimmed = line.Trim().TrimStart('\uFEFF');
        return Scan(comments).InBlockComment || trimmed.Length == 0 || IsComment(trimmed) || StartsValue(trimmed);
    }

    public static bool IsComment(string line) =>
        line.TrimStart().TrimStart('\uFEFF') is var trimmed && (trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith("/*", StringComparison.Ordinal));

    public static bool StartsValue(string line) => line.TrimStart().TrimStart('\uFEFF') is { Length: > 0 } trimmed && trimmed[0] is '{' or '[';

    private static (int Depth, bool Opened, bool InString, bool InBlockComment) Scan(string text)
    {
        var depth = 0;
        var opened = false;
        var inString = false;
        var inLineComment = false;
        var inBlockComment = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            }
            else if (inLineComment)
            {
                inLineComment = c != '\n';
            }
            else if (inBlockComment)
            {
                if (c == '*' && next == '/')
                {
                    inBlockComment = false;
                    i++;
                }
            }
            else if (c == '"') inString = true;
            else if (c == '/' && next == '/') inLineComment = true;
            else if (c == '/' && next == '*')
            {
                inBlockComment = true;
                i++;
            }
            else if (c is '{' or '[')
            {
                depth++;
                opened = true;
            }
            else if (c is '}' or ']') depth--;
        }
        return (depth, opened, inString, inBlockComment);
    }

    /// <summary>Line breaks, quotes and braces belong to JSON (or other text), not to the paths of manifest files.</summary>
    public static bool LooksLikePath(string text)
    {
        foreach (var c in text)
        {
            if (c < ' ' || c is '"' or '{' or '}')
            {
                return false;
            }
        }
        return true;
    }
}

using System;
using System.Text;

namespace EdgeMigration.Infrastructure;

/// <summary>
/// The lines of a JSON text piped one at a time (Get-Content without -Raw), joined until the text is whole. Lines that
/// are only comments are no JSON text yet: until a value follows, they may be paths ("//server/share/x.json",
/// "/*/x.json"), one per line, or comments after the JSON text piped before them.
/// </summary>
internal sealed class PipedLines
{
    private readonly StringBuilder _text = new();
    private int _count;
    private bool _onlyComments;
    private bool _afterJson;

    public bool IsEmpty => _count == 0;

    /// <summary>True when the lines so far are comments only and <paramref name="line"/> belongs neither to them nor to a JSON text after them.</summary>
    public bool EndsBefore(string line) => _onlyComments && !PipedText.ContinuesComments(_text.ToString(), line);

    /// <summary>Begins with the first line of a JSON text, or a comment line.</summary>
    /// <param name="line">The line.</param>
    /// <param name="afterJson">The input before this line was the end of a JSON text.</param>
    public void Start(string line, bool afterJson)
    {
        _text.Append(line);
        _count = 1;
        _onlyComments = PipedText.IsComment(line);
        _afterJson = afterJson;
    }

    /// <summary>Adds a line; returns the whole JSON text once it is complete, else null.</summary>
    public string? Add(string line)
    {
        _text.Append('\n').Append(line);
        _count++;
        _onlyComments &= !PipedText.StartsValue(line);
        return !_onlyComments && PipedText.IsComplete(_text.ToString()) ? Take() : null;
    }

    /// <summary>What the lines pending are, when no more of them will come, and their text.</summary>
    public (PipedTextKind Kind, string Text) Settle()
    {
        var (onlyComments, afterJson) = (_onlyComments, _afterJson);
        var text = Take();
        if (!onlyComments)
        {
            return (PipedTextKind.Json, text);
        }
        if (afterJson)
        {
            return (PipedTextKind.TrailingComments, text);
        }
        // Each line a path ("//server/share/x.json", "/*/x.json"), or something else that is not quoted back.
        return (Array.TrueForAll(text.Split('\n'), PipedText.LooksLikePath) ? PipedTextKind.Path : PipedTextKind.Other, text);
    }

    private string Take()
    {
        var taken = _text.ToString();
        _text.Clear();
        _count = 0;
        _onlyComments = false;
        _afterJson = false;
        return taken;
    }
}

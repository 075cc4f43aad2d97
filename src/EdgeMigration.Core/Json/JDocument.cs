using System;
using System.Text;

namespace EdgeMigration.Core.Json;

/// <summary>How the source text was encoded, so it can be written back the same way.</summary>
public enum TextEncodingKind
{
    Utf8,
    Utf16LittleEndian,
    Utf16BigEndian,
}

/// <summary>Layout used for anything the program adds to a document: taken from the document itself.</summary>
public sealed class JsonStyle
{
    public static readonly JsonStyle Compact = new(false, "\n", "  ", "");
    public static readonly JsonStyle Indented = new(true, "\n", "  ", " ");

    public JsonStyle(bool multiline, string newline, string indentUnit, string afterColon)
    {
        Multiline = multiline;
        Newline = newline;
        IndentUnit = indentUnit;
        AfterColon = afterColon;
    }

    public bool Multiline { get; }
    public string Newline { get; }
    public string IndentUnit { get; }
    public string AfterColon { get; }
}

/// <summary>A whole JSON text: the root value, the trivia around it, its encoding and layout.</summary>
public sealed class JDocument
{
    internal JDocument(JNode root, string leading, string trailing, JsonStyle style, TextEncodingKind encoding, bool hasBom, SourceEscapes? escapes = null)
    {
        Root = root;
        Escapes = escapes;
        Leading = leading;
        Trailing = trailing;
        Style = style;
        Encoding = encoding;
        HasByteOrderMark = hasBom;
    }

    public JDocument(JNode root, JsonStyle style)
        : this(root, "", style.Multiline ? style.Newline : "", style, TextEncodingKind.Utf8, false)
    {
    }

    public JNode Root { get; set; }
    internal string Leading { get; }
    internal string Trailing { get; }
    public JsonStyle Style { get; }
    public TextEncodingKind Encoding { get; }
    public bool HasByteOrderMark { get; }

    /// <summary>The escapes the source uses, for the strings written anew in the document; null for a document made in code.</summary>
    internal SourceEscapes? Escapes { get; }

    public static JDocument Parse(string text) => JsonTreeReader.Parse(text);

    /// <summary>Reads text that may have a comma after the last item of an object or array, which Newtonsoft.Json accepts.</summary>
    internal static JDocument ParseAllowingTrailingCommas(string text) => JsonTreeReader.Parse(text, allowTrailingCommas: true);

    /// <summary>
    /// Reads a document from its bytes (UTF-8, or UTF-16 with a byte order mark). The document keeps the array, to write
    /// escaped strings as the source spelled them: do not change it while the document is in use (as with
    /// System.Text.Json's JsonDocument).
    /// </summary>
    public static JDocument Parse(byte[] bytes) => JsonTreeReader.Parse(bytes);

    /// <summary>The document as text (no byte order mark).</summary>
    public string ToJson() => JsonTreeWriter.Write(Root, Style, Leading, Trailing, Escapes);

    /// <summary>The document as bytes in its source encoding, with the byte order mark if it had one.</summary>
    public byte[] ToBytes()
    {
        Encoding encoding = Encoding switch
        {
            TextEncodingKind.Utf16LittleEndian => new UnicodeEncoding(false, HasByteOrderMark),
            TextEncodingKind.Utf16BigEndian => new UnicodeEncoding(true, HasByteOrderMark),
            _ => new UTF8Encoding(HasByteOrderMark),
        };
        return JsonTreeWriter.Encode(Root, Style, Leading, Trailing, encoding, Escapes);
    }
}

/// <summary>Malformed JSON: says where (1-based line and column, in characters) and what.</summary>
public sealed class JsonReadException : Exception
{
    public JsonReadException(string reason, long line, long column, Exception? inner = null)
        : base($"Invalid JSON at line {line}, column {column}: {reason}", inner)
    {
        Reason = reason;
        Line = line;
        Column = column;
    }

    public string Reason { get; }
    public long Line { get; }
    public long Column { get; }
}

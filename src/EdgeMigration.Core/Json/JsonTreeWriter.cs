using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EdgeMigration.Core.Json;

/// <summary>
/// Writes a tree back: what came from the source is written exactly as it was read; what the program
/// added is laid out like its siblings, or else by the document's style, and the strings it spells follow the escapes
/// the source uses (<see cref="SourceEscapes"/>).
/// </summary>
internal sealed class JsonTreeWriter
{
    private readonly PooledText _out;
    private readonly JsonStyle _style;
    private readonly bool _ignoreTrivia;

    /// <summary>The escapes of the document's source, which what the writer spells follows; null for one-line output and trees made in code.</summary>
    private readonly SourceEscapes? _escapes;

    private JsonTreeWriter(PooledText output, JsonStyle style, bool ignoreTrivia, SourceEscapes? escapes = null)
    {
        _out = output;
        _style = style;
        _ignoreTrivia = ignoreTrivia;
        _escapes = escapes;
    }

    public static string Write(JNode node) => Write(node, JsonStyle.Compact);

    public static string Write(JNode node, JsonStyle style) => Write(node, style, false);

    /// <summary>One line, no whitespace or comments from the source, strings escaped one way: for messages and change logs.</summary>
    public static string WriteCompact(JNode node) => Write(node, JsonStyle.Compact, true);

    /// <summary>A document's text: <paramref name="leading"/>, the tree, <paramref name="trailing"/>; what is spelled anew follows <paramref name="escapes"/>.</summary>
    public static string Write(JNode root, JsonStyle style, string leading, string trailing, SourceEscapes? escapes = null)
    {
        using var text = WriteText(root, style, leading, trailing, escapes);
        return text.ToString();
    }

    /// <summary>A document's text in <paramref name="encoding"/>, written straight from the writer's buffer.</summary>
    public static byte[] Encode(JNode root, JsonStyle style, string leading, string trailing, Encoding encoding, SourceEscapes? escapes = null)
    {
        using var text = WriteText(root, style, leading, trailing, escapes);
        return text.ToBytes(encoding);
    }

    private static string Write(JNode node, JsonStyle style, bool ignoreTrivia)
    {
        // Most nodes written on their own are values in messages and change logs: their token is the text.
        if (node is JValue value)
        {
            return Token(value, ignoreTrivia);
        }
        using var text = new PooledText();
        new JsonTreeWriter(text, style, ignoreTrivia).WriteNode(node, "");
        return text.ToString();
    }

    private static PooledText WriteText(JNode root, JsonStyle style, string leading, string trailing, SourceEscapes? escapes)
    {
        var text = new PooledText(4096);
        text.Append(leading);
        new JsonTreeWriter(text, style, false, escapes).WriteNode(root, "");
        text.Append(trailing);
        return text;
    }

    /// <summary>A string as a JSON string token; non-ASCII text stays readable, as IoT Hub and the az CLI print it.</summary>
    public static string Quote(string value)
    {
        using var text = new PooledText(value.Length + 16);
        AppendQuoted(text, value);
        return text.ToString();
    }

    /// <summary>
    /// <see cref="Quote"/> into <paramref name="output"/>. Printable ASCII, which is nearly everything the program writes
    /// (names, values, createOptions as text), needs only '"' and '\\' escaped, as the encoder would; the rest goes through it.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    private static void AppendQuoted(PooledText output, string value)
    {
        if (IsPrintableAscii(value))
        {
            AppendQuotedPrintableAscii(output, value);
        }
        else
        {
            output.Append('"').Append(JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString()).Append('"');
        }
    }

    [MethodImpl(HotPath.Optimized)]
    private static void AppendQuotedPrintableAscii(PooledText output, string value)
    {
        output.Append('"');
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] is '"' or '\\')
            {
                output.Append(value, start, i - start).Append('\\').Append(value[i]);
                start = i + 1;
            }
        }
        output.Append(value, start, value.Length - start);
        output.Append('"');
    }

    [MethodImpl(HotPath.Optimized)]
    private static bool IsPrintableAscii(string value)
    {
        foreach (var c in value)
        {
            if (c < ' ' || c > '~')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// A string the program spells in a document (new, changed, renamed), as <paramref name="escaping"/> says. The
    /// relaxed spelling is <see cref="AppendQuoted(PooledText, string)"/>'s, fast path included; it differs from the
    /// spelling of a document without escapes only where that document writes non-ASCII literally and the string has a
    /// character outside the BMP, which is looked for only in strings past printable ASCII.
    /// </summary>
    private void AppendRespelled(string text, StringEscaping escaping)
    {
        if (escaping == StringEscaping.Relaxed)
        {
            if (IsPrintableAscii(text))
            {
                AppendQuotedPrintableAscii(_out, text);
                return;
            }
            if (!HasSurrogate(text) || !_escapes!.WritesNonAsciiLiterally)
            {
                AppendQuoted(_out, text);
                return;
            }
            escaping = StringEscaping.LiteralNonAscii;
        }
        escaping.AppendQuoted(_out, text);
    }

    private static bool HasSurrogate(string value)
    {
        foreach (var c in value)
        {
            if (char.IsSurrogate(c))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A string value the source did not spell: in place of a source string, like it, and as it was when set back to it.</summary>
    private void AppendString(JValue value)
    {
        var model = value.SpellingModel;
        if (_escapes is null)
        {
            AppendQuoted(_out, value.Text);
        }
        else if (model is null || !string.Equals(model.Text, value.Text, StringComparison.Ordinal))
        {
            AppendRespelled(value.Text, _escapes.For(model));
        }
        else if (model.UndecodedToken is { } token)
        {
            // From the source bytes: a decoded copy would stay on the model, and createOptions pieces are long.
            token.AppendTo(_out);
        }
        else
        {
            WriteNode(model, "");
        }
    }

    // indent: the indentation of the line the node starts on, or null when it starts on its container's line (as
    // "env": {"a": {...}}): what is added inside it then stays on one line.
    private void WriteNode(JNode node, string? indent)
    {
        switch (node)
        {
            case JObject obj:
                WriteObject(obj, indent);
                break;
            case JArray array:
                WriteArray(array, indent);
                break;
            case JValue { QuotedVerbatim: true } value:
                _out.Append('"').Append(value.Text).Append('"');
                break;
            case JValue value when RawToken(value, _ignoreTrivia) is { } raw:
                _out.Append(raw);
                break;
            case JValue { Kind: JValueKind.String } value:
                AppendString(value);
                break;
            case JValue value:
                _out.Append(value.Text);
                break;
        }
    }

    /// <summary>A value written on its own: the same token <see cref="WriteNode"/> writes.</summary>
    private static string Token(JValue value, bool ignoreTrivia)
    {
        if (value.QuotedVerbatim)
        {
            return "\"" + value.Text + "\"";
        }
        return RawToken(value, ignoreTrivia) ?? (value.Kind == JValueKind.String ? Quote(value.Text) : value.Text);
    }

    /// <summary>The source's spelling of a value, when it is written as it was read.</summary>
    private static string? RawToken(JValue value, bool ignoreTrivia) =>
        // One-line output spells strings one way, whatever escapes the source used, so that what it shows can be found and redacted.
        ignoreTrivia && value.Kind == JValueKind.String ? null : value.Raw;

    [MethodImpl(HotPath.Optimized)]
    private void WriteObject(JObject obj, string? indent)
    {
        _out.Append('{');
        var members = obj.MemberList;
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            var before = Source(member.BeforeName) ?? NewItemTrivia(SiblingTrivia(members, i, m => m.BeforeName, out var afterBracket), afterBracket, i == 0, indent);
            _out.Append(before);
            if (member.NameVerbatim)
            {
                _out.Append('"').Append(member.Name).Append('"');
            }
            else if (member.RawName is { } rawName && !member.Renamed)
            {
                _out.Append(rawName);
            }
            else if (_escapes is null)
            {
                AppendQuoted(_out, member.Name);
            }
            else
            {
                AppendRespelled(member.Name, _escapes.ForName(member.RawName));
            }
            _out.Append(Source(member.AfterName) ?? "");
            _out.Append(':');
            _out.Append(Source(member.AfterColon) ?? _style.AfterColon);
            // Only objects and arrays lay out what is added inside them: a value needs no indentation worked out.
            WriteNode(member.Value, member.Value is JValue ? indent : Trivia.LineIndent(before));
            _out.Append(Source(member.AfterValue) ?? "");
            if (i < members.Count - 1)
            {
                _out.Append(',');
            }
        }
        _out.Append(ClosingTrivia(Source(obj.Closing), members.Count, obj.SourceCount, members.Count > 0 ? Source(members[0].BeforeName) : null, members.Count > 0 && Source(members[members.Count - 1].BeforeName) is null, indent));
        _out.Append('}');
    }

    private void WriteArray(JArray array, string? indent)
    {
        _out.Append('[');
        var elements = array.Elements;
        for (var i = 0; i < elements.Count; i++)
        {
            var element = elements[i];
            var before = Source(element.Before) ?? NewItemTrivia(SiblingTrivia(elements, i, e => e.Before, out var afterBracket), afterBracket, i == 0, indent);
            _out.Append(before);
            WriteNode(element.Value, element.Value is JValue ? indent : Trivia.LineIndent(before));
            _out.Append(Source(element.After) ?? "");
            if (i < elements.Count - 1)
            {
                _out.Append(',');
            }
        }
        _out.Append(ClosingTrivia(Source(array.Closing), elements.Count, array.SourceCount, elements.Count > 0 ? Source(elements[0].Before) : null, elements.Count > 0 && Source(elements[elements.Count - 1].Before) is null, indent));
        _out.Append(']');
    }

    private string? Source(string? trivia) => _ignoreTrivia ? null : trivia;

    /// <summary>
    /// The source trivia of the nearest item before item <paramref name="index"/> that has some, else of the first after it;
    /// <paramref name="afterBracket"/> when that is the container's first item, whose trivia follows the bracket, not a comma.
    /// </summary>
    private string? SiblingTrivia<T>(IReadOnlyList<T> items, int index, Func<T, string?> trivia, out bool afterBracket)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (Source(trivia(items[i])) is { } known)
            {
                afterBracket = i == 0;
                return known;
            }
        }
        afterBracket = false;
        for (var i = index + 1; i < items.Count; i++)
        {
            if (Source(trivia(items[i])) is { } known)
            {
                return known;
            }
        }
        return null;
    }

    /// <summary>
    /// Trivia before an added member or element: a sibling's line break and indentation, or its spacing on one line; in a
    /// container written on one line with nothing to copy, the spacing after the document's colons; else the style's.
    /// </summary>
    private string NewItemTrivia(string? siblingTrivia, bool siblingAfterBracket, bool first, string? indent)
    {
        // Between items on one line, a space where the document puts one after its colons.
        var afterComma = _style.AfterColon.Length > 0 ? " " : "";
        if (siblingTrivia is not null)
        {
            var siblingIndent = Trivia.LineIndent(siblingTrivia);
            if (siblingIndent is not null)
            {
                return SourceTrivia.LineStart(siblingTrivia.Contains("\r\n") ? "\r\n" : "\n", siblingIndent);
            }
            if (!Trivia.IsWhitespace(siblingTrivia))
            {
                return " ";
            }
            // "{"a": 1}" says nothing of the spacing after a comma.
            return siblingAfterBracket && !first && siblingTrivia.Length == 0 ? afterComma : siblingTrivia;
        }
        if (indent is null)
        {
            return first ? "" : afterComma;
        }
        return _style.Multiline ? _style.Newline + indent + _style.IndentUnit : "";
    }

    private string ClosingTrivia(string? closing, int count, int sourceCount, string? firstTrivia, bool lastIsAdded, string? indent)
    {
        if (count == 0)
        {
            // An emptied container is written "{}" rather than keeping the line break it had for its items, nor a
            // trailing comma after them ("{,}" is not JSON even to readers that take trailing commas).
            closing = sourceCount > 0 && closing is not null ? Trivia.WithoutComma(closing) : closing;
            return closing is not null && (sourceCount == 0 || !Trivia.IsWhitespace(closing)) ? closing : "";
        }
        var itemsOnOwnLines = Trivia.LineIndent(firstTrivia) is not null || (firstTrivia is null && indent is not null && _style.Multiline);
        // The source's closing trivia belongs after the source's last item; after an added last item on its
        // own line, the bracket goes on a line of its own.
        if (closing is not null && (!lastIsAdded || closing.Contains("\n") || !itemsOnOwnLines))
        {
            return closing;
        }
        return itemsOnOwnLines ? SourceTrivia.LineStart(_style.Newline, indent ?? "") : closing ?? "";
    }
}

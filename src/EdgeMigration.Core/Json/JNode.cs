using System;

namespace EdgeMigration.Core.Json;

/// <summary>
/// A node of a lossless JSON tree. Nodes read from text remember the exact source spelling and the
/// whitespace and comments around them, so a tree written back unchanged is byte-identical.
/// </summary>
public abstract class JNode
{
    public abstract JNode DeepClone();

    /// <summary>Equal values, member order included, ignoring spelling (escapes, number form, whitespace).</summary>
    public abstract bool ValueEquals(JNode? other);

    /// <summary>The node as JSON, with its source layout where it has one.</summary>
    public string ToJson() => JsonTreeWriter.Write(this);

    /// <summary>The node as one line of JSON without whitespace or comments.</summary>
    public string ToCompactJson() => JsonTreeWriter.WriteCompact(this);

    public override string ToString() => ToJson();
}

public enum JValueKind
{
    String,
    Number,
    True,
    False,
    Null,

    /// <summary>An unquoted template placeholder such as <c>${TTL}</c> where a value belongs (deployment templates).</summary>
    Placeholder,
}

/// <summary>A string, number, literal or bare placeholder.</summary>
public sealed class JValue : JNode
{
    /// <summary>
    /// The source spelling: a string, or the <see cref="SourceToken"/> it is decoded from when first asked for. A string made
    /// in code has none, and holds instead the source string whose spelling it follows, if any (<see cref="SpellingModel"/>).
    /// </summary>
    private object? _raw;

    private JValue(JValueKind kind, string text, object? raw, bool quotedVerbatim = false)
    {
        Kind = kind;
        Text = text;
        _raw = raw;
        QuotedVerbatim = quotedVerbatim;
    }

    public JValueKind Kind { get; }

    /// <summary>The decoded string, the number's text, "true"/"false"/"null", or the placeholder's text.</summary>
    public string Text { get; }

    /// <summary>The token exactly as written in the source (null for values made in code, and for <see cref="QuotedVerbatim"/> strings).</summary>
    internal string? Raw => _raw is SourceToken token ? (string)(_raw = token.Decode()) : _raw as string;

    /// <summary>A source string without escapes: written as <see cref="Text"/> in quotes, so no copy of the token is kept.</summary>
    internal bool QuotedVerbatim { get; }

    /// <summary>The source bytes of a token not yet decoded (<see cref="Raw"/> decodes it).</summary>
    internal SourceToken? UndecodedToken => _raw as SourceToken;

    /// <summary>
    /// For a string made in code, the source string whose escapes it is written with: the one it was first put in place
    /// of (see <see cref="SpelledLike"/>), so that a changed value keeps the look it had.
    /// </summary>
    internal JValue? SpellingModel => _raw as JValue;

    private bool IsSourceString => Kind == JValueKind.String && (QuotedVerbatim || _raw is string or SourceToken);

    /// <summary>
    /// Has this string, made in code and without a model yet, follow the spelling of <paramref name="model"/>: a source
    /// string, or a string that follows one. A string set in several places keeps its first model. Returns this string.
    /// </summary>
    internal JValue SpelledLike(JNode? model)
    {
        if (Kind == JValueKind.String && _raw is null && !QuotedVerbatim && model is JValue { Kind: JValueKind.String } other)
        {
            _raw = other.IsSourceString ? other : other.SpellingModel;
        }
        return this;
    }

    public static JValue String(string value) => new(JValueKind.String, value ?? throw new ArgumentNullException(nameof(value)), null);
    public static JValue Number(long value) => new(JValueKind.Number, value.ToString(System.Globalization.CultureInfo.InvariantCulture), null);
    public static JValue Number(decimal value) => new(JValueKind.Number, value.ToString(System.Globalization.CultureInfo.InvariantCulture), null);
    public static JValue Boolean(bool value) => value ? new(JValueKind.True, "true", null) : new(JValueKind.False, "false", null);
    public static JValue Null() => new(JValueKind.Null, "null", null);

    /// <summary>A number from its JSON spelling, kept as written (no rounding through double).</summary>
    public static JValue NumberFromText(string jsonNumber) => new(JValueKind.Number, jsonNumber, null);

    internal static JValue FromSource(JValueKind kind, string text, string raw) => new(kind, text, raw);

    /// <summary>
    /// A string read from the source with escape sequences, whose spelling is decoded from the source only when the
    /// string is written back unchanged: checks never write, and conversions rewrite the longest ones (createOptions).
    /// </summary>
    internal static JValue EscapedFromSource(string text, SourceToken raw) => new(JValueKind.String, text, raw);

    /// <summary>A string read from the source where it had no escape sequence.</summary>
    internal static JValue UnescapedFromSource(string text) => new(JValueKind.String, text, null, quotedVerbatim: true);

    public bool IsString => Kind == JValueKind.String;

    public string? AsString() => Kind == JValueKind.String ? Text : null;

    public bool TryGetInt64(out long value)
    {
        value = 0;
        return Kind == JValueKind.Number && long.TryParse(Text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    public bool TryGetDecimal(out decimal value)
    {
        value = 0;
        return Kind == JValueKind.Number && decimal.TryParse(Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    public override JNode DeepClone() => new JValue(Kind, Text, _raw, QuotedVerbatim);

    public override bool ValueEquals(JNode? other)
    {
        if (other is not JValue v || v.Kind != Kind)
        {
            return false;
        }
        if (Kind == JValueKind.Number && TryGetDecimal(out var a) && v.TryGetDecimal(out var b))
        {
            return a == b;
        }
        return string.Equals(Text, v.Text, StringComparison.Ordinal);
    }
}

/// <summary>One "name": value pair of an object, with the source trivia around it.</summary>
public sealed class JMember
{
    private JNode _value;

    public JMember(string name, JNode value)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    public string Name { get; private set; }

    /// <summary>A string made in code that replaces a source string is spelled like it (<see cref="JValue.SpelledLike"/>).</summary>
    public JNode Value
    {
        get => _value;
        set => _value = value is JValue replacement ? replacement.SpelledLike(_value) : value;
    }

    /// <summary>The name's source spelling (null for a name read without escapes or made in code): written as it is unless <see cref="Renamed"/>.</summary>
    internal string? RawName { get; set; }

    /// <summary>The name was changed: it is spelled anew, like <see cref="RawName"/>, the source spelling it replaced.</summary>
    internal bool Renamed { get; set; }

    /// <summary>The name was read without escape sequences: written as <see cref="Name"/> in quotes.</summary>
    internal bool NameVerbatim { get; set; }
    internal string? BeforeName { get; set; }
    internal string? AfterName { get; set; }
    internal string? AfterColon { get; set; }
    internal string? AfterValue { get; set; }

    internal void Rename(string name)
    {
        if (NameVerbatim)
        {
            RawName = "\"" + Name + "\"";
        }
        Name = name;
        NameVerbatim = false;
        Renamed = true;
    }
}

/// <summary>One array element, with the source trivia around it.</summary>
internal sealed class JElement
{
    private JNode _value;

    public JElement(JNode value) => _value = value;

    /// <summary>As <see cref="JMember.Value"/>.</summary>
    public JNode Value
    {
        get => _value;
        set => _value = value is JValue replacement ? replacement.SpelledLike(_value) : value;
    }

    public string? Before { get; set; }
    public string? After { get; set; }
}

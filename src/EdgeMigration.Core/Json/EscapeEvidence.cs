using System;
using System.Linq;

namespace EdgeMigration.Core.Json;

/// <summary>How a text spells one class of characters, going by what it shows.</summary>
internal enum Spelling
{
    /// <summary>The text shows neither spelling, or both as often.</summary>
    Undecided,
    Escaped,
    Literal,
}

/// <summary>
/// The characters a JSON writer may write either literally or as an escape, in classes: the tools that write manifests
/// differ on each (System.Text.Json's default encoder escapes non-ASCII and &lt; &gt; &amp; ' " + `; Newtonsoft's
/// EscapeNonAscii non-ASCII, its EscapeHtml &lt; &gt; &amp; ' "; Go's encoding/json &lt; &gt; &amp;; PHP and
/// DataContractJsonSerializer '/').
/// </summary>
internal static class EscapeClass
{
    public const int NonAscii = 0;

    /// <summary>'/' as \/ (the other classes' escapes are \uXXXX).</summary>
    public const int Slash = 1;

    /// <summary>'"' as \u0022 rather than \".</summary>
    public const int Quote = 2;

    public const int Less = 3;
    public const int Greater = 4;
    public const int Ampersand = 5;
    public const int Apostrophe = 6;
    public const int Plus = 7;
    public const int Backtick = 8;
    public const int Count = 9;

    /// <summary>The class of a character, or -1 for one every writer spells the same way (non-ASCII aside).</summary>
    public static int Of(int c) => c < AsciiClasses.Length ? AsciiClasses[c] : -1;

    /// <summary>The classes of the ASCII characters, looked up for every character the writer spells and the counts read.</summary>
    private static readonly sbyte[] AsciiClasses = Enumerable.Range(0, 128).Select(c => (sbyte)ClassOf(c)).ToArray();

    private static int ClassOf(int c) => c switch
    {
        '/' => Slash,
        '"' => Quote,
        '<' => Less,
        '>' => Greater,
        '&' => Ampersand,
        '\'' => Apostrophe,
        '+' => Plus,
        '`' => Backtick,
        _ => -1,
    };

    /// <summary>&lt; &gt; &amp; ': every HTML-safe encoder escapes the first three, and all but Go's the fourth.</summary>
    public static bool IsHtmlSensitive(int escapeClass) => escapeClass is >= Less and <= Apostrophe;
}

/// <summary>
/// How often a JSON text spells each <see cref="EscapeClass"/> escaped and how often literally, and the hex case of its
/// \u escapes: counted from UTF-8 source bytes (a whole document, or one string token) inside strings only, since
/// comments say nothing of how strings are written.
/// </summary>
internal sealed class EscapeEvidence
{
    private const sbyte StringEnd = EscapeClass.Count;
    private const sbyte EscapeStart = EscapeClass.Count + 1;

    /// <summary>
    /// What each byte inside a string is to the count: the class it is a literal occurrence of (a UTF-8 lead byte is one
    /// non-ASCII character), the string's end, an escape's start, or -1 for nothing (continuation bytes too).
    /// </summary>
    private static readonly sbyte[] StringBytes = Enumerable.Range(0, 256).Select(b => (sbyte)(
        b == '"' ? StringEnd
        : b == '\\' ? EscapeStart
        : b >= 0xC0 ? EscapeClass.NonAscii
        : EscapeClass.Of(b))).ToArray();

    private readonly int[] _escaped = new int[EscapeClass.Count];
    private readonly int[] _literal = new int[EscapeClass.Count];
    private int _lowercaseHex;
    private int _uppercaseHex;

    /// <summary>
    /// Whether the text may hold an escape that shows a style (\u or \/): only then can it show more than that it writes
    /// characters literally, which is how strings are written when nothing says otherwise. A false alarm ("\\u") only
    /// costs a <see cref="Count"/>; the search is vectorized, so a document without escapes costs little.
    /// </summary>
    public static bool MayShowEscapes(ReadOnlySpan<byte> json) => json.IndexOf("\\u"u8) >= 0 || json.IndexOf("\\/"u8) >= 0;

    /// <summary>As for bytes, for a spelling already decoded to text.</summary>
    public static bool MayShowEscapes(string json) =>
        json.IndexOf("\\u", StringComparison.Ordinal) >= 0 || json.IndexOf("\\/", StringComparison.Ordinal) >= 0;

    public static EscapeEvidence Count(ReadOnlySpan<byte> json)
    {
        var evidence = new EscapeEvidence();
        var i = 0;
        while (i < json.Length)
        {
            // Between strings there are only structure, literals and comments: jump to the next string or comment.
            var next = json.Slice(i).IndexOfAny((byte)'"', (byte)'/');
            if (next < 0)
            {
                break;
            }
            i += next;
            i = json[i] == (byte)'"' ? evidence.CountString(json, i + 1) : SkipComment(json, i);
        }
        return evidence;
    }

    /// <summary>The class's spelling by the majority of its occurrences; an HTML-sensitive character the text never writes goes by the others.</summary>
    public Spelling SpellingOf(int escapeClass)
    {
        var own = Majority(_escaped[escapeClass], _literal[escapeClass]);
        if (own != Spelling.Undecided || !EscapeClass.IsHtmlSensitive(escapeClass))
        {
            return own;
        }
        int escaped = 0, literal = 0;
        for (var c = EscapeClass.Less; c <= EscapeClass.Apostrophe; c++)
        {
            escaped += _escaped[c];
            literal += _literal[c];
        }
        return Majority(escaped, literal);
    }

    /// <summary>Whether the text's \u escapes write hex letters in lowercase (\u00e9) or uppercase (\u00E9); null when they do not say.</summary>
    public bool? LowercaseHex => _lowercaseHex == _uppercaseHex ? null : _lowercaseHex > _uppercaseHex;

    private static Spelling Majority(int escaped, int literal) =>
        escaped > literal ? Spelling.Escaped : literal > escaped ? Spelling.Literal : Spelling.Undecided;

    /// <summary>Counts a string's characters from <paramref name="start"/> (after its opening quote); returns the index after its closing quote.</summary>
    private int CountString(ReadOnlySpan<byte> json, int start)
    {
        for (var i = start; i < json.Length; i++)
        {
            var kind = StringBytes[json[i]];
            if (kind < 0)
            {
                continue;
            }
            if (kind == StringEnd)
            {
                return i + 1;
            }
            if (kind == EscapeStart)
            {
                i = CountEscape(json, i + 1);
            }
            else
            {
                _literal[kind]++;
            }
        }
        return json.Length;
    }

    /// <summary>Counts the escape whose letter is at <paramref name="at"/>; returns the index of its last byte.</summary>
    private int CountEscape(ReadOnlySpan<byte> json, int at)
    {
        if (at >= json.Length)
        {
            return at;
        }
        switch (json[at])
        {
            case (byte)'/':
                _escaped[EscapeClass.Slash]++;
                return at;
            case (byte)'"':
                // \" is the plain spelling of '"'; \u0022 the escaped one.
                _literal[EscapeClass.Quote]++;
                return at;
            case (byte)'u' when at + 4 < json.Length:
                CountUnicodeEscape(json.Slice(at + 1, 4));
                return at + 4;
            default:
                return at;
        }
    }

    private void CountUnicodeEscape(ReadOnlySpan<byte> hex)
    {
        var code = 0;
        bool lower = false, upper = false;
        foreach (var digit in hex)
        {
            code = code * 16 + digit switch
            {
                >= (byte)'0' and <= (byte)'9' => digit - '0',
                >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
                _ => digit - 'A' + 10,
            };
            lower |= digit is >= (byte)'a' and <= (byte)'f';
            upper |= digit is >= (byte)'A' and <= (byte)'F';
        }
        _lowercaseHex += lower ? 1 : 0;
        _uppercaseHex += upper && !lower ? 1 : 0;
        if (code >= 0x80)
        {
            // A character outside the BMP is two escapes (a surrogate pair); count it once, as its literal spelling is.
            _escaped[EscapeClass.NonAscii] += code is >= 0xDC00 and <= 0xDFFF ? 0 : 1;
        }
        else if (EscapeClass.Of(code) is var escapeClass and >= 0 && escapeClass != EscapeClass.Slash)
        {
            // '/' escaped shows as \/, which is what a writer escaping it writes; \u002F says nothing of that.
            _escaped[escapeClass]++;
        }
    }

    /// <summary>The index after the comment starting at <paramref name="slash"/> (or after a lone '/', which valid text has not).</summary>
    private static int SkipComment(ReadOnlySpan<byte> json, int slash)
    {
        var rest = json.Slice(slash + 1);
        if (rest.Length > 0 && rest[0] == (byte)'/')
        {
            var end = rest.IndexOf((byte)'\n');
            return end < 0 ? json.Length : slash + 1 + end + 1;
        }
        if (rest.Length > 0 && rest[0] == (byte)'*')
        {
            var end = rest.Slice(1).IndexOf("*/"u8);
            return end < 0 ? json.Length : slash + 2 + end + 2;
        }
        return slash + 1;
    }
}

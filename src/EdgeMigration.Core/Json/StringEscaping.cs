using System.Text.Encodings.Web;

namespace EdgeMigration.Core.Json;

/// <summary>How non-ASCII characters are written in a string the program spells.</summary>
internal enum NonAsciiSpelling
{
    /// <summary>As <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> writes them (literal in the BMP, bar invisible and unassigned ones; surrogate pairs escaped): the spelling when the source does not say.</summary>
    Relaxed,

    /// <summary>As <see cref="Relaxed"/>, but characters outside the BMP literal too (UTF-8 in the output, not a surrogate pair of escapes).</summary>
    Literal,

    /// <summary>Every one as \uXXXX.</summary>
    Escaped,
}

/// <summary>
/// How the writer spells a string it writes anew in a document whose source shows escapes of its own (see
/// <see cref="SourceEscapes"/>): which characters it escapes, and the hex case of its \u escapes.
/// </summary>
internal sealed class StringEscaping
{
    /// <summary>The spelling where the source does not say, and for trees made in code: what <see cref="JsonTreeWriter.Quote"/> writes.</summary>
    public static readonly StringEscaping Relaxed = new(NonAsciiSpelling.Relaxed, 0, false);

    /// <summary>For a document without escapes that writes non-ASCII literally, where a character outside the BMP is the only difference from <see cref="Relaxed"/>.</summary>
    public static readonly StringEscaping LiteralNonAscii = new(NonAsciiSpelling.Literal, 0, false);

    private static readonly JavaScriptEncoder RelaxedEncoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private readonly NonAsciiSpelling _nonAscii;

    /// <summary>A bit (1 &lt;&lt; <see cref="EscapeClass"/>) for each class of ASCII characters written escaped.</summary>
    private readonly int _escapedAscii;

    /// <summary>A bit for each ASCII character written as it is (characters 0-63, then 64-127): one test per character.</summary>
    private readonly ulong _literalAsciiLow;
    private readonly ulong _literalAsciiHigh;

    private readonly string _hexDigits;

    private StringEscaping(NonAsciiSpelling nonAscii, int escapedAscii, bool lowercaseHex)
    {
        _nonAscii = nonAscii;
        _escapedAscii = escapedAscii;
        _hexDigits = lowercaseHex ? "0123456789abcdef" : "0123456789ABCDEF";
        for (var c = ' '; c < 0x7F; c++)
        {
            var escapeClass = EscapeClass.Of(c);
            if (c is not ('"' or '\\') && (escapeClass < 0 || (escapedAscii & (1 << escapeClass)) == 0))
            {
                _literalAsciiLow |= c < 64 ? 1UL << c : 0;
                _literalAsciiHigh |= c >= 64 ? 1UL << (c - 64) : 0;
            }
        }
    }

    /// <summary>
    /// The spelling <paramref name="first"/> shows, class by class; where it does not say (it never writes the class, or
    /// writes it both ways as often), the spelling <paramref name="second"/> shows; where neither says, <see cref="Relaxed"/>'s.
    /// </summary>
    public static StringEscaping Decide(EscapeEvidence? first, EscapeEvidence? second)
    {
        var nonAscii = Decide(first, second, EscapeClass.NonAscii) switch
        {
            Spelling.Escaped => NonAsciiSpelling.Escaped,
            Spelling.Literal => NonAsciiSpelling.Literal,
            _ => NonAsciiSpelling.Relaxed,
        };
        var escapedAscii = 0;
        for (var escapeClass = EscapeClass.NonAscii + 1; escapeClass < EscapeClass.Count; escapeClass++)
        {
            if (Decide(first, second, escapeClass) == Spelling.Escaped)
            {
                escapedAscii |= 1 << escapeClass;
            }
        }
        var lowercaseHex = (first?.LowercaseHex ?? second?.LowercaseHex) == true;
        return nonAscii == NonAsciiSpelling.Relaxed && escapedAscii == 0 && !lowercaseHex
            ? Relaxed
            : new StringEscaping(nonAscii, escapedAscii, lowercaseHex);
    }

    private static Spelling Decide(EscapeEvidence? first, EscapeEvidence? second, int escapeClass)
    {
        var spelling = first?.SpellingOf(escapeClass) ?? Spelling.Undecided;
        return spelling != Spelling.Undecided ? spelling : second?.SpellingOf(escapeClass) ?? Spelling.Undecided;
    }

    /// <summary><paramref name="value"/> as a JSON string token, quotes included.</summary>
    public void AppendQuoted(PooledText output, string value)
    {
        output.Append('"');
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var pair = c >= 0xD800 && char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
            if (IsLiteral(c, pair))
            {
                i += pair ? 1 : 0;
                continue;
            }
            output.Append(value, start, i - start);
            AppendEscape(output, c);
            if (pair)
            {
                AppendEscape(output, value[++i]);
            }
            start = i + 1;
        }
        output.Append(value, start, value.Length - start);
        output.Append('"');
    }

    private bool IsLiteral(char c, bool pair)
    {
        if (c < 0x80)
        {
            return ((c < 64 ? _literalAsciiLow >> c : _literalAsciiHigh >> (c - 64)) & 1) != 0;
        }
        if (_nonAscii == NonAsciiSpelling.Escaped)
        {
            return false;
        }
        if (char.IsSurrogate(c))
        {
            // A lone surrogate has no UTF-8 form: only its escape is valid output.
            return pair && _nonAscii == NonAsciiSpelling.Literal;
        }
        return !RelaxedEncoder.WillEncode(c);
    }

    private void AppendEscape(PooledText output, char c)
    {
        // '/' gets here only when it is escaped, and '"' takes its short escape unless \u0022 is the document's.
        var shortEscape = c switch
        {
            '"' when (_escapedAscii & (1 << EscapeClass.Quote)) == 0 => '"',
            '/' or '\\' => c,
            '\b' => 'b',
            '\f' => 'f',
            '\n' => 'n',
            '\r' => 'r',
            '\t' => 't',
            _ => '\0',
        };
        output.Append('\\');
        if (shortEscape != '\0')
        {
            output.Append(shortEscape);
            return;
        }
        output.Append('u').Append(_hexDigits[c >> 12]).Append(_hexDigits[(c >> 8) & 0xF]).Append(_hexDigits[(c >> 4) & 0xF]).Append(_hexDigits[c & 0xF]);
    }
}

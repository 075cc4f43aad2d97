using System.Text;

namespace EdgeMigration.Core.Json;

/// <summary>
/// The escapes a document's source uses, for the strings the writer spells anew in it (new and changed values, renamed
/// keys), so that those follow the document rather than one fixed spelling. Read from the source bytes the first time
/// such a string is written, not when the document is read: a check never writes, and a document without escapes costs
/// one vectorized search.
/// </summary>
/// <remarks>
/// A changed string follows first the spelling it had (the source string it replaced), class by class, and where that
/// does not say, the document's: a manifest is often mixed (createOptions pasted from a tool that writes <c>\/</c>
/// beside routes typed with '/'), and a string keeps its own look. Within either, the spelling used more often wins;
/// a tie, or no occurrence, decides nothing, and where nothing decides the writer spells as for a tree
/// made in code (<see cref="StringEscaping.Relaxed"/>).
/// </remarks>
internal sealed class SourceEscapes
{
    private readonly byte[] _source;
    private bool? _showsEscapes;
    private EscapeEvidence? _evidence;
    private StringEscaping? _documentEscaping;

    public SourceEscapes(byte[] source) => _source = source;

    /// <summary>The spelling of a string that follows <paramref name="model"/> (<see cref="JValue.SpellingModel"/>), or of a new one where it is null.</summary>
    public StringEscaping For(JValue? model) => Resolve(FormerEvidence(model));

    /// <summary>The spelling of a key renamed from the one the source spelled <paramref name="formerRawName"/> (quotes included).</summary>
    public StringEscaping ForName(string? formerRawName) => Resolve(FormerEvidence(formerRawName));

    /// <summary>
    /// Whether the document writes non-ASCII characters literally more often than escaped, for a string that
    /// <see cref="StringEscaping.Relaxed"/> would write with a surrogate pair escaped.
    /// </summary>
    public bool WritesNonAsciiLiterally => Counted().SpellingOf(EscapeClass.NonAscii) == Spelling.Literal;

    private StringEscaping Resolve(EscapeEvidence? former)
    {
        var document = DocumentEvidence();
        if (former is null)
        {
            return document is null ? StringEscaping.Relaxed : _documentEscaping ??= StringEscaping.Decide(document, null);
        }
        return StringEscaping.Decide(former, document);
    }

    /// <summary>The document's evidence; null when it shows no escape, so that every class goes by the writer's spelling.</summary>
    private EscapeEvidence? DocumentEvidence() => DocumentShowsEscapes ? Counted() : null;

    private bool DocumentShowsEscapes => _showsEscapes ??= EscapeEvidence.MayShowEscapes(_source);

    private EscapeEvidence Counted() => _evidence ??= EscapeEvidence.Count(_source);

    /// <summary>
    /// The evidence of a model's spelling, counted when it can change what the document decides: when the spelling shows
    /// escapes, or when the document does (the model's literal characters may then overrule them).
    /// </summary>
    private EscapeEvidence? FormerEvidence(JValue? model)
    {
        if (model?.UndecodedToken is { } token)
        {
            // A token of this document's own source shows no escape when the document shows none.
            var count = DocumentShowsEscapes || (!token.IsIn(_source) && EscapeEvidence.MayShowEscapes(token.Bytes));
            return count ? EscapeEvidence.Count(token.Bytes) : null;
        }
        if (model is { QuotedVerbatim: true })
        {
            // Read without escapes: its literal characters can only overrule escapes the document shows.
            return DocumentShowsEscapes ? EscapeEvidence.Count(Encoding.UTF8.GetBytes("\"" + model.Text + "\"")) : null;
        }
        return FormerEvidence(model?.Raw);
    }

    /// <summary>As for a model, from its spelling (a string token, quotes included).</summary>
    private EscapeEvidence? FormerEvidence(string? spelling) =>
        spelling is not null && (DocumentShowsEscapes || EscapeEvidence.MayShowEscapes(spelling))
            ? EscapeEvidence.Count(Encoding.UTF8.GetBytes(spelling))
            : null;
}

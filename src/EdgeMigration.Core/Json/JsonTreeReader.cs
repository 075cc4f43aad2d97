using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace EdgeMigration.Core.Json;

/// <summary>
/// Builds a lossless tree with <see cref="Utf8JsonReader"/>: the reader validates and tokenizes, and the
/// bytes between tokens (whitespace, comments, separators) are kept as trivia on the nodes.
/// </summary>
internal static class JsonTreeReader
{
    private const int MaxDepth = JsonLimits.MaxDepth;

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static JDocument Parse(string text, bool allowTrailingCommas = false) =>
        Parse(StrictUtf8.GetBytes(text ?? throw new ArgumentNullException(nameof(text))), TextEncodingKind.Utf8, false, allowTrailingCommas);

    public static JDocument Parse(byte[] bytes)
    {
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return Parse(Transcode(bytes, new UnicodeEncoding(false, true, true)), TextEncodingKind.Utf16LittleEndian, true);
        }
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return Parse(Transcode(bytes, new UnicodeEncoding(true, true, true)), TextEncodingKind.Utf16BigEndian, true);
        }
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            var body = new byte[bytes.Length - 3];
            Buffer.BlockCopy(bytes, 3, body, 0, body.Length);
            return Parse(body, TextEncodingKind.Utf8, true);
        }
        return Parse(bytes, TextEncodingKind.Utf8, false);
    }

    private static byte[] Transcode(byte[] bytes, Encoding encoding)
    {
        try
        {
            return StrictUtf8.GetBytes(encoding.GetString(bytes, 2, bytes.Length - 2));
        }
        catch (DecoderFallbackException ex)
        {
            throw new JsonReadException("the text is not valid UTF-16 (" + ex.Message + ")", 1, 1, ex);
        }
    }

    private static JDocument Parse(byte[] source, TextEncodingKind encoding, bool hasBom, bool allowTrailingCommas = false)
    {
        if (Array.TrueForAll(source, b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            throw new JsonReadException("the text is empty; a JSON value was expected", 1, 1);
        }
        // Placeholders are rare: the text is read as it is, and masked only when the reader stumbles.
        var builder = new Builder(source, NoPlaceholders);
        try
        {
            return Read(source, source, builder, encoding, hasBom, allowTrailingCommas);
        }
        catch (JsonReadException) when (Placeholders.Mask(source, out var masked) is { Count: > 0 } placeholders)
        {
            return Read(source, masked, new Builder(source, placeholders), encoding, hasBom, allowTrailingCommas);
        }
    }

    private static readonly Dictionary<long, string> NoPlaceholders = new();

    [MethodImpl(HotPath.Optimized)]
    private static JDocument Read(byte[] source, byte[] tokens, Builder builder, TextEncodingKind encoding, bool hasBom, bool allowTrailingCommas)
    {
        // A trailing comma stays in the container's closing trivia, so the text is written back as it was.
        var reader = new Utf8JsonReader(tokens, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            MaxDepth = MaxDepth,
            AllowTrailingCommas = allowTrailingCommas,
        });
        try
        {
            while (reader.Read())
            {
                builder.Accept(ref reader);
            }
        }
        catch (JsonException ex)
        {
            throw Locate(source, ex);
        }
        catch (InvalidOperationException ex)
        {
            // GetString() on a string with invalid UTF-8 or an invalid escape.
            throw Locate(source, reader.TokenStartIndex, "a string is not valid (" + ex.Message + ")", ex);
        }
        var trailing = Decode(source, builder.End, source.Length);
        return new JDocument(builder.Root!, builder.Leading, trailing, StyleDetector.Detect(builder.Root!), encoding, hasBom, new SourceEscapes(source));
    }

    internal static string Decode(byte[] source, long start, long end)
    {
        try
        {
            return StrictUtf8.GetString(source, (int)start, (int)(end - start));
        }
        catch (DecoderFallbackException ex)
        {
            throw Locate(source, start, "the text is not valid UTF-8", ex);
        }
    }

    private static JsonReadException Locate(byte[] source, JsonException ex)
    {
        var reason = ex.Message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            reason = reason.Substring(0, cut).TrimEnd();
        }
        reason = InWordsOfTheText(reason);
        var line = (ex.LineNumber ?? 0) + 1;
        var lineStart = LineStart(source, line);
        var column = CharacterCount(source, lineStart, lineStart + (ex.BytePositionInLine ?? 0)) + 1;
        return new JsonReadException(reason, line, column, ex);
    }

    /// <summary>
    /// The reader's reason, said of the text where the reader speaks to its caller: of "depth" both for nesting past the
    /// limit and for text that ends inside an object, of its options ("Change the reader options"), of its buffers
    /// ("isFinalBlock").
    /// </summary>
    private static string InWordsOfTheText(string reason)
    {
        if (reason.IndexOf("maximum configured depth", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return $"nesting is deeper than {MaxDepth} levels";
        }
        if (reason.StartsWith("Expected depth to be zero", StringComparison.Ordinal))
        {
            return "the text ends before every object and array is closed";
        }
        if (reason.IndexOf("trailing comma", StringComparison.Ordinal) >= 0)
        {
            var container = reason.IndexOf("JSON array", StringComparison.Ordinal) >= 0 ? "an array's last element" : "an object's last member";
            return $"a comma follows {container} (a trailing comma, which JSON does not allow here)";
        }
        if (reason.IndexOf("does not contain any JSON tokens", StringComparison.Ordinal) >= 0)
        {
            return "the text holds no JSON value (only comments or whitespace)";
        }
        return reason;
    }

    private static JsonReadException Locate(byte[] source, long offset, string reason, Exception inner)
    {
        long line = 1, lineStart = 0;
        for (long i = 0; i < offset && i < source.Length; i++)
        {
            if (source[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return new JsonReadException(reason, line, CharacterCount(source, lineStart, offset) + 1, inner);
    }

    private static long LineStart(byte[] source, long line)
    {
        long current = 1;
        for (var i = 0; i < source.Length && current < line; i++)
        {
            if (source[i] == (byte)'\n')
            {
                current++;
                if (current == line)
                {
                    return i + 1;
                }
            }
        }
        return 0;
    }

    private static long CharacterCount(byte[] source, long start, long end)
    {
        long count = 0;
        for (var i = start; i < end && i < source.Length; i++)
        {
            // Count UTF-8 lead bytes only: continuation bytes (10xxxxxx) belong to the previous character.
            if ((source[i] & 0xC0) != 0x80)
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>Turns reader tokens into nodes, attaching the bytes between tokens as trivia.</summary>
    private sealed class Builder
    {
        private readonly byte[] _source;
        private readonly Dictionary<long, string> _placeholders;
        private readonly Stack<JNode> _open = new();
        private JMember? _pendingMember;
        private long _previousEnd;

        public Builder(byte[] source, Dictionary<long, string> placeholders)
        {
            _source = source;
            _placeholders = placeholders;
        }

        public JNode? Root { get; private set; }
        public string Leading { get; private set; } = "";
        public long End => _previousEnd;

        [MethodImpl(HotPath.Optimized)]
        public void Accept(ref Utf8JsonReader reader)
        {
            var start = reader.TokenStartIndex;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    Attach(new JObject(), start);
                    _previousEnd = start + 1;
                    return;
                case JsonTokenType.StartArray:
                    Attach(new JArray(), start);
                    _previousEnd = start + 1;
                    return;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    Close(SourceTrivia.Text(_source, _previousEnd, start));
                    _previousEnd = start + 1;
                    return;
                case JsonTokenType.PropertyName:
                    BeginMember(ref reader, start);
                    return;
                default:
                    var end = ScalarEnd(ref reader, start);
                    Attach(Scalar(ref reader, start, end), start);
                    _previousEnd = end;
                    return;
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private void BeginMember(ref Utf8JsonReader reader, long start)
        {
            var obj = (JObject)_open.Peek();
            var end = ScalarEnd(ref reader, start);
            string before;
            if (obj.Count > 0)
            {
                var (afterValue, rest) = SourceTrivia.SplitAt(_source, _previousEnd, start, (byte)',');
                obj.Members[obj.Count - 1].AfterValue = afterValue;
                before = rest;
            }
            else
            {
                before = SourceTrivia.Text(_source, _previousEnd, start);
            }
            var escaped = reader.ValueIsEscaped;
            var raw = escaped ? Decode(_source, start, end) : null;
            var member = obj.Add(ReadName(ref reader, start, end), PendingValue);
            member.RawName = raw;
            member.NameVerbatim = !escaped;
            member.BeforeName = before;
            _pendingMember = member;
            _previousEnd = end;
        }

        /// <summary>The node the reader attaches to a member until its value is read.</summary>
        private static readonly JValue PendingValue = JValue.Null();

        [MethodImpl(HotPath.Optimized)]
        private void Attach(JNode node, long start)
        {
            if (_open.Count == 0)
            {
                Root = node;
                Leading = SourceTrivia.Text(_source, _previousEnd, start);
            }
            else if (_open.Peek() is JObject)
            {
                var member = _pendingMember!;
                var (afterName, afterColon) = SourceTrivia.SplitAt(_source, _previousEnd, start, (byte)':');
                member.AfterName = afterName;
                member.AfterColon = afterColon;
                member.Value = node;
                _pendingMember = null;
            }
            else
            {
                var array = (JArray)_open.Peek();
                string before;
                if (array.Count > 0)
                {
                    var (after, rest) = SourceTrivia.SplitAt(_source, _previousEnd, start, (byte)',');
                    array.Elements[array.Count - 1].After = after;
                    before = rest;
                }
                else
                {
                    before = SourceTrivia.Text(_source, _previousEnd, start);
                }
                array.Add(node);
                array.Elements[array.Count - 1].Before = before;
            }
            if (node is JObject or JArray)
            {
                _open.Push(node);
            }
        }

        private void Close(string gap)
        {
            switch (_open.Pop())
            {
                case JObject obj:
                    obj.Closing = gap;
                    obj.SourceCount = obj.Count;
                    break;
                case JArray array:
                    array.Closing = gap;
                    array.SourceCount = array.Count;
                    break;
            }
        }

        private JValue Scalar(ref Utf8JsonReader reader, long start, long end)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    return reader.ValueIsEscaped
                        ? JValue.EscapedFromSource(ReadString(ref reader, start, end), new SourceToken(_source, start, end))
                        : JValue.UnescapedFromSource(ReadString(ref reader, start, end));
                case JsonTokenType.Number:
                    if (_placeholders.TryGetValue(start, out var placeholder))
                    {
                        return JValue.FromSource(JValueKind.Placeholder, placeholder, placeholder);
                    }
                    var number = Decode(_source, start, end);
                    return JValue.FromSource(JValueKind.Number, number, number);
                case JsonTokenType.True:
                    return JValue.FromSource(JValueKind.True, "true", "true");
                case JsonTokenType.False:
                    return JValue.FromSource(JValueKind.False, "false", "false");
                default:
                    return JValue.FromSource(JValueKind.Null, "null", "null");
            }
        }

        /// <summary>
        /// A member's name: a short ASCII one comes from <see cref="SharedStrings"/>. Values never do, so that no password
        /// or other secret a manifest holds is kept after its document.
        /// </summary>
        private string ReadName(ref Utf8JsonReader reader, long start, long end)
        {
            var slot = -1;
            return !reader.ValueIsEscaped && SharedStrings.Find(reader.ValueSpan, out slot) is { } shared
                ? shared
                : SharedStrings.Keep(slot, ReadString(ref reader, start, end));
        }

        /// <summary>The decoded string; invalid UTF-8 in it is reported as such, where it is.</summary>
        private string ReadString(ref Utf8JsonReader reader, long start, long end)
        {
            try
            {
                return reader.GetString()!;
            }
            catch (InvalidOperationException)
            {
                Decode(_source, start, end);
                throw;
            }
        }

        /// <summary>The index after the token: the reader's raw span is the token, less a string's quotes.</summary>
        private static long ScalarEnd(ref Utf8JsonReader reader, long start) =>
            start + reader.ValueSpan.Length + (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName ? 2 : 0);
    }
}

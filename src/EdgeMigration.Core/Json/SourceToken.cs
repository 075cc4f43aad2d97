using System;

namespace EdgeMigration.Core.Json;

/// <summary>Where a token is in the source bytes, for its text to be decoded when it is needed rather than when it is read.</summary>
internal sealed class SourceToken
{
    private readonly byte[] _source;
    private readonly int _start;
    private readonly int _end;

    public SourceToken(byte[] source, long start, long end)
    {
        _source = source;
        _start = (int)start;
        _end = (int)end;
    }

    /// <summary>The token's text; the reader has already checked that the bytes are valid UTF-8.</summary>
    public string Decode() => JsonTreeReader.Decode(_source, _start, _end);

    /// <summary>The token's bytes, quotes included: what its spelling shows, read without decoding it.</summary>
    public ReadOnlySpan<byte> Bytes => new(_source, _start, _end - _start);

    /// <summary>Writes the token's text into <paramref name="output"/> without decoding it to a string of its own.</summary>
    public void AppendTo(PooledText output) => output.AppendUtf8(_source, _start, _end - _start);

    /// <summary>Whether the token is part of <paramref name="source"/>.</summary>
    public bool IsIn(byte[] source) => ReferenceEquals(source, _source);
}

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
}

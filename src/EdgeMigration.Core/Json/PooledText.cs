using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace EdgeMigration.Core.Json;

/// <summary>
/// Text being written into an array rented from the shared pool: the writer's only buffer. A StringBuilder left a
/// chain of chunks behind for every document, createOptions and value written, and a whole document then went
/// through a string (and a second string with its leading and trailing text) on its way to bytes.
/// </summary>
internal sealed class PooledText : IDisposable
{
    private char[] _chars;
    private int _length;

    public PooledText(int capacity = 256)
    {
        _chars = ArrayPool<char>.Shared.Rent(capacity);
    }

    [MethodImpl(HotPath.Optimized)]
    public PooledText Append(char c)
    {
        if (_length == _chars.Length)
        {
            Grow(1);
        }
        _chars[_length++] = c;
        return this;
    }

    public PooledText Append(string text) => Append(text, 0, text.Length);

    [MethodImpl(HotPath.Optimized)]
    public PooledText Append(string text, int start, int count)
    {
        if (count > _chars.Length - _length)
        {
            Grow(count);
        }
        text.CopyTo(start, _chars, _length, count);
        _length += count;
        return this;
    }

    /// <summary>Decodes <paramref name="count"/> bytes of UTF-8 from <paramref name="bytes"/> straight into the text.</summary>
    public PooledText AppendUtf8(byte[] bytes, int start, int count)
    {
        // UTF-8 never decodes to more UTF-16 characters than it has bytes.
        if (count > _chars.Length - _length)
        {
            Grow(count);
        }
        _length += Encoding.UTF8.GetChars(bytes, start, count, _chars, _length);
        return this;
    }

    public override string ToString() => new(_chars, 0, _length);

    /// <summary>The text in <paramref name="encoding"/>, after its preamble (the byte order mark, if it writes one).</summary>
    public byte[] ToBytes(Encoding encoding)
    {
        var preamble = encoding.GetPreamble();
        var bytes = new byte[preamble.Length + encoding.GetByteCount(_chars, 0, _length)];
        Buffer.BlockCopy(preamble, 0, bytes, 0, preamble.Length);
        encoding.GetBytes(_chars, 0, _length, bytes, preamble.Length);
        return bytes;
    }

    public void Dispose()
    {
        var chars = _chars;
        _chars = Array.Empty<char>();
        _length = 0;
        if (chars.Length > 0)
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(_chars.Length * 2, _length + needed));
        Array.Copy(_chars, larger, _length);
        ArrayPool<char>.Shared.Return(_chars);
        _chars = larger;
    }
}

using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EdgeMigration.Core.DeviceOutput;

/// <summary>
/// System.Text.Json's complaint about text that is not JSON, told as the other errors of the reader are: at the
/// input's 1-based line and column. Its own message ends in a 0-based "LineNumber: 2 | BytePositionInLine: 4." that
/// counts UTF-8 bytes, which would contradict that.
/// </summary>
internal static class JsonSyntaxError
{
    private static readonly Regex Position = new(@"\s*(Path: \S* \| )?LineNumber: \d+ \| BytePositionInLine: \d+\.?\s*$", RegexOptions.CultureInvariant);

    /// <summary>The error of parsing <paramref name="json"/>, whose first line is line <paramref name="firstLine"/> of the input.</summary>
    public static DeviceOutputException From(JsonException ex, string json, int firstLine)
    {
        var reason = Position.Replace(ex.Message, "");
        const string message = "the text starts like kubectl's JSON but is not valid JSON: ";
        if (ex.LineNumber is not { } lineIndex)
        {
            return new DeviceOutputException(message + reason, inner: ex);
        }
        var lines = json.Split('\n');
        var lineText = lineIndex < lines.Length ? lines[lineIndex] : "";
        var column = ex.BytePositionInLine is { } bytes ? CharacterColumn(lineText, bytes) : (int?)null;
        return new DeviceOutputException(message + reason, firstLine + (int)lineIndex, ex, column);
    }

    /// <summary>The 1-based character column of a 0-based UTF-8 byte offset into <paramref name="text"/>.</summary>
    private static int CharacterColumn(string text, long byteOffset)
    {
        var index = 0;
        long bytes = 0;
        while (index < text.Length && bytes < byteOffset)
        {
            var width = char.IsHighSurrogate(text[index]) && index + 1 < text.Length ? 2 : 1;
            bytes += Encoding.UTF8.GetByteCount(text.Substring(index, width));
            index += width;
        }
        return index + 1;
    }
}

using System;
using System.Linq;
using System.Text;
using EdgeMigration.Core.Manifests;
using Xunit;
using static EdgeMigration.Tests.Hostile.Bounded;
using static EdgeMigration.Tests.Hostile.HostileText;

namespace EdgeMigration.Tests.Hostile;

/// <summary>Text that is not JSON, or JSON in an encoding or form a manifest cannot be: each refused with its position and reason.</summary>
public class HostileJsonTests
{
    private const long Small = 8 * MiB;

    public static TheoryData<string, byte[], string> NotJson => new()
    {
        { "truncated after a colon", Utf8("{\"modulesContent\": "), "line 1, column 20: the text ends before every object and array is closed" },
        { "truncated in a key", Utf8("{\"modulesContent\": {\"$edgeAgent"), "line 1, column 32: Expected end of string, but instead reached end of data." },
        { "truncated in an escape", Utf8("{\"a\": \"\\"), "line 1, column 9: Expected end of string, but instead reached end of data." },
        { "truncated inside a UTF-8 character", Utf8("{\"a\": \"é").Take(8).ToArray(), "line 1, column 9: Expected end of string, but instead reached end of data." },
        { "invalid UTF-8 in a string", new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D }, "line 1, column 6: the text is not valid UTF-8" },
        { "overlong UTF-8 in a key", new byte[] { 0x7B, 0x22, 0xC0, 0xAF, 0x22, 0x3A, 0x31, 0x7D }, "line 1, column 2: the text is not valid UTF-8" },
        { "invalid UTF-8 between tokens", new byte[] { 0x7B, 0xFF, 0x7D }, "line 1, column 2: '0xFF' is an invalid start of a property name. Expected a '\"'." },
        { "invalid UTF-8 in a comment", Concat(new byte[] { 0x2F, 0x2F, 0xFF, 0x0A }, Utf8(Manifest)), "line 1, column 1: the text is not valid UTF-8" },
        { "UTF-16 without a byte order mark", Encoding.Unicode.GetBytes(Manifest), "line 1, column 2: '0x00' is an invalid start of a property name. Expected a '\"'." },
        { "UTF-16 with an odd number of bytes", new byte[] { 0xFF, 0xFE, 0x7B, 0x00, 0x7D }, "line 1, column 1: the text is not valid UTF-16 (Unable to translate bytes [7D] at index 2 from specified code page to Unicode.)" },
        { "UTF-16 with a lone surrogate", new byte[] { 0xFF, 0xFE, 0x7B, 0x00, 0x00, 0xD8, 0x7D, 0x00 }, "line 1, column 1: the text is not valid UTF-16 (Unable to translate bytes [00][D8] at index 4 from specified code page to Unicode.)" },
        { "UTF-32", Concat(new UTF32Encoding(false, true).GetPreamble(), new UTF32Encoding(false, false).GetBytes(Manifest)), "line 1, column 1: '0x00' is an invalid start of a value." },
        { "no bytes", Array.Empty<byte>(), "line 1, column 1: the text is empty; a JSON value was expected" },
        { "a byte order mark only", new byte[] { 0xEF, 0xBB, 0xBF }, "line 1, column 1: the text is empty; a JSON value was expected" },
        { "whitespace only", Utf8(" \r\n\t\n"), "line 1, column 1: the text is empty; a JSON value was expected" },
        { "two values", Utf8("{} {}"), "line 1, column 4: '{' is invalid after a single JSON value. Expected end of data." },
        { "a trailing comma", Utf8("{\"modulesContent\": {},}"), "line 1, column 23: a comma follows an object's last member (a trailing comma, which JSON does not allow here)" },
        { "single quotes", Utf8("{'modulesContent': {}}"), "line 1, column 2: ''' is an invalid start of a property name. Expected a '\"'." },
        { "NaN", Utf8("{\"modulesContent\": NaN}"), "line 1, column 20: 'N' is an invalid start of a value." },
        { "a raw control character in a string", Utf8("{\"modulesContent\": \"a\u0001b\"}"), "line 1, column 22: '0x01' is invalid within a JSON string. The string should be correctly escaped." },
        { "a lone high surrogate escape", Utf8("{\"modulesContent\": {\"$edgeAgent\": {\"x\": \"\\ud800\"}}}"), "line 1, column 41: a string is not valid (Cannot read incomplete UTF-16 JSON text as string with missing low surrogate.)" },
        { "a lone low surrogate escape in a key", Utf8("{\"modulesContent\": {\"\\udc00\": 1}}"), "line 1, column 21: a string is not valid (Cannot read invalid UTF-16 JSON text as string. Invalid surrogate value: '0xDC00'.)" },
        { "arrays nested 10,000 deep", Utf8("{\"modulesContent\": " + new string('[', 10_000) + new string(']', 10_000) + "}"), "line 1, column 275: nesting is deeper than 256 levels" },
        { "objects nested 10,000 deep", Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000)), "line 1, column 1281: nesting is deeper than 256 levels" },
    };

    [Theory]
    [MemberData(nameof(NotJson))]
    public void TextThatIsNotJsonIsRefusedWithItsPosition(string @case, byte[] input, string position)
    {
        var error = ReadAndConvert(input, Small).Refused(ManifestErrorKind.InvalidJson);
        Assert.True("hostile.json: invalid JSON at " + position == error.Message, $"{@case}: {error.Message}");
    }

    public static TheoryData<string, string> NotManifests => new()
    {
        { "null", "the JSON is null, not a manifest." },
        { "[]", "the JSON is an array, not a manifest. A list of deployments (az iot edge deployment list) is read deployment by deployment when its text or its objects are piped: Get-Content -Raw <file> | …." },
        { "\"modulesContent\"", "the JSON is a string, not a manifest." },
        { "42", "the JSON is a number, not a manifest." },
        { "{}", "the JSON is not an IoT Edge manifest (no modulesContent, $edgeAgent or $edgeAgent desired properties found)." },
        { "{\"modulesContent\": null}", "the JSON is not an IoT Edge manifest (no modulesContent, $edgeAgent or $edgeAgent desired properties found)." },
    };

    [Theory]
    [MemberData(nameof(NotManifests))]
    public void JsonThatIsNoManifestIsRefusedNamingTheAcceptedShapes(string json, string reason)
    {
        var error = ReadAndConvert(json, Small).Refused(ManifestErrorKind.NotAManifest);
        Assert.Equal($"hostile.json: {reason} Accepted: {ManifestException.AcceptedShapes}.", error.Message);
    }

    [Fact]
    public void EveryTruncationOfAManifestIsRefusedWhereTheTextEnds()
    {
        // Cut after every byte (inside the two bytes of é too): never a crash; the position given is the last
        // character of the text or just after it.
        var bytes = Utf8(Manifest.Replace("Filter", "Filtré"));
        for (var length = 1; length < bytes.Length - 1; length++)
        {
            var prefix = bytes.Take(length).ToArray();
            var error = ReadAndConvert(prefix, Small).Refused(ManifestErrorKind.InvalidJson);
            var text = Encoding.UTF8.GetString(prefix);
            var last = Position(text, text.TrimEnd().Length - 1);
            var end = Position(text, text.Length);
            var reported = (error.Line!.Value, error.Column!.Value);
            Assert.True(reported.CompareTo(last) >= 0 && reported.CompareTo(end) <= 0, $"Cut after {length} bytes: {error.Message}");
        }
    }

    /// <summary>The 1-based line and column of character <paramref name="index"/>.</summary>
    private static (long Line, long Column) Position(string text, int index)
    {
        var before = text.Substring(0, index);
        return (before.Count(c => c == '\n') + 1, index - before.LastIndexOf('\n'));
    }
}

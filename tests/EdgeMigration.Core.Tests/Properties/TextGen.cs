using System.Linq;
using CsCheck;

namespace EdgeMigration.Tests.Properties;

/// <summary>Strings for generated manifests: plain words, unicode and characters JSON must escape, and very long text.</summary>
public static class TextGen
{
    /// <summary>Accents, CJK, emoji (surrogate pairs), right-to-left, combining marks, zero-width, quotes, backslashes, control characters.</summary>
    private static readonly string[] Awkward =
    {
        "é", "中文", "😀", "👩‍💻", "עברית", "e\u0301", "\u200b", "\"", "\\", "\t", "\n", "\u0001", "\u007f", "</script>", "'", "$", "{}", "%s", " ", "\u2028", "\uFEFF",
    };

    public static readonly Gen<string> Word = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"], 1, 12];

    public static readonly Gen<string> Unicode =
        Gen.OneOf(Awkward.Concat(new[] { "a", "b", "1" }).ToArray()).Array[1, 10].Select(parts => string.Concat(parts));

    /// <summary>Long enough to pass IoT Hub's 4 KB per twin string, so createOptions must be split.</summary>
    public static readonly Gen<string> Long =
        Gen.Int[600, 5000].SelectMany(length => Gen.OneOf("x", "é", "😀", "\\\"").Select(unit => string.Concat(Enumerable.Repeat(unit, length / unit.Length))));

    public static readonly Gen<string> Any = Gen.Frequency((8, Word), (3, Unicode), (1, Long));

    /// <summary>A registry password: the kind of text that must never be shown.</summary>
    public static readonly Gen<string> Secret =
        Gen.String[Gen.Char["ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789+/=!\"\\é"], 12, 40].Select(s => "pw" + s);
}

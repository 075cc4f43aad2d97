using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EdgeMigration.Core;

/// <summary>
/// A pattern with PowerShell's wildcard rules (about_Wildcards), matched without regard to case, for the core, which has
/// no PowerShell reference: <c>*</c> any characters, <c>?</c> one character, <c>[24]</c> one of the characters listed,
/// <c>[1-3]</c> one of a range, and <c>`</c> taking the next character literally (also inside brackets). As in
/// PowerShell's WildcardPattern, a <c>]</c> right after <c>[</c> is one of the listed characters, a <c>-</c> first or last
/// is literal, there is no negation, a trailing <c>`</c> is literal (the pattern <c>`</c> alone matches the empty
/// string), and a <c>[</c> without its <c>]</c> or a range running backwards (<c>[3-1]</c>) makes the pattern invalid.
/// </summary>
public sealed class PowerShellWildcard
{
    private const char Escape = '`';

    private readonly Regex _regex;

    private PowerShellWildcard(string pattern, Regex regex, bool hasWildcards)
    {
        Pattern = pattern;
        _regex = regex;
        HasWildcards = hasWildcards;
    }

    public string Pattern { get; }

    /// <summary>False when the pattern stands for one text only (it may still escape characters, as <c>R`1</c>).</summary>
    public bool HasWildcards { get; }

    /// <summary>The pattern; an <see cref="ArgumentException"/> with PowerShell's message when it is not a valid one.</summary>
    public static PowerShellWildcard Parse(string pattern) =>
        TryParse(pattern) ?? throw new ArgumentException(InvalidMessage(pattern), nameof(pattern));

    /// <summary>The pattern, or null when it is not a valid one.</summary>
    public static PowerShellWildcard? TryParse(string pattern)
    {
        var regex = new StringBuilder("^", pattern.Length * 2 + 2);
        var hasWildcards = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == Escape && i + 1 < pattern.Length)
            {
                regex.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else if (c == Escape && pattern.Length > 1)
            {
                regex.Append(Escape);   // a trailing escape is itself
            }
            else if (c is '*' or '?')
            {
                regex.Append(c == '*' ? ".*" : ".");
                hasWildcards = true;
            }
            else if (c == '[')
            {
                if (ReadBracket(pattern, ref i) is not { } characterClass)
                {
                    return null;
                }
                regex.Append(characterClass);
                hasWildcards = true;
            }
            else if (c != Escape)
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }
        regex.Append('$');
        var options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline;
        return new PowerShellWildcard(pattern, new Regex(regex.ToString(), options), hasWildcards);
    }

    public bool IsMatch(string text) => _regex.IsMatch(text);

    /// <summary>PowerShell's words for a pattern it cannot use.</summary>
    public static string InvalidMessage(string pattern) => $"The specified wildcard character pattern is not valid: {pattern}";

    /// <summary>
    /// The bracket expression opened at <paramref name="open"/> as a regex character class, leaving
    /// <paramref name="open"/> on its <c>]</c>; null when it is not closed or holds a range running backwards.
    /// </summary>
    private static string? ReadBracket(string pattern, ref int open)
    {
        // Each character listed, and whether it is an unescaped '-' (a range's operator when between two others).
        var listed = new List<(char Character, bool IsRangeOperator)>();
        var i = open + 1;
        for (; i < pattern.Length && (pattern[i] != ']' || i == open + 1); i++)
        {
            var escaped = pattern[i] == Escape && i + 1 < pattern.Length;
            var c = escaped ? pattern[++i] : pattern[i];
            listed.Add((c, c == '-' && !escaped));
        }
        if (i >= pattern.Length)
        {
            return null;
        }
        open = i;
        var characterClass = new StringBuilder("[");
        for (var k = 0; k < listed.Count; k++)
        {
            if (k + 2 < listed.Count && listed[k + 1].IsRangeOperator)
            {
                var (low, high) = (listed[k].Character, listed[k + 2].Character);
                if (low > high)
                {
                    return null;
                }
                characterClass.Append(ClassCharacter(low)).Append('-').Append(ClassCharacter(high));
                k += 2;
            }
            else
            {
                characterClass.Append(ClassCharacter(listed[k].Character));
            }
        }
        return characterClass.Append(']').ToString();
    }

    /// <summary>Any character written by its code, so that none has a meaning of its own inside the class.</summary>
    private static string ClassCharacter(char c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
}

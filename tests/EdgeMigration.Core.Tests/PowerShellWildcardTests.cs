using System;
using EdgeMigration.Core;
using Xunit;

namespace EdgeMigration.Tests;

/// <summary>PowerShell's wildcard rules (about_Wildcards, WildcardPattern) as the core matches rule ids with them.</summary>
public class PowerShellWildcardTests
{
    [Theory]
    [InlineData("O[24]", "O2 O4 o2", "O3 O24 O")]
    [InlineData("[KR]1", "K1 R1 k1 r1", "S1 KR1 K2")]
    [InlineData("R[1-3]", "R1 R2 R3 r2", "R4 R0 R")]
    [InlineData("[a-cx]1", "A1 b1 C1 x1", "d1 -1")]
    [InlineData("O?", "O1 O5", "O O12")]
    [InlineData("*", "R1 x", "")]
    [InlineData("k*", "K1 K12 k", "R1")]
    [InlineData("[]a]", "] a", "b [")]
    [InlineData("[-a]", "- a", "b")]
    [InlineData("[a-]", "- a", "b")]
    [InlineData("[a`-c]", "a - c", "b")]
    [InlineData("[`]]", "]", "`")]
    [InlineData("[[]", "[", "]")]
    [InlineData("[.^\\]", ". ^ \\", "x")]
    [InlineData("a.b(c)", "a.b(c)", "axb(c) ab(c)")]
    public void CharacterClassesRangesAndWildcardsMatchAsInPowerShell(string pattern, string matching, string notMatching)
    {
        var wildcard = PowerShellWildcard.Parse(pattern);
        Assert.All(Words(matching), word => Assert.True(wildcard.IsMatch(word), $"{pattern} should match '{word}'"));
        Assert.All(Words(notMatching), word => Assert.False(wildcard.IsMatch(word), $"{pattern} should not match '{word}'"));
    }

    [Theory]
    [InlineData("R`*", "R*", "R1")]
    [InlineData("R`?", "R?", "R1")]
    [InlineData("`[O2]", "[O2]", "O2")]
    [InlineData("R`1", "R1", "R`1")]
    [InlineData("R1`", "R1`", "R1")]
    [InlineData("``", "`", "")]
    [InlineData("`", "", "`")]
    public void BacktickTakesTheNextCharacterLiterallyAndATrailingOneIsItself(string pattern, string matching, string notMatching)
    {
        var wildcard = PowerShellWildcard.Parse(pattern);
        Assert.True(wildcard.IsMatch(matching));
        Assert.False(wildcard.IsMatch(notMatching));
    }

    [Theory]
    [InlineData("O[24")]
    [InlineData("[")]
    [InlineData("[]")]
    [InlineData("R[3-1]")]
    [InlineData("[`]")]
    [InlineData("[a`")]
    public void AnUnclosedBracketOrABackwardRangeIsInvalid(string pattern)
    {
        Assert.Null(PowerShellWildcard.TryParse(pattern));
        var error = Assert.Throws<ArgumentException>(() => PowerShellWildcard.Parse(pattern));
        Assert.StartsWith("The specified wildcard character pattern is not valid: " + pattern, error.Message);
    }

    [Theory]
    [InlineData("R1", false)]
    [InlineData("R`*", false)]
    [InlineData("R`[1]", false)]
    [InlineData("R]", false)]
    [InlineData("R*", true)]
    [InlineData("R?", true)]
    [InlineData("R[1]", true)]
    public void OnlyUnescapedWildcardsMakeAPatternOneForMoreThanOneText(string pattern, bool hasWildcards) =>
        Assert.Equal(hasWildcards, PowerShellWildcard.Parse(pattern).HasWildcards);

    private static string[] Words(string words) => words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

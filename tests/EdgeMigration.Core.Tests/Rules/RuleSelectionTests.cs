using System;
using System.Linq;
using EdgeMigration.Core.Rules;
using Xunit;

namespace EdgeMigration.Tests.Rules;

public class RuleSelectionTests
{
    [Theory]
    [InlineData("O[24]", "O2 O4")]
    [InlineData("[KR]1", "K1 R1")]
    [InlineData("R[1-3]", "R1 R2 R3")]
    [InlineData("r?", "R1 R2 R3")]
    [InlineData("P*", "P1 P2 P3")]
    [InlineData("o`2", "O2")]
    public void RuleIdsAreSelectedWithPowerShellWildcards(string pattern, string expected) =>
        Assert.Equal(expected.Split(' '), Selected(new RuleSelection(new[] { pattern }, null)));

    [Fact]
    public void EveryRuleHasAnIdOfItsOwn()
    {
        // -Rule, -ExcludeRule and the findings name rules by id: two rules of one id could not be told apart.
        Assert.Empty(RuleCatalog.All.GroupBy(r => r.Id).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public void ExcludedPatternsWinOverIncludedOnes() =>
        Assert.Equal(new[] { "R2" }, Selected(new RuleSelection(new[] { "R*" }, new[] { "R[13]" })));

    [Fact]
    public void AnInvalidPatternIsRefused() =>
        Assert.Throws<ArgumentException>(() => new RuleSelection(null, new[] { "O[24" }));

    [Fact]
    public void UnknownIdsAreTheIncludedIdsWithoutWildcardsThatNameNoRule()
    {
        var selection = new RuleSelection(new[] { "R1", "r`2", "Z9", "Z*", "Z[12]", "O`*" }, new[] { "Y9" });

        Assert.Equal(new[] { "Z9", "O`*" }, selection.UnknownIds(RuleCatalog.All));
    }

    private static string[] Selected(RuleSelection selection) =>
        selection.Apply(RuleCatalog.All).Select(rule => rule.Id).OrderBy(id => id, StringComparer.Ordinal).ToArray();
}

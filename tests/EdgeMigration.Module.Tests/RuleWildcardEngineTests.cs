using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace EdgeMigration.Tests;

/// <summary>
/// The core's PowerShellWildcard (which cannot reference PowerShell) against the engine's own WildcardPattern, in the
/// hosted engine: the same patterns are valid, and each valid one matches the same texts.
/// </summary>
public class RuleWildcardEngineTests
{
    private static readonly string[] Patterns =
    {
        "O[24]", "[KR]1", "R[1-3]", "r?", "*", "K*", "[]a]", "[-a]", "[a-]", "[a`-c]", "[`]]", "[[]", "[.^\\]", "a.b(c)",
        "R`*", "R`?", "`[O2]", "R`1", "R1`", "``", "`", "O[24", "[", "[]", "R[3-1]", "[`]", "[a`", "R]", "[a-c-e]", "*[1-3]?",
    };

    private static readonly string[] Texts =
    {
        "", "O2", "o4", "O3", "K1", "r1", "R3", "R4", "a", "b", "-", "]", "[", "`", ".", "^", "\\", "a.b(c)", "axb(c)",
        "R*", "R?", "[O2]", "R1`", "R]", "e", "d", "K12", "x2y",
    };

    [Fact]
    public void PatternsAreValidAndMatchAsTheEnginesWildcardPatternSays()
    {
        using var ps = new PowerShellSession();
        var script = """
            foreach ($pattern in $patterns) {
                $ours = [EdgeMigration.Core.PowerShellWildcard]::TryParse($pattern)
                $engine = [WildcardPattern]::new($pattern, [System.Management.Automation.WildcardOptions]::IgnoreCase)
                $engineValid = try { $null = $engine.IsMatch(''); $true } catch [System.Management.Automation.WildcardPatternException] { $false }
                if ($engineValid -ne ($null -ne $ours)) { "$pattern is valid: engine $engineValid, core $($null -ne $ours)"; continue }
                if (-not $engineValid) { continue }
                foreach ($text in $texts) {
                    if ($engine.IsMatch($text) -ne $ours.IsMatch($text)) { "$pattern on '$text': engine $($engine.IsMatch($text)), core $($ours.IsMatch($text))" }
                }
            }
            """;

        var disagreements = ps.Run(script, new Dictionary<string, object?> { ["patterns"] = Patterns, ["texts"] = Texts }).AssertNoErrors();

        Assert.Empty(disagreements.Output.Select(o => o.ToString()));
    }
}

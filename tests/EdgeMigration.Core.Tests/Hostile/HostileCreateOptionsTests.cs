using System.Linq;
using EdgeMigration.Core.Manifests;
using Xunit;
using static EdgeMigration.Tests.Hostile.Bounded;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Hostile;

/// <summary>createOptions split into too many pieces, broken pieces, pieces of the wrong type, and nesting past the limit.</summary>
public class HostileCreateOptionsTests
{
    private const long Small = 8 * MiB;

    /// <summary>A manifest whose one module "m" has the given settings members (createOptions pieces) after its image.</summary>
    private static string WithSettings(string pieces) =>
        "{\"modulesContent\": {\"$edgeAgent\": {\"properties.desired\": {\"schemaVersion\": \"1.0\", \"modules\": {\"m\": {\"type\": \"docker\", \"settings\": {\"image\": \"m:1\", " +
        pieces + "}}}}}}}";

    private static string Piece(int number, string json) => $"\"{CreateOptions.PieceNameFor(number)}\": {json}";

    [Fact]
    public void FiveHundredPiecesAreReadAsTheRuntimeReadsThemTheFirstHundred()
    {
        // {"Env":["A=1", then 498 empty pieces, then ]} in createOptions499: the runtime joins createOptions to
        // createOptions99 only, so the JSON it sees ends early.
        var pieces = Enumerable.Range(0, 500).Select(i => Piece(i, i == 0 ? "\"{\\\"Env\\\":[\\\"A=1\\\"\"" : i == 499 ? "\"]}\"" : "\"\""));

        var outcome = ReadAndConvert(WithSettings(string.Join(", ", pieces)), Small);

        var module = outcome.Manifest!.FindModule("m")!;
        Assert.Equal(100, module.CreateOptions!.PieceNames.Count);
        Assert.Equal(new[]
        {
            "K4 Error m  manual",
            "K5 Error m settings.createOptions100 manual",
        }, Summary(outcome.Converted().RemainingFindings.Where(f => f.RuleId is "K4" or "K5")));
        Assert.Equal("The module's createOptions is not valid JSON (Invalid JSON at line 1, column 14: the text ends before every object and array is closed); no agent can read the module's createOptions, so the agent refuses the whole deployment as invalid and deploys none of its modules. No other rule can look inside.",
            outcome.Converted().RemainingFindings.Single(f => f.RuleId == "K4").Message);
        Assert.Equal("400 createOptions piece(s) past createOptions99 (createOptions100 to createOptions499) are never read: the runtime joins createOptions to createOptions99 only, so the module does not get its whole createOptions.",
            outcome.Converted().RemainingFindings.Single(f => f.RuleId == "K5").Message);
        Assert.Empty(outcome.Converted().Changes);
    }

    [Fact]
    public void AHundredPiecesAreJoinedAndConverted()
    {
        var pieces = Enumerable.Range(0, 100).Select(i => Piece(i, i == 0 ? "\"{\\\"Env\\\":[\\\"A:B=1\\\"\"" : i == 99 ? "\"]}\"" : "\"\""));

        var outcome = ReadAndConvert(WithSettings(string.Join(", ", pieces)), Small);

        Assert.Equal(new[] { "O4 m Env[0]: \"A:B=1\" -> \"A__B=1\"" }, Describe(outcome.Converted().Changes));
        var settings = outcome.Converted().Manifest.FindModule("m")!.Settings!;
        Assert.Equal(new[] { "image", "createOptions" }, settings.Names);
        Assert.Equal("{\"Env\":[\"A__B=1\"]}", OptionsText(outcome.Converted().Manifest, "m"));
    }

    [Theory]
    [InlineData("\"createOptions\": \"{\", \"createOptions01\": \"\", \"createOptions03\": \"}\"", "createOptions pieces have a gap: createOptions02 is missing before createOptions03")]
    [InlineData("\"createOptions01\": \"{}\"", "createOptions pieces have a gap: createOptions is missing before createOptions01")]
    [InlineData("\"createOptions\": \"{\", \"createOptions01\": \"\", \"CreateOptions01\": \"}\"", "createOptions piece CreateOptions01 appears twice")]
    [InlineData("\"createOptions\": \"{\", \"createOptions00\": \"}\"", "createOptions piece createOptions00 appears twice")]
    [InlineData("\"createOptions\": \"{\", \"createOptions99\": \"}\"", "createOptions pieces have a gap: createOptions01 is missing before createOptions99")]
    [InlineData("\"createOptions\": \"{\", \"createOptions01\": 5", "createOptions01 must be a string, not a number")]
    [InlineData("\"createOptions\": \"{\", \"createOptions01\": null", "createOptions01 must be a string, not null")]
    [InlineData("\"createOptions\": \"{\", \"createOptions01\": true", "createOptions01 must be a string, not a Boolean")]
    [InlineData("\"createOptions\": \"{\", \"createOptions01\": [\"}\"]", "createOptions01 must be a string, not an array")]
    [InlineData("\"createOptions\": \"{\", \"createOptions01\": {}", "createOptions01 must be a string, not an object")]
    [InlineData("\"createOptions\": 5", "createOptions must be a string, not a number")]
    [InlineData("\"createOptions\": {}, \"createOptions01\": \"}\"", "createOptions is an object but numbered pieces (createOptions01) exist beside it")]
    public void PiecesTheRuntimeCannotJoinAreAnErrorOnTheirModuleAndNothingElseChanges(string pieces, string error)
    {
        var outcome = ReadAndConvert(WithSettings(pieces), Small);

        var finding = outcome.Converted().RemainingFindings.Single(f => f.RuleId == "K5");
        Assert.Equal($"The module's {error}; the runtime cannot join the pieces, so the module is not deployed.", finding.Message);
        Assert.Equal(Core.Rules.Severity.Error, finding.Severity);
        Assert.Equal(outcome.Manifest!.ToBytes(), outcome.Converted().Manifest.ToBytes());
    }

    [Fact]
    public void NullCreateOptionsAreNoOptionsAsForTheRuntime()
    {
        var outcome = ReadAndConvert(WithSettings("\"createOptions\": null"), Small);

        var options = outcome.Manifest!.FindModule("m")!.CreateOptions!;
        Assert.Equal((CreateOptionsEncoding.None, (string?)null), (options.Encoding, options.Error));
        Assert.DoesNotContain(outcome.Converted().RemainingFindings, f => f.RuleId is "K4" or "K5");
    }

    [Fact]
    public void NestingPastTheLimitInsideCreateOptionsIsAnErrorOnThatModule()
    {
        var options = "{\\\"Labels\\\": {\\\"a\\\": " + new string('[', 10_000) + new string(']', 10_000) + "}}";

        var outcome = ReadAndConvert(WithSettings($"\"createOptions\": \"{options}\""), Small);

        Assert.Equal("The module's createOptions is not valid JSON (Invalid JSON at line 1, column 272: nesting is deeper than 256 levels); no agent can read the module's createOptions, so the agent refuses the whole deployment as invalid and deploys none of its modules. No other rule can look inside.",
            outcome.Converted().RemainingFindings.Single(f => f.RuleId == "K4").Message);
    }
}

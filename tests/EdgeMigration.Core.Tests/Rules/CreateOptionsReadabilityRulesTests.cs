using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

/// <summary>K4 (createOptions that are not a JSON object) and K5 (pieces and size limits).</summary>
public class CreateOptionsReadabilityRulesTests
{
    private const string InvalidCorpusFile = "Azure+iotedgedev__tests_assets_deployment.manifest_invalid_createoptions.json";

    [Fact]
    public void InvalidJsonAndNonObjectsAreErrorsPerModule()
    {
        var manifest = ManifestBuilder.Deployment(("broken", """{"HostConfig":"""), ("list", "[1]"), ("fine", "{}"));

        var findings = Check(manifest, "K4");

        Assert.Equal(new[] { "K4 Error broken  manual", "K4 Error list  manual" }, Summary(findings));
        Assert.Contains("not valid JSON", findings[0].Message);
        Assert.Contains("must be a JSON object, not an array", findings[1].Message);
    }

    [Fact]
    public void BrokenPiecesAreK5ErrorsNotK4()
    {
        var manifest = ManifestDocument.Load(TestPaths.CorpusFile(InvalidCorpusFile));

        Assert.Equal(new[] { "K4 Error csharpfunction  manual" }, Summary(Check(manifest, "K4")));
        var pieces = Check(manifest, "K5");
        Assert.Equal(new[] { "K5 Error csharpmodule  manual", "K5 Error csharpfunction2  manual" }, Summary(pieces));
        Assert.Contains("gap: createOptions02 is missing before createOptions03", pieces[0].Message);
    }

    [Fact]
    public void UnreadableCreateOptionsNeverStopAConversion()
    {
        var result = ManifestConverter.Convert(ManifestDocument.Load(TestPaths.CorpusFile(InvalidCorpusFile)));

        Assert.Contains(result.RemainingFindings, f => f.RuleId == "K4");
        Assert.DoesNotContain(result.Changes, c => c.ModuleName is "csharpfunction" or "csharpmodule" or "csharpfunction2");
    }

    [Fact]
    public void LongCreateOptionsMeetTheToolsAndTwinLimits()
    {
        var longValue = new string('x', 4200);
        var manifest = ManifestBuilder.Deployment(("big", "{\"Env\":[\"A=" + longValue + "\"]}"), ("small", "{}"));

        var findings = Check(manifest, "K5");

        Assert.Equal(new[] { "K5 Warning big  manual", "K5 Warning big settings.createOptions manual" }, Summary(findings));
        Assert.Contains("stop at 8 pieces of 512 (4096 characters)", findings[0].Message);
        Assert.Contains("IoT Hub rejects a twin string over 4096 bytes", findings[1].Message);
    }

    [Fact]
    public void CreateOptionsPastTheRuntimesHundredPiecesAreAnErrorAndAreNeverSplitPastCreateOptions99()
    {
        // Found by the conversion properties: a fix on createOptions this long wrote createOptions100 and on, which
        // neither the runtime nor this module reads, so the converted manifest no longer decoded.
        var manifest = ManifestBuilder.Deployment(("big", "{\"Env\":[\"Storage:Target=/data\",\"A=" + new string('x', 52_000) + "\"]}"));

        var result = ManifestConverter.Convert(manifest);

        var settings = result.Manifest.FindModule("big")!.Settings!;
        Assert.Equal(new[] { "image", "createOptions" }, settings.Names);
        Assert.StartsWith("{\"Env\":[\"Storage__Target=/data\",", OptionsText(result.Manifest, "big"));
        var tooLong = Assert.Single(result.RemainingFindings, f => f.RuleId == "K5" && f.Severity == Severity.Error);
        Assert.Contains("the runtime joins at most 100 pieces of 512 (createOptions to createOptions99, 51200 characters)", tooLong.Message);
        AssertIdempotent(result, "*");
    }
}

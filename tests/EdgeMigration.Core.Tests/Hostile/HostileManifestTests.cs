using System.Linq;
using System.Text;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Manifests;
using Xunit;
using static EdgeMigration.Tests.Hostile.Bounded;
using static EdgeMigration.Tests.Hostile.HostileText;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Hostile;

/// <summary>Valid JSON that stretches a manifest: encodings, duplicate keys, odd keys and numbers, nesting at the limit.</summary>
public class HostileManifestTests
{
    private const long Small = 8 * MiB;

    private static readonly string[] ExpectedChanges =
    {
        "O2  $.modulesContent['$edgeHub']['properties.desired'].routes.up: \"FROM /messages/modules/Filter/* INTO $upstream\" -> \"FROM /messages/modules/filter/* INTO $upstream\"",
        "O4 Filter Env[0]: \"Storage:Target=/data\" -> \"Storage__Target=/data\"",
        "R2 Filter k8s-experimental.resources.limits.memory: - -> \"512Mi\"",
        "O2 Filter : \"Filter\" -> \"filter\"",
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16WithAByteOrderMarkIsReadConvertedAndWrittenBackInUtf16(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, true);
        var input = Concat(encoding.GetPreamble(), encoding.GetBytes(Manifest));

        var outcome = ReadAndConvert(input, Small);

        Assert.Equal(input, outcome.Manifest!.ToBytes());
        Assert.Equal(ExpectedChanges, Describe(outcome.Converted().Changes));
        var written = outcome.Converted().Manifest.ToBytes();
        Assert.Equal(encoding.GetPreamble(), written.Take(2));
        Assert.Equal(ManifestConverter.Convert(ManifestDocument.Parse(Manifest)).Manifest.ToJson(), encoding.GetString(written, 2, written.Length - 2));
    }

    [Fact]
    public void DuplicateKeysAreKeptAsWrittenAndReportedTheLastOneCounting()
    {
        var json = Manifest.Replace("\"modules\": {", "\"modules\": {\"Filter\": {\"type\": \"docker\", \"settings\": {\"image\": \"old:1\"}},")
            .Replace("\"schemaVersion\": \"1.0\",\n        \"runtime\"", "\"schemaVersion\": \"1.1\", \"schemaVersion\": \"1.0\",\n        \"runtime\"");

        var outcome = ReadAndConvert(json, Small);

        Assert.Equal(Utf8(json), outcome.Manifest!.ToBytes());
        Assert.Equal(new[]
        {
            "K6 Warning - $.modulesContent['$edgeAgent']['properties.desired'].schemaVersion manual",
            "K6 Warning - $.modulesContent['$edgeAgent']['properties.desired'].modules.Filter manual",
        }, Summary(RuleTestKit.Check(outcome.Manifest, "K6")));
        Assert.Equal("The key 'Filter' appears more than once in the same object; the last value is used, as most JSON readers do, and IoT Hub may reject the manifest.",
            RuleTestKit.Check(outcome.Manifest, "K6")[1].Message);
        Assert.Equal("1.0", outcome.Manifest.EdgeAgentSchemaVersion);
        Assert.Contains("\"image\": \"old:1\"", outcome.Converted().Manifest.ToJson());
    }

    [Fact]
    public void NumbersBeyondDoubleRangeAreKeptAsWrittenAndNeverConverted()
    {
        var json = Manifest
            .Replace("\"timeToLiveSecs\": 7200", "\"timeToLiveSecs\": 1e400, \"big\": -123456789012345678901234567890e-99999")
            .Replace("\\\"Memory\\\":536870912", "\\\"Memory\\\":1e400,\\\"NanoCpus\\\":123456789012345678901234567890,\\\"CpuQuota\\\":-1e400");

        var outcome = ReadAndConvert(json, Small);

        Assert.Equal(Utf8(json), outcome.Manifest!.ToBytes());
        Assert.Contains("\"timeToLiveSecs\": 1e400, \"big\": -123456789012345678901234567890e-99999", outcome.Converted().Manifest.ToJson());
        Assert.Equal(new[]
        {
            "R2 Warning filter HostConfig.Memory manual",
            "R2 Warning filter HostConfig.NanoCpus manual",
            "R2 Warning filter HostConfig.CpuQuota manual",
        }, Summary(outcome.Converted().RemainingFindings.Where(f => f.RuleId == "R2")));
        Assert.Equal("Memory (1e400) is ignored on the GPU device and is not a positive whole number that can be converted.",
            outcome.Converted().RemainingFindings.First(f => f.RuleId == "R2").Message);
    }

    [Fact]
    public void KeysWithDotsAndDollarsAreAddressedInBrackets()
    {
        var json = Manifest.Replace("\"Filter\"", "\"my.filter\"").Replace("modules/Filter/", "modules/my.filter/")
            .Replace("\\\"Env\\\":[", "\\\"Labels\\\":{\\\"$x.y\\\":\\\"1\\\"},\\\"Env\\\":[\\\"a.b:c=1\\\",")
            .Replace("\"modules\": {", "\"modules\": {\"$dollar\": {\"type\": \"docker\", \"settings\": {\"image\": \"x:1\", \"createOptions\": \"{\\\"Env\\\":[\\\"a:b=1\\\"]}\"}},");

        var outcome = ReadAndConvert(json, Small);

        Assert.Equal(new[]
        {
            "O2  $.modulesContent['$edgeHub']['properties.desired'].routes.up: \"FROM /messages/modules/my.filter/* INTO $upstream\" -> \"FROM /messages/modules/my-filter/* INTO $upstream\"",
            "O4 $dollar Env[0]: \"a:b=1\" -> \"a__b=1\"",
            "O4 my.filter Env[0]: \"a.b:c=1\" -> \"a.b__c=1\"",
            "O4 my.filter Env[1]: \"Storage:Target=/data\" -> \"Storage__Target=/data\"",
            "R2 my.filter k8s-experimental.resources.limits.memory: - -> \"512Mi\"",
            "O2 my.filter : \"my.filter\" -> \"my-filter\"",
        }, Describe(outcome.Converted().Changes));
        Assert.Equal("$.modulesContent['$edgeAgent']['properties.desired'].modules['$dollar'].settings.createOptions.Env[0]", outcome.Converted().Changes[1].ManifestPath);
        Assert.Equal("$.modulesContent['$edgeAgent']['properties.desired'].modules['my.filter']", outcome.Converted().Changes[5].ManifestPath);
        Assert.Equal("{\"Labels\":{\"$x.y\":\"1\"},\"Env\":[\"a.b__c=1\",\"Storage__Target=/data\"],\"HostConfig\":{\"Memory\":536870912},\"k8s-experimental\":{\"resources\":{\"limits\":{\"memory\":\"512Mi\"}}}}",
            OptionsText(outcome.Converted().Manifest, "my-filter"));
    }

    [Fact]
    public void NestingAtTheLimitIsReadConvertedAndWrittenBackUnchanged()
    {
        var deep = new string('[', 250) + new string(']', 250);
        var json = Manifest.Replace("\"timeToLiveSecs\": 7200", "\"timeToLiveSecs\": 7200, \"deep\": " + deep)
            .Replace("\\\"Env\\\":[", "\\\"Labels\\\":{\\\"deep\\\":" + deep.Substring(10, 480) + "},\\\"Env\\\":[");

        var outcome = ReadAndConvert(json, Small);

        Assert.Equal(Utf8(json), outcome.Manifest!.ToBytes());
        Assert.Equal(ExpectedChanges, Describe(outcome.Converted().Changes));
        Assert.Contains(deep, outcome.Converted().Manifest.ToJson());
    }
}

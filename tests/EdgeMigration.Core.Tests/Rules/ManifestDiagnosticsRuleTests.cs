using EdgeMigration.Core.Manifests;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class ManifestDiagnosticsRuleTests
{
    [Fact]
    public void DuplicateKeysInTheManifestAndInCreateOptionsAndModulesThatAreNotObjects()
    {
        var json = ManifestBuilder.Deployment(("m", """{"HostConfig":{"Privileged":true,"Privileged":false}}""")).ToJson()
            .Replace("\"modules\": {", "\"modules\": {\n\"broken\": \"not a module\",");
        var manifest = ManifestDocument.Parse(json.Replace("\"schemaVersion\": \"1.0\",", "\"schemaVersion\": \"1.0\", \"schemaVersion\": \"1.0\","));

        var findings = Check(manifest, "K6");

        Assert.Equal(new[]
        {
            "K6 Warning - $.modulesContent['$edgeAgent']['properties.desired'].schemaVersion manual",
            "K6 Warning - $.modulesContent['$edgeHub']['properties.desired'].schemaVersion manual",
            "K6 Warning m HostConfig.Privileged manual",
            "K6 Error broken $.modulesContent['$edgeAgent']['properties.desired'].modules.broken manual",
        }, Summary(findings));
        Assert.Contains("only the last value counts", findings[2].Message);
    }

    [Fact]
    public void CleanManifestHasNone() => Assert.Empty(Check(ManifestBuilder.Deployment(("m", "{}")), "K6"));
}

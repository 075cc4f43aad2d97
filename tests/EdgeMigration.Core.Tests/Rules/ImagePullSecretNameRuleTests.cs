using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class ImagePullSecretNameRuleTests
{
    private const string Password = "s3cr3t-Pa55word-value";

    private static ManifestDocument WithCredentials(string credentials)
    {
        var manifest = ManifestBuilder.Deployment(("m", "{}"));
        ((JObject)manifest.EdgeAgentDesired!["runtime"]!).ObjectOf("settings")!.Set("registryCredentials", JDocument.Parse(credentials).Root);
        return ManifestDocument.Parse(manifest.ToJson());
    }

    [Fact]
    public void UsernamePlusFirstHostLabelOver63IsAnError()
    {
        var user = new string('u', 50);
        var manifest = WithCredentials($$"""
            {
              "long": {"username": "{{user}}", "password": "{{Password}}", "address": "https://contosoregistry.azurecr.io/path"},
              "fits": {"username": "{{new string('u', 40)}}", "password": "{{Password}}", "address": "contosoregistry.azurecr.io"},
              "template": {"username": "$CONTAINER_REGISTRY_USERNAME_{{user}}", "password": "x", "address": "$CONTAINER_REGISTRY_ADDRESS"}
            }
            """);

        var finding = Assert.Single(Check(manifest, "K8"));

        Assert.Equal("K8 Error - $.modulesContent['$edgeAgent']['properties.desired'].runtime.settings.registryCredentials.long manual", Summary(finding));
        Assert.Contains($"'{user}-contosoregistry…'", finding.Message);
        Assert.Contains("66 characters", finding.Message);
        // The agent cannot make the pull secret, which stops every module of the deployment.
        Assert.EndsWith("so the whole deployment fails.", finding.Message);
        Assert.DoesNotContain(Password, finding.Message + finding.Recommendation + finding.Location + finding.ManifestPath);
    }

    [Fact]
    public void APortInTheAddressCountsInTheLabel()
    {
        var manifest = WithCredentials("{\"reg\": {\"username\": \"" + new string('u', 50) + "\", \"password\": \"p\", \"address\": \"registry:5000\"}}");

        Assert.Contains("registry-5000", Assert.Single(Check(manifest, "K8")).Message);
    }

    [Fact]
    public void ShortNamesAndNoCredentialsHaveNoFinding()
    {
        Assert.Empty(Check(WithCredentials("""{"acr": {"username": "contoso", "password": "p", "address": "contoso.azurecr.io"}}"""), "K8"));
        Assert.Empty(Check(ManifestBuilder.Deployment(("m", "{}")), "K8"));
    }

    [Fact]
    public void ARegistryGivenByIpAddressCannotNameASecret()
    {
        // Each dot-separated part of the secret name must start with a letter: "u-10.0.0.4-5000" has parts "0" and "4-5000".
        var finding = Assert.Single(Check(WithCredentials("""{"local": {"username": "u", "password": "p", "address": "10.0.0.4:5000"}}"""), "K8"));

        Assert.Contains("does not start with a valid character", finding.Message);
        Assert.Contains("host name rather than an IP address", finding.Recommendation);
    }
}

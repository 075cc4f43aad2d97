using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class ImagePullSecretNameRuleTests
{
    private const string Password = "s3cr3t-Pa55word-value";

    /// <summary>A deployment of module m, whose image is <paramref name="image"/>, with <paramref name="credentials"/>.</summary>
    private static ManifestDocument WithCredentials(string credentials, string image = "contoso.azurecr.io/m:1.0")
    {
        var manifest = ManifestBuilder.Deployment(("m", "{}"), ("other", "{}"));
        ((JObject)manifest.EdgeAgentDesired!["runtime"]!).ObjectOf("settings")!.Set("registryCredentials", JDocument.Parse(credentials).Root);
        manifest.FindModule("m")!.Settings!.Set("image", JValue.String(image));
        return ManifestDocument.Parse(manifest.ToJson());
    }

    private static readonly string User = new('u', 50);

    private static readonly string LongCredentials = $$"""
        {
          "long": {"username": "{{User}}", "password": "{{Password}}", "address": "contosoregistry.azurecr.io"},
          "fits": {"username": "{{new string('u', 40)}}", "password": "{{Password}}", "address": "fabrikam.azurecr.io"},
          "template": {"username": "$CONTAINER_REGISTRY_USERNAME_{{User}}", "password": "x", "address": "$CONTAINER_REGISTRY_ADDRESS"}
        }
        """;

    [Fact]
    public void UsernamePlusFirstHostLabelOver63StopsTheDeploymentOfAModuleWhoseImageNeedsIt()
    {
        var manifest = WithCredentials(LongCredentials, "contosoregistry.azurecr.io/m:1.0");

        var finding = Assert.Single(Check(manifest, "K8"));

        Assert.Equal("K8 Error m settings.image manual", Summary(finding));
        Assert.Contains($"credential 'long', which becomes the image pull secret '{User}-contosoregistry…' on the device", finding.Message);
        Assert.Contains("66 characters", finding.Message);
        // The agent cannot make the pull secret, which stops every module of the deployment (K21 tells the others).
        Assert.EndsWith("so the whole deployment fails.", finding.Message);
        Assert.DoesNotContain(Password, finding.Message + finding.Recommendation + finding.Location + finding.ManifestPath);
        Assert.StartsWith("The device's agent stops the whole deployment for module 'm' (rule K8)", Check(manifest, "K21").Single(f => f.ModuleName == "other").Message);
    }

    [Fact]
    public void ACredentialNoModulesImageUsesFailsNothingYet()
    {
        // The agent makes the pull secrets of the modules' images only (EdgeDeploymentCommand.ManageImagePullSecrets).
        var manifest = WithCredentials(LongCredentials);

        var finding = Assert.Single(Check(manifest, "K8"));

        Assert.Equal("K8 Warning - $.modulesContent['$edgeAgent']['properties.desired'].runtime.settings.registryCredentials.long manual", Summary(finding));
        Assert.EndsWith("No module's image comes from its registry, so the agent makes no pull secret of it now; the first module whose image does stops the whole deployment.", finding.Message);
        Assert.Empty(Check(manifest, "K21"));
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

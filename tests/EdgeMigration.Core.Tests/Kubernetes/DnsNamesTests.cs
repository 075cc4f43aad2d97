using EdgeMigration.Core.Kubernetes;
using Xunit;

namespace EdgeMigration.Tests.Kubernetes;

/// <summary>The agent's sanitizers (KubeUtils) for volume names, annotation keys, label values and pull secret names.</summary>
public class DnsNamesTests
{
    [Theory]
    [InlineData("/home/hcsshares/fpgainput", "homehcssharesfpgainput")]
    [InlineData("GpuInput", "gpuinput")]
    [InlineData("--my_share.v2--", "mysharev2")]
    public void LabelsKeepLettersDigitsAndInnerDashes(string name, string label) => Assert.Equal(label, DnsNames.Label(name));

    [Theory]
    [InlineData("")]
    [InlineData("///")]
    public void ALabelNeedsALetterOrDigit(string name) => Assert.Throws<KubernetesNameException>(() => DnsNames.Label(name));

    [Fact]
    public void ALabelLongerThan63CharactersFails() =>
        Assert.Contains("exceeded maximum length of 63", Assert.Throws<KubernetesNameException>(() => DnsNames.Label(new string('a', 64))).Message);

    [Theory]
    [InlineData("com.example/My Label!", "com.example/MyLabel")]
    [InlineData("Contoso.COM/tier", "contoso.com/tier")]
    [InlineData("_version_", "version")]
    public void AnnotationKeysKeepTheirCaseAfterThePrefix(string key, string sanitized) => Assert.Equal(sanitized, DnsNames.AnnotationKey(key));

    [Fact]
    public void PullSecretNamesAreSubdomainsWhosePartsStartWithALetter()
    {
        Assert.Equal("contoso-contoso.azurecr.io", ImagePullSecrets.Name(new RegistryCredential("k", "Contoso", "https://Contoso.azurecr.io/v2", "$")));
        Assert.Equal("u-registry-5000", ImagePullSecrets.Name(new RegistryCredential("k", "u", "registry:5000", "$")));
        Assert.Throws<KubernetesNameException>(() => ImagePullSecrets.Name(new RegistryCredential("k", "u", "10.0.0.4:5000", "$")));
    }
}

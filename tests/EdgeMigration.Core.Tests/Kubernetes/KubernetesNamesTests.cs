using System.Collections.Generic;
using EdgeMigration.Core.Kubernetes;
using Xunit;

namespace EdgeMigration.Tests.Kubernetes;

public class KubernetesNamesTests
{
    [Theory]
    [InlineData("edgeHub", "edgehub")]
    [InlineData("my_module", "mymodule")]
    [InlineData("Filter.V2", "filter.v2")]
    [InlineData("a-b", "a-b")]
    [InlineData("__AML_MODULE_NAME", "amlmodulename")]
    [InlineData("$$$", "")]
    public void SanitizeDoesWhatTheDeviceDoes(string id, string expected) =>
        Assert.Equal(expected, KubernetesNames.Sanitize(id));

    [Theory]
    [InlineData("a", true)]
    [InlineData("gpu-module-2", true)]
    [InlineData("GPUModule", false)]
    [InlineData("my_module", false)]
    [InlineData("-a", false)]
    [InlineData("a-", false)]
    [InlineData("9lives", false)]
    [InlineData("a.b", false)]
    [InlineData("proxy", false)]
    [InlineData("iotedged", false)]
    [InlineData("", false)]
    [InlineData("a\n", false)]
    public void IsSafeName(string name, bool safe) => Assert.Equal(safe, KubernetesNames.IsSafeName(name));

    [Fact]
    public void SafeNamesAreAtMost63Characters()
    {
        Assert.True(KubernetesNames.IsSafeName(new string('a', 63)));
        Assert.False(KubernetesNames.IsSafeName(new string('a', 64)));
    }

    [Theory]
    [InlineData("GPUModule", "gpumodule")]
    [InlineData("my_module", "my-module")]
    [InlineData("__AML_MODULE_NAME", "aml-module-name")]
    [InlineData("my__odd..name--", "my-odd-name")]
    [InlineData("9lives", "m-9lives")]
    [InlineData("Proxy", "proxy-module")]
    [InlineData("___", "module")]
    public void MakeSafe(string id, string expected)
    {
        Assert.Equal(expected, KubernetesNames.MakeSafe(id));
        Assert.True(KubernetesNames.IsSafeName(KubernetesNames.MakeSafe(id)));
    }

    [Fact]
    public void MakeSafeCutsTo63WithoutATrailingDash()
    {
        var id = new string('a', 62) + "_b" + new string('c', 10);

        Assert.Equal(new string('a', 62), KubernetesNames.MakeSafe(id));
    }

    [Fact]
    public void MakeUniqueCountsUpAndStaysWithin63()
    {
        Assert.Equal("a", KubernetesNames.MakeUnique("a", new HashSet<string>()));
        Assert.Equal("a-3", KubernetesNames.MakeUnique("a", new HashSet<string> { "a", "a-2" }));
        var longName = new string('x', 63);
        var unique = KubernetesNames.MakeUnique(longName, new HashSet<string> { longName });
        Assert.Equal(new string('x', 61) + "-2", unique);
    }
}

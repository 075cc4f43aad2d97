using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Manifests;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class DeploymentStrategyRuleTests
{
    private static ManifestDocument Modules() => ManifestBuilder.Deployment(
        ("gpu", """{"k8s-experimental":{"resources":{"limits":{"nvidia.com/gpu":1}}}}"""),
        ("fpga", """{"k8s-experimental":{"resources":{"requests":{"microsoft.com/fpga_catapult":1}}}}"""),
        ("share", """{"HostConfig":{"Mounts":[{"Type":"volume","Source":"input","Target":"/home/input"}]}}"""),
        ("fpgashare", """{"HostConfig":{"Binds":["/home/hcsshares/input:/home/input"]}}"""),
        ("claim", """{"k8s-experimental":{"volumes":[{"volume":{"name":"v","persistentVolumeClaim":{"claimName":"data"}},"volumeMounts":[{"name":"v","mountPath":"/data"}]}]}}"""),
        ("hostnet", """{"HostConfig":{"NetworkMode":"host"}}"""),
        ("ports", """{"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":"8080"}]}}}"""),
        ("plain", """{"HostConfig":{"Binds":["/data:/data"],"PortBindings":{}}}"""),
        ("recreate", """{"HostConfig":{"NetworkMode":"host"},"k8s-experimental":{"strategy":{"type":"Recreate"}}}"""),
        ("rolling", """{"HostConfig":{"NetworkMode":"host"},"k8s-experimental":{"strategy":{"type":"RollingUpdate"}}}"""));

    [Fact]
    public void ModulesHoldingWhatARollingUpdateCannotShareAreReported()
    {
        var findings = Check(Modules(), "O1");

        Assert.Equal(new[]
        {
            "O1 Warning gpu k8s-experimental.strategy fixable",
            "O1 Warning fpga k8s-experimental.strategy fixable",
            "O1 Warning share k8s-experimental.strategy fixable",
            "O1 Warning fpgashare k8s-experimental.strategy fixable",
            "O1 Warning claim k8s-experimental.strategy fixable",
            "O1 Warning hostnet k8s-experimental.strategy fixable",
            "O1 Information ports k8s-experimental.strategy fixable",
            "O1 Information rolling k8s-experimental.strategy manual",
        }, Summary(findings));
        Assert.Contains("volume 'input'", findings[2].Message);
        Assert.Contains("share bind '/home/hcsshares/input:/home/input'", findings[3].Message);
        Assert.Contains("claim 'data'", findings[4].Message);
    }

    [Fact]
    public void AShareATemplateFillsInIsNamedAsWritten()
    {
        var finding = Assert.Single(Check(ManifestBuilder.Deployment(("share", """{"HostConfig":{"Mounts":[{"Type":"volume","Source":${SHARE},"Target":"/in"}]}}""")), "O1"));

        Assert.Contains("(volume '${SHARE}')", finding.Message);
    }

    [Fact]
    public void EdgeHubPortsAloneAreNotAReason()
    {
        // ManifestBuilder's edgeHub has the usual 443/5671/8883 bindings.
        Assert.Empty(Check(ManifestBuilder.Deployment(("plain", "{}")), "O1"));
    }

    [Fact]
    public void FixAddsRecreate()
    {
        var result = Convert(Modules(), "O1");

        Assert.Equal("""{"k8s-experimental":{"resources":{"limits":{"nvidia.com/gpu":1}},"strategy":{"type":"Recreate"}}}""", OptionsText(result.Manifest, "gpu"));
        Assert.Equal("""{"HostConfig":{"NetworkMode":"host"},"k8s-experimental":{"strategy":{"type":"Recreate"}}}""", OptionsText(result.Manifest, "hostnet"));
        Assert.Equal("""{"HostConfig":{"NetworkMode":"host"},"k8s-experimental":{"strategy":{"type":"RollingUpdate"}}}""", OptionsText(result.Manifest, "rolling"));
        Assert.Equal(7, result.Changes.Count);
        Assert.Equal("O1 gpu k8s-experimental.strategy: - -> {\"type\":\"Recreate\"}", Describe(result.Changes[0]));
        AssertIdempotent(result, "O1");
    }

    [Theory]
    [InlineData(DeploymentStrategyOption.RollingUpdate)]
    [InlineData(DeploymentStrategyOption.Keep)]
    public void OtherStrategyOptionsChangeNothing(DeploymentStrategyOption option)
    {
        var result = Convert(Modules(), "O1", o => o.DeploymentStrategy = option);

        Assert.Empty(result.Changes);
        Assert.Equal(Modules().ToJson(), result.Manifest.ToJson());
    }

    [Fact]
    public void ASectionSpelledInAnotherCaseIsNotWhereTheStrategyGoes()
    {
        // The agent matches "k8s-experimental" exactly, so the miscased section is ignored on the device (K3 says so).
        var manifest = ManifestBuilder.Deployment(("hostnet", """{"HostConfig":{"NetworkMode":"host"},"K8s-Experimental":{"strategy":{"type":"Recreate"}}}"""));

        var result = Convert(manifest, "O1");

        Assert.Equal("""{"HostConfig":{"NetworkMode":"host"},"K8s-Experimental":{"strategy":{"type":"Recreate"}},"k8s-experimental":{"strategy":{"type":"Recreate"}}}""",
            OptionsText(result.Manifest, "hostnet"));
        AssertIdempotent(result, "O1");
    }

    [Fact]
    public void CorpusGpuModuleWithRecreateIsClean()
    {
        var manifest = ManifestDocument.Load(TestPaths.CorpusFile("Azure-Samples__azure-intelligent-edge-patterns__GpuReferenceModules__SampleSolution__deployment.k8s.template.json"));

        Assert.Empty(Check(manifest, "O1"));
    }
}

using System.IO;
using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;
using Xunit;
using static EdgeMigration.Tests.Kubernetes.RenderKit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Kubernetes;

/// <summary>The how-to's GPU examples (TestData/README.md) as the device deploys them.</summary>
public class HowToExamplesRenderTests
{
    private static ModuleRendering Example(string file) => Render(File.ReadAllText(TestDataFile(file)));

    [Fact]
    public void GpuExampleAsksForTwoGpusWithLimitsRecreatesAndListensOnItsPort()
    {
        var module = Example("howto-gpu-createoptions.json");

        Assert.Equal("""{"limits":{"cpu":"500m","memory":"128Mi","nvidia.com/gpu":"2"},"requests":{"nvidia.com/gpu":"2"}}""", Compact(Container(module)["resources"]));
        Assert.Equal("""{"privileged":true}""", Compact(Container(module)["securityContext"]));
        Assert.Equal("""{"type":"Recreate"}""", Compact(Deployment(module), "spec.strategy"));
        Assert.Equal("""{"ports":[{"name":"hostport-50051-tcp","port":50051,"protocol":"TCP","targetPort":50051}],"selector":{"net.azure-devices.edge.module":"m"},"type":"LoadBalancer"}""",
            Compact(Service(module)["spec"]));
        Assert.Empty(module.Dropped);
        KubernetesValidator.AssertValid(module);
    }

    [Fact]
    public void MinimalGpuExampleHasTheRollingUpdateDefault()
    {
        var module = Example("howto-gpu-minimal-createoptions.json");

        Assert.Equal("""{"limits":{"nvidia.com/gpu":"2"}}""", Compact(Container(module)["resources"]));
        Assert.Equal("-", Compact(Deployment(module), "spec.strategy"));
        Assert.Empty(module.Dropped);
        KubernetesValidator.AssertValid(module);
    }

    [Fact]
    public void ConvertedFpgaExampleDeploysAsTheGpuExample()
    {
        var fpga = ManifestBuilder.Deployment((Module, File.ReadAllText(TestDataFile("howto-fpga-createoptions.json"))));
        var converted = ManifestConverter.Convert(fpga, new ConversionOptions { DefaultMemoryLimit = "128Mi", DefaultCpuLimit = "500m" }).Manifest;
        var expected = Example("howto-gpu-createoptions.json");

        var module = KubernetesRenderer.Render(converted).Modules.Single(m => m.ModuleName == Module);

        Assert.Equal(expected.Resources.Select(r => Compact(r.Object)), module.Resources.Select(r => Compact(r.Object)));
    }

    [Fact]
    public void UnconvertedFpgaExampleAsksForFpgasTheDeviceDoesNotHave()
    {
        var module = Example("howto-fpga-createoptions.json");

        Assert.Equal("""{"limits":{"microsoft.com/fpga_catapult":"2"},"requests":{"microsoft.com/fpga_catapult":"2"}}""", Compact(Container(module)["resources"]));
        Assert.Contains("WIRESERVER_ADDRESS", EnvNames(module));
    }
}

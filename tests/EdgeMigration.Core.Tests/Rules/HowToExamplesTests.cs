using System.IO;
using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

/// <summary>The how-to's own FPGA and GPU createOptions (TestData/README.md says where they come from).</summary>
public class HowToExamplesTests
{
    private const string Module = "inference";

    private static ManifestDocument WithExample(string file) =>
        ManifestBuilder.Deployment((Module, File.ReadAllText(TestDataFile(file))));

    private static JNode Example(string file) => JDocument.Parse(File.ReadAllText(TestDataFile(file))).Root;

    private static string[] AcceleratorFindings(ManifestDocument manifest) =>
        Summary(RuleEngine.Check(manifest).Where(f => f.ModuleName == Module && f.RuleId is "R1" or "R2" or "O1")).ToArray();

    [Fact]
    public void FpgaExampleRaisesTheCatapultWireServerAndStrategyFindings()
    {
        Assert.Equal(new[]
        {
            "R1 Error inference k8s-experimental.resources.limits['microsoft.com/fpga_catapult'] fixable",
            "R1 Error inference k8s-experimental.resources.requests['microsoft.com/fpga_catapult'] fixable",
            "R1 Warning inference Env[0] fixable",
            "R1 Information inference HostConfig.Privileged manual",
            "R2 Information inference k8s-experimental.resources.limits manual",
            "O1 Warning inference k8s-experimental.strategy fixable",
        }, AcceleratorFindings(WithExample("howto-fpga-createoptions.json")));
    }

    [Fact]
    public void GpuExampleIsCleanOfThem()
    {
        var manifest = WithExample("howto-gpu-createoptions.json");

        Assert.Empty(AcceleratorFindings(manifest));
        Assert.DoesNotContain(RuleEngine.Check(manifest), f => f.ModuleName == Module && f.Severity > Severity.Information);
    }

    [Fact]
    public void MinimalGpuExampleStillLacksWhatTheArticleAsksForElsewhere()
    {
        // The article's "minimal configuration" has no strategy and no memory or CPU limit; its later sections ask for both.
        Assert.Equal(new[]
        {
            "R2 Information inference k8s-experimental.resources.limits manual",
            "O1 Warning inference k8s-experimental.strategy fixable",
        }, AcceleratorFindings(WithExample("howto-gpu-minimal-createoptions.json")));
    }

    [Fact]
    public void ConvertingTheFpgaExampleGivesTheGpuExample()
    {
        var result = ManifestConverter.Convert(WithExample("howto-fpga-createoptions.json"),
            new ConversionOptions { DefaultMemoryLimit = "128Mi", DefaultCpuLimit = "500m" });

        var converted = result.Manifest.FindModule(Module)!.CreateOptions!.Root;
        Assert.True(JsonSemantics.Equal(Example("howto-gpu-createoptions.json"), converted), converted!.ToCompactJson());
        Assert.Equal(new[]
        {
            """R1 inference k8s-experimental.resources.limits: {"microsoft.com/fpga_catapult":2} -> {"nvidia.com/gpu":2}""",
            """R1 inference k8s-experimental.resources.requests: {"microsoft.com/fpga_catapult":2} -> {"nvidia.com/gpu":2}""",
            """R1 inference Env: ["WIRESERVER_ADDRESS=10.139.218.1"] -> -""",
            "R2 inference k8s-experimental.resources.limits.memory: - -> \"128Mi\"",
            "R2 inference k8s-experimental.resources.limits.cpu: - -> \"500m\"",
            """O1 inference k8s-experimental.strategy: - -> {"type":"Recreate"}""",
        }, Describe(result.Changes.Where(c => c.ModuleName == Module)));
    }

    [Fact]
    public void WithoutDefaultLimitsOnlyMemoryAndCpuDiffer()
    {
        // Memory and CPU are the user's choice: the article calls them good practice, not required.
        var result = ManifestConverter.Convert(WithExample("howto-fpga-createoptions.json"));

        var expected = (JObject)Example("howto-gpu-createoptions.json");
        var limits = (JObject)((JObject)((JObject)expected["k8s-experimental"]!)["resources"]!)["limits"]!;
        limits.Remove("memory");
        limits.Remove("cpu");
        Assert.True(JsonSemantics.Equal(expected, result.Manifest.FindModule(Module)!.CreateOptions!.Root));
    }
}

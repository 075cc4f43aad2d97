using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Rules;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class FpgaAccelerationRuleTests
{
    private const string FpgaOptions =
        """{"HostConfig":{"Privileged":true},"k8s-experimental":{"resources":{"limits":{"microsoft.com/fpga_catapult":2},"requests":{"microsoft.com/fpga_catapult":2}}},"Env":["WIRESERVER_ADDRESS=10.139.218.1","KEEP=1"]}""";

    [Fact]
    public void FindsCatapultWireServerFpgaDevicesAndNotesPrivileged()
    {
        var manifest = ManifestBuilder.Deployment(
            ("detector",
             """{"HostConfig":{"Privileged":true,"Devices":[{"PathOnHost":"/dev/video0"},{"PathOnHost":"/dev/catapult0","PathInContainer":"/dev/catapult0"}]},"k8s-experimental":{"resources":{"limits":{"microsoft.com/fpga_catapult":1}}}}""",
             """{"WIRESERVER_ADDRESS": {"value": "10.139.218.1"}}"""));

        var findings = Check(manifest, "R1");

        Assert.Equal(new[]
        {
            "R1 Error detector k8s-experimental.resources.limits['microsoft.com/fpga_catapult'] fixable",
            "R1 Warning detector env.WIRESERVER_ADDRESS fixable",
            "R1 Warning detector HostConfig.Devices[1] fixable",
            "R1 Information detector HostConfig.Privileged manual",
        }, Summary(findings));
        Assert.EndsWith(".modules.detector.env.WIRESERVER_ADDRESS", findings[1].ManifestPath);
        Assert.EndsWith(".modules.detector.settings.createOptions.k8s-experimental.resources.limits['microsoft.com/fpga_catapult']", findings[0].ManifestPath);
        Assert.Equal(Certainty.Likely, findings[2].Certainty);
        Assert.Contains("1 FPGA(s)", findings[0].Message);
    }

    [Fact]
    public void PrivilegedIsReadAsTheAgentReadsIt()
    {
        // Json.NET, which reads createOptions for the agent, takes the string "true" for true.
        var manifest = ManifestBuilder.Deployment(
            ("detector", """{"HostConfig":{"Privileged":"true"},"k8s-experimental":{"resources":{"limits":{"microsoft.com/fpga_catapult":1}}}}"""));

        Assert.Contains("R1 Information detector HostConfig.Privileged manual", Summary(Check(manifest, "R1")));
    }

    [Fact]
    public void GpuModuleAndPrivilegedWithoutFpgaHaveNoFinding()
    {
        var manifest = ManifestBuilder.Deployment(
            ("detector", """{"HostConfig":{"Privileged":true,"Devices":[{"PathOnHost":"/dev/video0"}]},"k8s-experimental":{"resources":{"limits":{"nvidia.com/gpu":1}}}}"""));

        Assert.Empty(Check(manifest, "R1"));
    }

    [Fact]
    public void FixAsksForAsManyGpusAndDropsTheWireServer()
    {
        var result = Convert(ManifestBuilder.Deployment(("detector", FpgaOptions)), "R1");

        Assert.Equal(
            """{"HostConfig":{"Privileged":true},"k8s-experimental":{"resources":{"limits":{"nvidia.com/gpu":2},"requests":{"nvidia.com/gpu":2}}},"Env":["KEEP=1"]}""",
            OptionsText(result.Manifest, "detector"));
        Assert.Equal(new[]
        {
            """R1 detector k8s-experimental.resources.limits: {"microsoft.com/fpga_catapult":2} -> {"nvidia.com/gpu":2}""",
            """R1 detector k8s-experimental.resources.requests: {"microsoft.com/fpga_catapult":2} -> {"nvidia.com/gpu":2}""",
            "R1 detector Env[0]: \"WIRESERVER_ADDRESS=10.139.218.1\" -> -",
        }, Describe(result.Changes));
        Assert.Equal(result.Changes.Select(c => c.ManifestPath).Last(), result.Manifest.FindModule("detector")!.PathOf("Env[0]"));
        AssertIdempotent(result, "R1");
    }

    [Fact]
    public void GpuCountOptionSetsLimitsAndRequestsAlike()
    {
        var result = Convert(ManifestBuilder.Deployment(("detector", FpgaOptions)), "R1", o => o.GpuCount = 1);

        Assert.StartsWith(
            """{"HostConfig":{"Privileged":true},"k8s-experimental":{"resources":{"limits":{"nvidia.com/gpu":1},"requests":{"nvidia.com/gpu":1}}}""",
            OptionsText(result.Manifest, "detector"));
        AssertIdempotent(result, "R1", o => o.GpuCount = 1);
    }

    [Fact]
    public void RequestsOnlyGetLimitsTooAndAnExistingGpuCountIsKept()
    {
        var manifest = ManifestBuilder.Deployment(
            ("a", """{"k8s-experimental":{"resources":{"requests":{"microsoft.com/fpga_catapult":1}}}}"""),
            ("b", """{"k8s-experimental":{"resources":{"limits":{"nvidia.com/gpu":1,"microsoft.com/fpga_catapult":2}}}}"""));

        var result = Convert(manifest, "R1");

        Assert.Equal("""{"k8s-experimental":{"resources":{"requests":{"nvidia.com/gpu":1},"limits":{"nvidia.com/gpu":1}}}}""", OptionsText(result.Manifest, "a"));
        Assert.Equal("""{"k8s-experimental":{"resources":{"limits":{"nvidia.com/gpu":1}}}}""", OptionsText(result.Manifest, "b"));
        AssertIdempotent(result, "R1");
    }

    [Fact]
    public void AGpuCountTheModuleGivesGoesInBothListsSoRequestsEqualLimits()
    {
        var manifest = ManifestBuilder.Deployment(
            ("in-limits", """{"k8s-experimental":{"resources":{"limits":{"nvidia.com/gpu":1,"microsoft.com/fpga_catapult":2},"requests":{"microsoft.com/fpga_catapult":2}}}}"""),
            ("in-requests", """{"k8s-experimental":{"resources":{"limits":{"microsoft.com/fpga_catapult":2},"requests":{"nvidia.com/gpu":1,"microsoft.com/fpga_catapult":2}}}}"""));

        var result = Convert(manifest, "R1", o => o.GpuCount = 3);

        Assert.Equal("""{"k8s-experimental":{"resources":{"limits":{"nvidia.com/gpu":1},"requests":{"nvidia.com/gpu":1}}}}""", OptionsText(result.Manifest, "in-limits"));
        Assert.Equal("""{"k8s-experimental":{"resources":{"limits":{"nvidia.com/gpu":1},"requests":{"nvidia.com/gpu":1}}}}""", OptionsText(result.Manifest, "in-requests"));
        Assert.DoesNotContain(result.RemainingFindings, f => f.RuleId == "R1");
        AssertIdempotent(result, "R1", o => o.GpuCount = 3);
    }

    [Fact]
    public void RecordsItsRemovalsTopToBottomAtTheIndexesAsWritten()
    {
        var manifest = ManifestBuilder.Deployment(
            ("detector",
             """{"Env":["WIRESERVER_ADDRESS=10.139.218.1","KEEP=1","wireserver_address=10.139.218.2"],"HostConfig":{"Devices":[{"PathOnHost":"/dev/catapult0"},{"PathOnHost":"/dev/video0"},{"PathOnHost":"/dev/fpga1"}]}}"""));

        var result = Convert(manifest, "R1");

        Assert.Equal(new[]
        {
            "R1 detector Env[0]: \"WIRESERVER_ADDRESS=10.139.218.1\" -> -",
            "R1 detector Env[2]: \"wireserver_address=10.139.218.2\" -> -",
            """R1 detector HostConfig.Devices[0]: {"PathOnHost":"/dev/catapult0"} -> -""",
            """R1 detector HostConfig.Devices[2]: {"PathOnHost":"/dev/fpga1"} -> -""",
        }, Describe(result.Changes));
        Assert.Equal("""{"Env":["KEEP=1"],"HostConfig":{"Devices":[{"PathOnHost":"/dev/video0"}]}}""", OptionsText(result.Manifest, "detector"));
        AssertIdempotent(result, "R1");
    }

    [Fact]
    public void RecordsItsRemovalsAtTheIndexesAsWrittenAfterK15RemovedAnEarlierEntry()
    {
        // K15 removes Env[0] first: R1 said Env[1], where that removal had moved the wire server, not Env[2] as its finding.
        var manifest = ManifestBuilder.Deployment(
            ("detector", """{"Env":["FOO=1","KEEP=1","WIRESERVER_ADDRESS=10.139.218.1"]}""", """{"FOO": {"value": "1"}}"""));

        var result = ManifestConverter.Convert(manifest, new ConversionOptions { Rules = Only("K15", "R1") });

        Assert.Equal(new[]
        {
            "K15 detector Env[0]: \"FOO=1\" -> -",
            "R1 detector Env[2]: \"WIRESERVER_ADDRESS=10.139.218.1\" -> -",
        }, Describe(result.Changes));
    }

    [Fact]
    public void RemovesWireServerFromTheEnvSectionAndAnEnvLeftEmpty()
    {
        var manifest = ManifestBuilder.Deployment(
            ("detector",
             """{"Env":["WIRESERVER_ADDRESS=10.139.218.1"],"HostConfig":{"Devices":[{"PathOnHost":"/dev/fpga0"}]}}""",
             """{"WIRESERVER_ADDRESS": {"value": "10.139.218.1"}, "OTHER": {"value": "x"}}"""));

        var result = Convert(manifest, "R1");

        var module = result.Manifest.FindModule("detector")!;
        Assert.Equal("""{"HostConfig":{}}""", module.CreateOptions!.Text);
        Assert.Equal(new[] { "OTHER" }, module.Env.Select(v => v.Name));
        Assert.Equal(new[]
        {
            """R1 detector Env: ["WIRESERVER_ADDRESS=10.139.218.1"] -> -""",
            """R1 detector env.WIRESERVER_ADDRESS: {"value":"10.139.218.1"} -> -""",
            """R1 detector HostConfig.Devices: [{"PathOnHost":"/dev/fpga0"}] -> -""",
        }, Describe(result.Changes));
        AssertIdempotent(result, "R1");
    }
}

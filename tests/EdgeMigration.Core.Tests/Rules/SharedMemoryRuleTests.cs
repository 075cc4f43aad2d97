using System.Linq;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class SharedMemoryRuleTests
{
    private static ManifestDocument LvaPair() => ManifestBuilder.Deployment(
        ("lvaEdge", """{"HostConfig":{"IpcMode":"shareable","Privileged":true}}"""),
        ("lvaExtension", """{"HostConfig":{"IpcMode":"container:lvaEdge","ShmSize":1536870912}}"""));

    [Fact]
    public void ContainerIpcPairsAreReportedOnBothModules()
    {
        var findings = Check(LvaPair(), "R3");

        Assert.Equal(new[]
        {
            "R3 Warning lvaEdge HostConfig.IpcMode fixable",
            "R3 Warning lvaExtension HostConfig.IpcMode fixable",
            "R3 Information lvaExtension HostConfig.ShmSize manual",
        }, Summary(findings));
        Assert.Contains("module 'lvaExtension'", findings[0].Message);
        Assert.Contains("module 'lvaEdge'", findings[1].Message);
    }

    [Fact]
    public void FixSwitchesThePairToHostIpc()
    {
        var result = Convert(LvaPair(), "R3");

        Assert.Equal("""{"HostConfig":{"IpcMode":"host","Privileged":true}}""", OptionsText(result.Manifest, "lvaEdge"));
        Assert.Equal("""{"HostConfig":{"IpcMode":"host","ShmSize":1536870912}}""", OptionsText(result.Manifest, "lvaExtension"));
        Assert.Equal(new[]
        {
            "R3 lvaEdge HostConfig.IpcMode: \"shareable\" -> \"host\"",
            "R3 lvaExtension HostConfig.IpcMode: \"container:lvaEdge\" -> \"host\"",
        }, Describe(result.Changes));
        Assert.Equal(new[]
        {
            "IpcMode \"shareable\" became \"host\" so the module keeps sharing memory with module 'lvaExtension' on the GPU device.",
            "IpcMode \"container:lvaEdge\" became \"host\" so the module keeps sharing memory with module 'lvaEdge' on the GPU device.",
        }, result.Changes.Select(c => c.Description));
        AssertIdempotent(result, "R3");
    }

    [Fact]
    public void AJoinedModuleWithoutIpcModeGetsOne()
    {
        var manifest = ManifestBuilder.Deployment(
            ("source", """{"Env":["A=1"]}"""),
            ("reader", """{"HostConfig":{"IpcMode":"container:source"}}"""));

        var result = Convert(manifest, "R3");

        Assert.Equal("""{"Env":["A=1"],"HostConfig":{"IpcMode":"host"}}""", OptionsText(result.Manifest, "source"));
        Assert.Equal("R3 source HostConfig.IpcMode: - -> \"host\"", Describe(result.Changes[0]));
        AssertIdempotent(result, "R3");
    }

    [Fact]
    public void HostIpcWorksAndOtherModesAreIgnored()
    {
        var manifest = ManifestBuilder.Deployment(
            ("host", """{"HostConfig":{"IpcMode":"host","ShmSize":536870912}}"""),
            ("alone", """{"HostConfig":{"IpcMode":"shareable"}}"""),
            ("private", """{"HostConfig":{"IpcMode":"private"}}"""),
            ("none", """{"HostConfig":{"IpcMode":"none"}}"""));

        var findings = Check(manifest, "R3");

        Assert.Equal(new[]
        {
            "R3 Information host HostConfig.IpcMode manual",
            "R3 Information host HostConfig.ShmSize manual",
            "R3 Information alone HostConfig.IpcMode manual",
            "R3 Information none HostConfig.IpcMode manual",
        }, Summary(findings));
        // With host IPC Docker mounts the host's /dev/shm and does not use ShmSize either (moby setupIpcDirs).
        Assert.DoesNotContain("no longer runs on Docker devices", findings[1].Recommendation);
        Assert.Contains("Docker ignores it with host IPC too", findings[1].Recommendation);
    }

    [Fact]
    public void ShmSizeWithoutHostIpcSuggestsAMemoryVolume()
    {
        var manifest = ManifestBuilder.Deployment(("infer", """{"HostConfig":{"ShmSize":536870912}}"""));

        var finding = Assert.Single(Check(manifest, "R3"));

        Assert.Equal("R3 Warning infer HostConfig.ShmSize manual", Summary(finding));
        Assert.Contains("\"sizeLimit\": \"512Mi\"", finding.Recommendation);
        Assert.Contains("\"mountPath\": \"/dev/shm\"", finding.Recommendation);
    }

    [Fact]
    public void ShmSizeBesideAMemoryVolumeAtDevShmIsCovered()
    {
        // The spatial analysis manifest mounts an emptyDir at /dev/shm next to IpcMode host and ShmSize.
        var manifest = ManifestDocument.Load(TestPaths.CorpusFile("Azure-Samples__cognitive-services-sample-data-files__ComputerVision__spatial-analysis__DeploymentManifest.json"));

        Assert.Equal(new[] { "R3 Information spatialanalysis HostConfig.IpcMode manual" }, Summary(Check(manifest, "R3")));
    }

    [Fact]
    public void CorpusLiveVideoAnalyticsPairIsConverted()
    {
        var manifest = ManifestDocument.Load(TestPaths.CorpusFile("Azure__live-video-analytics__utilities__video-analysis__deepstream__deployment__deployment.deepstream.template.json"));

        var result = Convert(manifest, "R3");

        Assert.Equal(new[] { "lvaEdge", "lvaExtension" }, result.Changes.Select(c => c.ModuleName));
        Assert.All(result.Changes, c => Assert.Equal("\"host\"", c.After));
        AssertIdempotent(result, "R3");
    }

    [Fact]
    public void AModuleIsFixableWhereTheFixCanWriteItsIpcMode()
    {
        // 'template' has a placeholder HostConfig, which the fix does not replace; the module joining it is not switched
        // alone either, which would part the pair and leave no finding to say so.
        var manifest = ManifestBuilder.Deployment(
            ("template", """{"HostConfig":"${HOST_CONFIG}"}"""),
            ("joiner", """{"HostConfig":{"IpcMode":"container:template"}}"""),
            ("empty", """{}"""),
            ("nulled", """{"HostConfig":null,"Env":["A=1"]}"""),
            ("reader", """{"HostConfig":{"IpcMode":"container:empty"}}"""),
            ("other", """{"HostConfig":{"IpcMode":"container:nulled"}}"""));

        var findings = Check(manifest, "R3");
        var result = Convert(manifest, "R3");

        Assert.Equal(new[]
        {
            "R3 Warning template HostConfig.IpcMode manual",
            "R3 Warning joiner HostConfig.IpcMode manual",
            "R3 Warning empty HostConfig.IpcMode fixable",
            "R3 Warning nulled HostConfig.IpcMode fixable",
            "R3 Warning reader HostConfig.IpcMode fixable",
            "R3 Warning other HostConfig.IpcMode fixable",
        }, Summary(findings));
        Assert.All(findings, f => Assert.Equal(f.IsFixable, result.Changes.Any(c => c.ModuleName == f.ModuleName)));
        Assert.Contains("\"HostConfig\":\"${HOST_CONFIG}\"", OptionsText(result.Manifest, "template"));
        Assert.Equal(new[] { "template", "joiner" }, result.RemainingFindings.Where(f => f.RuleId == "R3" && f.Severity == Severity.Warning).Select(f => f.ModuleName));
        AssertIdempotent(result, "R3");
    }

    [Fact]
    public void AGroupSwitchesWholeOrNotAtAllAlongChainsAndOverUnreadablePartners()
    {
        // a joins b, b joins c, c's HostConfig is a placeholder; x joins y, whose createOptions are a placeholder; p joins q, both settable.
        var manifest = ManifestBuilder.Deployment(
            ("a", """{"HostConfig":{"IpcMode":"container:b"}}"""),
            ("b", """{"HostConfig":{"IpcMode":"container:c"}}"""),
            ("c", """{"HostConfig":"${HC}"}"""),
            ("x", """{"HostConfig":{"IpcMode":"container:y"}}"""),
            ("y", "${OPTIONS}"),
            ("p", """{"HostConfig":{"IpcMode":"container:q"}}"""),
            ("q", "{}"),
            // w's createOptions are broken JSON (a '$' in a value makes them no placeholder): the agent deploys no w.
            ("z", """{"HostConfig":{"IpcMode":"container:w"}}"""),
            ("w", """{"Labels":{"cost":"$5"}"""));

        var findings = Check(manifest, "R3");
        var result = Convert(manifest, "R3");

        Assert.Equal(new[]
        {
            "R3 Warning a HostConfig.IpcMode manual",
            "R3 Warning b HostConfig.IpcMode manual",
            "R3 Warning c HostConfig.IpcMode manual",
            "R3 Warning x HostConfig.IpcMode manual",
            "R3 Warning p HostConfig.IpcMode fixable",
            "R3 Warning q HostConfig.IpcMode fixable",
            "R3 Warning z HostConfig.IpcMode fixable",
        }, Summary(findings));
        Assert.Equal(new[] { "p", "q", "z" }, result.Changes.Select(c => c.ModuleName));
    }
}

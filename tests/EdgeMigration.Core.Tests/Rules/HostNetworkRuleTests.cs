using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class HostNetworkRuleTests
{
    private const string Host = """{"HostConfig":{"NetworkMode":"host"}}""";

    [Fact]
    public void OneModuleOnTheHostNetworkIsInformation()
    {
        var manifest = ManifestBuilder.Deployment(("camera", Host), ("other", """{"HostConfig":{"NetworkMode":"bridge"}}"""));

        var finding = Assert.Single(Check(manifest, "N3"));

        Assert.Equal("N3 Information camera HostConfig.NetworkMode manual", Summary(finding));
        Assert.Contains("dnsPolicy ClusterFirstWithHostNet", finding.Message);
    }

    [Fact]
    public void MoreThanOneModuleOnTheHostNetworkIsAnError()
    {
        var manifest = ManifestBuilder.Deployment(("camera", Host), ("upload", """{"HostConfig":{"networkmode":"HOST"}}"""));

        var findings = Check(manifest, "N3");

        Assert.Equal(new[]
        {
            "N3 Error camera HostConfig.NetworkMode manual",
            "N3 Error upload HostConfig.networkmode manual",
        }, Summary(findings));
        Assert.Contains("as 'upload' does; on the GPU device only one module per deployment can use the host network", findings[0].Message);
    }

    [Fact]
    public void AStoppedModuleHasNoPodOnTheHostNetwork()
    {
        var manifest = ManifestBuilder.Deployment(("camera", Host), ("spare", Host));
        manifest.FindModule("spare")!.Definition.Set("status", JValue.String("stopped"));

        var finding = Assert.Single(Check(manifest, "N3"));

        Assert.Equal("N3 Information camera HostConfig.NetworkMode manual", Summary(finding));
    }

    [Fact]
    public void EdgeHubNeedNotBeOnTheHostNetwork()
    {
        var manifest = ManifestBuilder.Deployment(("camera", Host));
        var hub = manifest.FindModule("edgeHub")!;
        hub.Settings!.Set("createOptions", JValue.String("""{"HostConfig":{"NetworkMode":"host","PortBindings":{"443/tcp":[{"HostPort":"443"}]}}}"""));
        manifest = ManifestDocument.Parse(manifest.ToJson());

        var findings = Check(manifest, "N3");

        Assert.Equal(new[]
        {
            "N3 Error edgeHub HostConfig.NetworkMode fixable",
            "N3 Warning edgeHub HostConfig.NetworkMode fixable",
            "N3 Error camera HostConfig.NetworkMode fixable",
        }, Summary(findings));
        Assert.Contains("edgeHub need not be on the host network", findings[1].Message);
        // One piece of advice for the one setting: edgeHub comes off the host network, and camera keeps it (stop-33 QA).
        Assert.Equal("Take edgeHub off the host network, as the Warning on it says; the other module keeps it.", findings[0].Recommendation);
        Assert.Equal(findings[0].Recommendation, findings[2].Recommendation);
    }

    [Fact]
    public void TheConversionTakesEdgeHubOffTheHostNetworkAndK22BindsItsPorts()
    {
        // The onnxruntime samples' edgeHub: on the host network beside three modules, no ports.
        var manifest = ManifestBuilder.Deployment(("camera", Host), ("inference", Host), ("stopped", Host));
        manifest.FindModule("stopped")!.Definition.Set("status", JValue.String("stopped"));
        manifest.FindModule("edgeHub")!.Settings!.Set("createOptions", JValue.String("""{"HostConfig":{"Binds":[],"NetworkMode":"Host","Devices":[]}}"""));
        manifest = ManifestDocument.Parse(manifest.ToJson());
        // Which of camera and inference keeps the host network is the user's to say: their errors stay.
        Assert.Equal(new[]
        {
            "N3 Error edgeHub HostConfig.NetworkMode manual",
            "N3 Warning edgeHub HostConfig.NetworkMode fixable",
            "N3 Error camera HostConfig.NetworkMode manual",
            "N3 Error inference HostConfig.NetworkMode manual",
        }, Summary(Check(manifest, "N3")));

        var result = Convert(manifest, "N3", o => o.Rules = Only("N3", "K22"));

        Assert.Equal(new[]
        {
            "N3 edgeHub HostConfig.NetworkMode: \"Host\" -> -",
            "K22 edgeHub HostConfig.PortBindings['5671/tcp']: - -> [{\"HostPort\":\"5671\"}]",
            "K22 edgeHub HostConfig.PortBindings['8883/tcp']: - -> [{\"HostPort\":\"8883\"}]",
            "K22 edgeHub HostConfig.PortBindings['443/tcp']: - -> [{\"HostPort\":\"443\"}]",
        }, Describe(result.Changes));
        Assert.StartsWith("edgeHub left the host network (NetworkMode \"Host\" removed)", result.Changes[0].Description);
        Assert.Equal("""{"HostConfig":{"Binds":[],"Devices":[],"PortBindings":{"5671/tcp":[{"HostPort":"5671"}],"8883/tcp":[{"HostPort":"8883"}],"443/tcp":[{"HostPort":"443"}]}}}""",
            OptionsText(result.Manifest, "edgeHub"));
        Assert.Equal(new[] { "N3 Error camera HostConfig.NetworkMode manual", "N3 Error inference HostConfig.NetworkMode manual" },
            Summary(result.RemainingFindings.Where(f => f.RuleId is "N3" or "K22")));
        AssertIdempotent(result, "N3", o => o.Rules = Only("N3", "K22"));
    }

    [Fact]
    public void EdgeHubAndOneOtherModuleIsSettledByTheConversion()
    {
        var manifest = ManifestBuilder.Deployment(("camera", Host));
        manifest.FindModule("edgeHub")!.Settings!.Set("createOptions", JValue.String("""{"HostConfig":{"NetworkMode":"host"}}"""));
        manifest = ManifestDocument.Parse(manifest.ToJson());

        var result = Convert(manifest, "N3");

        Assert.Equal("N3 edgeHub HostConfig.NetworkMode: \"host\" -> -", Assert.Single(Describe(result.Changes)));
        Assert.Equal("N3 Information camera HostConfig.NetworkMode manual", Summary(Assert.Single(result.RemainingFindings, f => f.RuleId == "N3")));
    }

    [Fact]
    public void EdgeHubWithoutItsPortsIsToldToBindThemNotToKeepThem()
    {
        // QA advice: a host-network edgeHub often binds no ports; "keep its 5671, 8883 and 443 PortBindings" left a user
        // who removed NetworkMode with an edgeHub no module can reach, and no finding said so.
        var manifest = ManifestBuilder.Deployment(("camera", """{}"""));
        var hub = manifest.FindModule("edgeHub")!;
        hub.Settings!.Set("createOptions", JValue.String("""{"HostConfig":{"NetworkMode":"host","PortBindings":{"443/tcp":[{"HostPort":"443"}]}}}"""));
        manifest = ManifestDocument.Parse(manifest.ToJson());

        var advice = Assert.Single(Check(manifest, "N3")).Recommendation;

        Assert.Contains("""bind its ports 5671 and 8883 in HostConfig.PortBindings ("PortBindings": {"5671/tcp": [{"HostPort": "5671"}], "8883/tcp": [{"HostPort": "8883"}]})""", advice);
        Assert.DoesNotContain("keep", advice);

        manifest.FindModule("edgeHub")!.Settings!.Set("createOptions", JValue.String("""{"HostConfig":{"NetworkMode":"host","PortBindings":{"443/tcp":[{"HostPort":"443"}],"5671/tcp":[{"HostPort":"5671"}],"8883/tcp":[{"HostPort":"8883"}]}}}"""));
        manifest = ManifestDocument.Parse(manifest.ToJson());
        Assert.StartsWith("Remove NetworkMode host from edgeHub and keep its 5671, 8883 and 443 PortBindings", Assert.Single(Check(manifest, "N3")).Recommendation);
    }

    [Fact]
    public void LongListsOfModulesAreShortened()
    {
        var manifest = ManifestBuilder.Deployment(Enumerable.Range(1, 6).Select(i => ("m" + i, Host)).ToArray());

        Assert.Contains("as 'm2', 'm3', 'm4' and 2 more do;", Check(manifest, "N3")[0].Message);
    }
}

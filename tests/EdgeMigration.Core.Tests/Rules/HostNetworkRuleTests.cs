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
            "N3 Error edgeHub HostConfig.NetworkMode manual",
            "N3 Warning edgeHub HostConfig.NetworkMode manual",
            "N3 Error camera HostConfig.NetworkMode manual",
        }, Summary(findings));
        Assert.Contains("edgeHub need not be on the host network", findings[1].Message);
        // One piece of advice for the one setting: edgeHub comes off the host network, and camera keeps it (stop-33 QA).
        Assert.Equal("Take edgeHub off the host network, as the Warning on it says; the other module keeps it.", findings[0].Recommendation);
        Assert.Equal(findings[0].Recommendation, findings[2].Recommendation);
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

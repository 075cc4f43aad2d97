using System;
using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class VolumeNamesRuleTests
{
    [Fact]
    public void VolumesThePodWouldHoldTwiceAreErrors()
    {
        // The agent names a bind's hostPath volume and a volume mount's claim after their Source (KubeUtils.SanitizeDNSLabel)
        // and adds k8s-experimental volumes as written; it merges none of these but the claims among themselves.
        var manifest = ManifestBuilder.Deployment(
            ("twice", """{"HostConfig":{"Binds":["/data:/a","/data/:/b:ro"]}}"""),
            ("share", """{"HostConfig":{"Binds":["/data:/x"],"Mounts":[{"Type":"volume","Source":"data","Target":"/y"}]}}"""),
            ("alike", """{"HostConfig":{"Mounts":[{"Type":"bind","Source":"/var/data","Target":"/a"},{"Type":"bind","Source":"/VarData","Target":"/b"}]}}"""),
            ("written", """
                {"HostConfig":{"Binds":["/cache:/cache"]},
                 "k8s-experimental":{"volumes":[{"volume":{"name":"cache","emptyDir":{}},"volumeMounts":[{"name":"cache","mountPath":"/tmp/cache"}]},
                   {"volume":{"name":"trust-bundle-volume","emptyDir":{}}}]}}
                """),
            ("named", """{"HostConfig":{"Binds":["sqlvolume:/sqlvolume"],"Mounts":[{"Type":"volume","Source":"sqlvolume","Target":"/var/opt/mssql"}]}}"""),
            ("claimfirst", """{"HostConfig":{"Mounts":[{"Type":"volume","Source":"logs","Target":"/a"},{"Type":"bind","Source":"/logs","Target":"/b"}]}}"""));

        var findings = Check(manifest, "K13");

        Assert.Equal(new[]
        {
            "K13 Error twice HostConfig.Binds[1] manual",
            "K13 Error share HostConfig.Mounts[0] manual",
            "K13 Error alike HostConfig.Mounts[1] manual",
            "K13 Error written k8s-experimental.volumes[0] manual",
            "K13 Error written k8s-experimental.volumes[1] manual",
            "K13 Error named HostConfig.Mounts[0] manual",
            "K13 Error claimfirst HostConfig.Mounts[0] manual",
        }, Summary(findings));
        Assert.Equal("HostConfig.Binds[0] (host path '/data') and HostConfig.Binds[1] (host path '/data/') both become the volume 'data'; the API server refuses the Deployment (duplicate volume name).",
            findings[0].Message);
        Assert.StartsWith("Mount the directory once: one k8s-experimental volume", findings[0].Recommendation);
        Assert.Contains("HostConfig.Binds[0] (host path '/data') and HostConfig.Mounts[0] (share 'data') both become the volume 'data'", findings[1].Message);
        Assert.StartsWith("Use host paths and shares whose names differ", findings[1].Recommendation);
        Assert.Contains("both become the volume 'vardata'", findings[2].Message);
        Assert.Contains("HostConfig.Binds[0] (host path '/cache') and k8s-experimental.volumes[0] (k8s-experimental volume)", findings[3].Message);
        Assert.StartsWith("Name the k8s-experimental volume", findings[3].Recommendation);
        Assert.Contains("'trust-bundle-volume', a volume name the agent uses itself in every pod", findings[4].Message);
        // A Docker volume's bind is a hostPath volume of the same name; converted (S2), it is a mount of the share, merged with the other.
        Assert.Contains("HostConfig.Binds[0] (Docker volume 'sqlvolume', a host path on the device) and HostConfig.Mounts[0] (share 'sqlvolume')", findings[5].Message);
        Assert.StartsWith("Mount the share with HostConfig.Mounts (Type volume) only", findings[5].Recommendation);
        // The agent adds the bind mounts' volumes before the claims, so the claim is the second 'logs'.
        Assert.Contains("HostConfig.Mounts[1] (host path '/logs') and HostConfig.Mounts[0] (share 'logs')", findings[6].Message);
    }

    [Fact]
    public void KubernetesVolumesNotNamedByADnsLabelAndMountsOfNoVolumeAreErrors()
    {
        // The agent sends k8s-experimental volumes and volumeMounts as written (KubernetesDeploymentMapper.CollectModuleVolumes);
        // Docker ignores the section, so only the GPU device's API server refuses them.
        var manifest = ManifestBuilder.Deployment(
            ("unlabeled", """{"k8s-experimental":{"volumes":[{"volume":{"name":"My_Volume","emptyDir":{}},"volumeMounts":[{"name":"My_Volume","mountPath":"/a"}]}]}}"""),
            ("missing", """{"HostConfig":{"Binds":["/data:/data"]},"k8s-experimental":{"volumes":[{"volume":{"name":"cache","emptyDir":{}},"volumeMounts":[{"name":"cash","mountPath":"/a"}]}]}}"""),
            // A volumeMount may mount a bind's volume, the proxy's, or one of another entry; a name may start with a digit.
            ("found", """{"HostConfig":{"Binds":["/data:/data"]},"k8s-experimental":{"volumes":[{"volumeMounts":[{"name":"data","mountPath":"/b","subPath":"in"},{"name":"trust-bundle-volume","mountPath":"/c"},{"name":"0-cache","mountPath":"/d"}]},{"volume":{"name":"0-cache","emptyDir":{}}}]}}"""),
            ("placeholders", """{"HostConfig":{"Binds":["${DATA}:/data"]},"k8s-experimental":{"volumes":[{"volume":{"name":"${NAME}","emptyDir":{}},"volumeMounts":[{"name":"data","mountPath":"/b"},{"name":"<name>","mountPath":"/c"}]}]}}"""));

        var findings = Check(manifest, "K13");

        Assert.Equal(new[]
        {
            "K13 Error unlabeled k8s-experimental.volumes[0] manual",
            "K13 Error missing k8s-experimental.volumes[0].volumeMounts[0] manual",
        }, Summary(findings));
        Assert.StartsWith("Volume name 'My_Volume' is not a DNS label", findings[0].Message);
        Assert.Equal("Name the volume and its volumeMounts 'myvolume'.", findings[0].Recommendation);
        Assert.Contains("Volume name 'cash' of k8s-experimental.volumes[0].volumeMounts[0] is the name of no volume of the pod", findings[1].Message);
        Assert.Equal("Mount a volume of the pod ('data', 'cache'), or add a k8s-experimental volume named 'cash'.", findings[1].Recommendation);
        // K3 and K12 read the section and find nothing wrong with it.
        Assert.Empty(Check(manifest, "K3"));
        Assert.Empty(Check(manifest, "K12"));
    }

    [Fact]
    public void KubernetesVolumesAndVolumeMountsWithoutANameAreErrors()
    {
        // The agent sends them as written; Kubernetes requires a volume's and a volumeMount's name ("Required value").
        var manifest = ManifestBuilder.Deployment(
            ("missing", """{"k8s-experimental":{"volumes":[{"volume":{"emptyDir":{}},"volumeMounts":[{"mountPath":"/a"}]}]}}"""),
            ("empty", """{"HostConfig":{"Binds":["/data:/data"]},"k8s-experimental":{"volumes":[{"volume":{"name":"","emptyDir":{}}},{"volume":{"name":"","emptyDir":{}},"volumeMounts":[{"name":"","mountPath":"/b"}]}]}}"""));

        var findings = Check(manifest, "K13");

        Assert.Equal(new[]
        {
            "K13 Error missing k8s-experimental.volumes[0] manual",
            "K13 Error missing k8s-experimental.volumes[0].volumeMounts[0] manual",
            "K13 Error empty k8s-experimental.volumes[0] manual",
            "K13 Error empty k8s-experimental.volumes[1] manual",
            "K13 Error empty k8s-experimental.volumes[1].volumeMounts[0] manual",
        }, Summary(findings));
        Assert.Equal("The volume of k8s-experimental.volumes[0] has no name; the agent sends the k8s-experimental volume as written, and Kubernetes refuses the Deployment (volumes[].name: Required value).",
            findings[0].Message);
        Assert.StartsWith("Name the volume with a DNS label", findings[0].Recommendation);
        Assert.Equal("Name the volumeMount after the k8s-experimental volume it mounts.", findings[1].Recommendation);
        // Two volumes without a name are each reported as such, not as two of the name ''.
        Assert.DoesNotContain(findings, f => f.Message.Contains("''"));
        Assert.Contains("k8s-experimental.volumes[1].volumeMounts[0] has no name, so it mounts no volume", findings[4].Message);
        Assert.Equal("Name the volumeMount after the volume it mounts ('data').", findings[4].Recommendation);
    }

    [Fact]
    public void BindsWhoseHostPathNamesNoVolumeAreErrorsAsBindMountsAreForK9()
    {
        var longPath = "/var/lib/azuremediaservices/application/data/recordings/camera-front-door";
        var manifest = ManifestBuilder.Deployment(
            ("binds", $$$"""{"HostConfig":{"Binds":["{{{longPath}}}:/a","/:/host","/config-volume:/c","/var/data:/d"]}}"""),
            ("mounts", $$$"""{"HostConfig":{"Mounts":[{"Type":"bind","Source":"{{{longPath}}}","Target":"/a"},{"Type":"bind","Source":"/","Target":"/host"},{"Type":"bind","Source":"/config-volume","Target":"/c"}]}}"""));

        var binds = Check(manifest, "K13");
        var mounts = Check(manifest, "K9");

        Assert.Equal(new[]
        {
            "K13 Error binds HostConfig.Binds[0] manual",
            "K13 Error binds HostConfig.Binds[1] manual",
            "K13 Error binds HostConfig.Binds[2] manual",
        }, Summary(binds));
        // The same words as K9's on bind mounts of the same host paths; K13 leaves those to K9.
        Assert.Equal(mounts.Select(f => (f.Message, f.Recommendation)), binds.Select(f => (f.Message, f.Recommendation)));
        Assert.Contains("exceeded maximum length of 63", binds[0].Message);
        Assert.Contains("does not start with a valid character", binds[1].Message);
        Assert.Contains("a volume name the agent uses itself", binds[2].Message);
    }

    [Fact]
    public void ClaimsOfOneShareDistinctNamesPlaceholdersAndWindowsPathsAreNotReported()
    {
        var manifest = ManifestBuilder.Deployment(
            // The agent keeps one volume per claim of the volume mounts (K9 warns when their Sources differ).
            ("claims", """{"HostConfig":{"Mounts":[{"Type":"volume","Source":"data","Target":"/a"},{"Type":"volume","Source":"Data","Target":"/b"},{"Type":"volume","Source":"data","Target":"/c","ReadOnly":true}]}}"""),
            // '-' is kept: /var-data is 'var-data', /var/data 'vardata'.
            ("distinct", """{"HostConfig":{"Binds":["/data:/a","/var-data:/b","/var/data:/c"],"Mounts":[{"Type":"bind","Source":"/data/in","Target":"/in"}]},"k8s-experimental":{"volumes":[{"volume":{"name":"dshm","emptyDir":{"medium":"Memory"}}}]}}"""),
            ("placeholders", """{"HostConfig":{"Binds":["${DATA}:/a","${DATA}:/b","/data/$SITE:/c","/data/$SITE:/d"],"Mounts":[{"Type":"bind","Source":"<folder>","Target":"/e"},{"Type":"bind","Source":"<folder>","Target":"/f"}]},"k8s-experimental":{"volumes":[{"volume":{"name":"${NAME}"}},{"volume":{"name":"${NAME}"}}]}}"""),
            ("windows", """{"HostConfig":{"Binds":["C:\\data:C:\\a","C:\\data:C:\\b"],"Mounts":[{"Type":"bind","Source":"C:\\data","Target":"C:\\c"}]}}"""),
            ("unreadable", """{"HostConfig":{"Binds":["/data:a","/data:/b:ro:x",7],"Mounts":[{"Type":"bind","Source":"/data"},{"Type":"bind","Target":"/data"}]}}"""));

        Assert.Empty(Check(manifest, "K13"));
        // Every module's createOptions is read (K4), and K11 has the Windows paths.
        Assert.Empty(Check(manifest, "K4"));
        Assert.Equal(3, Check(manifest, "K11").Count);
    }

    [Fact]
    public void AConversionLeavesAHostDirectoryBoundTwiceAndSoTheModuleIncompatible()
    {
        var manifest = ManifestBuilder.Deployment(
            ("twice", """{"HostConfig":{"Binds":["/data:/a","/data:/b"]}}"""),
            // Binds of one share become volume mounts of it, which the agent merges.
            ("share", """{"HostConfig":{"Binds":["/home/hcsshares/input:/a","/home/hcsshares/input:/b"]}}"""));
        var before = Check(manifest, "K13");
        Assert.Equal(new[] { "K13 Error twice HostConfig.Binds[1] manual", "K13 Error share HostConfig.Binds[1] manual" }, Summary(before));
        Assert.StartsWith("Mount the share with HostConfig.Mounts (Type volume) only", before[1].Recommendation);

        var result = ManifestConverter.Convert(manifest);

        var left = Assert.Single(result.RemainingFindings, f => f.RuleId == "K13");
        Assert.Equal("K13 Error twice HostConfig.Mounts[1] manual", Summary(left));
        Assert.Contains("HostConfig.Mounts[0] (host path '/data') and HostConfig.Mounts[1] (host path '/data') both become the volume 'data'", left.Message);
        Assert.Contains(result.RemainingFindings, f => f is { ModuleName: "twice", Severity: Severity.Error });
        // 'share' is fixed; its pod waits only for the ServiceAccount the agent makes once it accepts 'twice' (K19).
        Assert.Equal(new[] { "K19" }, result.RemainingFindings.Where(f => f is { ModuleName: "share", Severity: Severity.Error }).Select(f => f.RuleId));
    }

    [Theory]
    [MemberData(nameof(TestPaths.CorpusManifests), MemberType = typeof(TestPaths))]
    public void OnTheCorpusK13ReportsTheModulesThePreviewFailsForVolumeNames(string file)
    {
        var manifest = ManifestDocument.Load(TestPaths.CorpusFile(file));

        AssertK13ReportsThePreviewsFailures(manifest);
        AssertK13ReportsThePreviewsFailures(ManifestConverter.Convert(manifest).Manifest);
    }

    [Fact]
    public void K13ReportsTheModulesThePreviewFailsForVolumeNames()
    {
        var manifest = ManifestBuilder.Deployment(
            ("twice", """{"HostConfig":{"Binds":["/data:/a","/data/:/b:ro"]}}"""),
            ("share", """{"HostConfig":{"Binds":["/data:/x"],"Mounts":[{"Type":"volume","Source":"data","Target":"/y"}]}}"""),
            ("converted", """{"HostConfig":{"Mounts":[{"Type":"volume","Source":"data","Target":"/y"},{"Type":"bind","Source":"/data","Target":"/x"}]}}"""),
            ("written", """{"HostConfig":{"Binds":["/cache:/cache"]},"k8s-experimental":{"volumes":[{"volume":{"name":"cache","emptyDir":{}}}]}}"""),
            ("proxys", """{"HostConfig":{"Binds":["/config-volume:/c"]},"k8s-experimental":{"volumes":[{"volume":{"name":"trust-bundle-volume","emptyDir":{}}}]}}"""),
            ("unnamed", "{\"HostConfig\":{\"Binds\":[\"/" + new string('a', 64) + ":/a\"]}}"),
            // The agent's typed model reads a number as the name's text.
            ("numbers", """{"k8s-experimental":{"volumes":[{"volume":{"name":5,"emptyDir":{}}},{"volume":{"name":"5","emptyDir":{}}}]}}"""),
            ("unlabeled", """{"k8s-experimental":{"volumes":[{"volume":{"name":"My_Volume","emptyDir":{}},"volumeMounts":[{"name":"My_Volume","mountPath":"/a"}]}]}}"""),
            ("mountless", """{"k8s-experimental":{"volumes":[{"volume":{"name":"cache","emptyDir":{}},"volumeMounts":[{"name":"cash","mountPath":"/a"}]}]}}"""),
            ("nameless", """{"k8s-experimental":{"volumes":[{"volume":{"emptyDir":{}}},{"volume":{"name":"","emptyDir":{}}}]}}"""),
            ("mountnameless", """{"k8s-experimental":{"volumes":[{"volume":{"name":"cache","emptyDir":{}},"volumeMounts":[{"mountPath":"/a"}]}]}}"""),
            ("claims", """{"HostConfig":{"Mounts":[{"Type":"volume","Source":"data","Target":"/a"},{"Type":"volume","Source":"Data","Target":"/b","ReadOnly":true}]}}"""),
            ("distinct", """{"HostConfig":{"Binds":["/data:/a","/var-data:/b","/var/data:/c"],"Mounts":[{"Type":"bind","Source":"/data/in","Target":"/in"}]},"k8s-experimental":{"volumes":[{"volume":{"name":"dshm","emptyDir":{"medium":"Memory"}}}]}}"""));

        Assert.Equal(new[] { "twice", "share", "converted", "written", "proxys", "unnamed", "numbers", "unlabeled", "mountless", "nameless", "mountnameless" }, AssertK13ReportsThePreviewsFailures(manifest));
    }

    /// <summary>
    /// The modules K13 reports are those the preview fails for a volume name: one of the pod's twice, a bind's or a
    /// k8s-experimental volume's that the agent cannot make or gives its own (a mount's is K9's). Returns them.
    /// </summary>
    private static string[] AssertK13ReportsThePreviewsFailures(ManifestDocument manifest)
    {
        var failing = KubernetesRenderer.Render(manifest).Modules.Where(m => m.Dropped.Any(IsVolumeNameFailure)).Select(m => m.ModuleName).ToArray();

        Assert.Equal(failing, Check(manifest, "K13").Select(f => f.ModuleName!).Distinct());
        return failing;
    }

    private static bool IsVolumeNameFailure(DroppedSetting setting) =>
        setting.Effect == DropEffect.Fails &&
        (setting.Reason.Contains("(duplicate volume name)") || setting.Reason.Contains(".name: Required value)") ||
         !setting.Location.StartsWith("HostConfig.Mounts", StringComparison.Ordinal) &&
         (setting.Reason.StartsWith("Volume name '", StringComparison.Ordinal) || setting.Reason.StartsWith("The agent cannot name a volume after", StringComparison.Ordinal)));
}

using System.Linq;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class MountsRuleTests
{
    /// <summary>
    /// A Docker tmpfs mount has no Source: the agent refuses it for that, and maps no tmpfs mount even with one. The advice
    /// goes straight to what works, a memory-backed emptyDir, in JSON that clears the findings once followed.
    /// </summary>
    [Fact]
    public void ATmpfsMountWithoutSourceIsToldToBecomeAMemoryEmptyDir()
    {
        var manifest = ManifestBuilder.Deployment(("cache", """{"HostConfig":{"Mounts":[{"Type":"tmpfs","Target":"/cache"}]}}"""));

        var finding = Assert.Single(Check(manifest, "K9"));
        var followed = ManifestBuilder.Deployment(("cache",
            """{"k8s-experimental": {"volumes": [{"volume": {"name": "memory", "emptyDir": {"medium": "Memory"}}, "volumeMounts": [{"name": "memory", "mountPath": "/cache"}]}]}}"""));

        Assert.StartsWith("Remove the entry: the device's agent maps no tmpfs mount. For a memory-backed folder add \"k8s-experimental\": {\"volumes\": [{\"volume\": {\"name\": \"memory\", \"emptyDir\": {\"medium\": \"Memory\"}}, \"volumeMounts\": [{\"name\": \"memory\", \"mountPath\": \"/cache\"}]}]}", finding.Recommendation);
        Assert.DoesNotContain(EdgeMigration.Core.Rules.RuleEngine.Check(followed), f => f.ModuleName == "cache" && f.Severity != EdgeMigration.Core.Rules.Severity.Information);
    }

    [Fact]
    public void MountsTheAgentRejectsAreErrors()
    {
        var longName = new string('s', 64);
        var manifest = ManifestBuilder.Deployment(
            ("missing", """{"HostConfig":{"Mounts":[{"Type":"volume","Target":"/data"},{"Source":"/x","Target":"/x"}]}}"""),
            ("types", """{"HostConfig":{"Mounts":[{"Type":"tmpfs","Source":"tmp","Target":"/tmp"},{"Type":"npipe","Source":"pipe","Target":"/pipe"}]}}"""),
            ("names", $$$"""{"HostConfig":{"Mounts":[{"Type":"volume","Source":"{{{longName}}}","Target":"/a"},{"Type":"volume","Source":"__","Target":"/b"},{"Type":"volume","Source":"config-volume","Target":"/c"}]}}"""),
            ("merged", """{"HostConfig":{"Mounts":[{"Type":"volume","Source":"Data_1","Target":"/a"},{"Type":"volume","Source":"data1","Target":"/b"},{"Type":"volume","Source":"Data_1","Target":"/c"}]}}"""),
            ("shapes", """{"HostConfig":{"Mounts":["/data:/data"]}}"""),
            ("notarray", """{"HostConfig":{"Mounts":{"Type":"bind"}}}"""));

        var findings = Check(manifest, "K9");

        Assert.Equal(new[]
        {
            "K9 Error missing HostConfig.Mounts[0] manual",
            "K9 Error missing HostConfig.Mounts[1] manual",
            "K9 Warning types HostConfig.Mounts[0] manual",
            "K9 Warning types HostConfig.Mounts[1] manual",
            "K9 Error names HostConfig.Mounts[0] manual",
            "K9 Error names HostConfig.Mounts[1] manual",
            "K9 Error names HostConfig.Mounts[2] manual",
            "K9 Warning merged HostConfig.Mounts[1] manual",
            "K9 Error shapes HostConfig.Mounts[0] manual",
            "K9 Error notarray HostConfig.Mounts manual",
        }, Summary(findings));
        Assert.Contains("has no Source;", findings[0].Message);
        Assert.Contains("has no Type;", findings[1].Message);
        Assert.Contains("emptyDir", findings[2].Recommendation);
        // The agent's mapper keeps bind and volume mounts only, and leaves the others out, as the preview says.
        Assert.EndsWith("is of Type 'npipe'; the device's agent maps only bind and volume mounts, so it is not mounted.", findings[3].Message);
        Assert.Contains("not a DNS label of 1 to 63 characters", findings[4].Message);
        Assert.Contains("a volume name the agent uses itself", findings[6].Message);
        Assert.Contains("Volumes 'Data_1' (HostConfig.Mounts[0]) and 'data1' both become the claim 'data1'", findings[7].Message);
    }

    [Fact]
    public void BindMountsWhoseHostPathNamesNoVolumeAreErrors()
    {
        // The agent names a bind's hostPath volume after its Source as it names a claim (KubeUtils.SanitizeDNSLabel).
        var manifest = ManifestBuilder.Deployment(
            ("paths", """
                {"HostConfig":{"Mounts":[
                  {"Type":"bind","Source":"/var/lib/azuremediaservices/application/data/recordings/camera-front-door","Target":"/a"},
                  {"Type":"bind","Source":"/","Target":"/host"},
                  {"Type":"bind","Source":"/config-volume","Target":"/c"},
                  {"Type":"bind","Source":"/var/data","Target":"/d"},
                  {"Type":"bind","Source":"${DATA_DIR}","Target":"/e"},
                  {"Type":"bind","Source":"C:\\data","Target":"/f"}]}}
                """));

        var findings = Check(manifest, "K9");

        Assert.Equal(new[]
        {
            "K9 Error paths HostConfig.Mounts[0] manual",
            "K9 Error paths HostConfig.Mounts[1] manual",
            "K9 Error paths HostConfig.Mounts[2] manual",
        }, Summary(findings));
        Assert.Contains("exceeded maximum length of 63", findings[0].Message);
        Assert.Contains("does not start with a valid character", findings[1].Message);
        Assert.Contains("a volume name the agent uses itself", findings[2].Message);
    }

    [Fact]
    public void OptionsTheAgentDoesNotMapAreInformation()
    {
        var manifest = ManifestBuilder.Deployment(
            ("app", """{"HostConfig":{"Mounts":[{"Type":"bind","Source":"/mnt","Target":"/mnt","ReadOnly":true,"BindOptions":{"Propagation":"rshared"}},{"Type":"volume","Source":"share","Target":"/s","VolumeOptions":{"NoCopy":true}},{"Type":"bind","Source":"/src","Target":"/src","Consistency":"cached"}]}}"""));

        var findings = Check(manifest, "K9");

        Assert.Equal(new[]
        {
            "K9 Information app HostConfig.Mounts[0].BindOptions manual",
            "K9 Information app HostConfig.Mounts[1].VolumeOptions manual",
            "K9 Information app HostConfig.Mounts[2].Consistency manual",
        }, Summary(findings));
        Assert.Contains("Docker devices still apply it", findings[0].Recommendation);
        // Consistency is for Docker Desktop on macOS: Docker on Linux, as on the FPGA device, ignores it too.
        Assert.DoesNotContain("still apply", findings[2].Recommendation);
        Assert.Contains("Docker on Linux, which the FPGA device runs, ignores it too", findings[2].Recommendation);
    }

    [Fact]
    public void WellFormedMountsAndTemplatePlaceholdersPass()
    {
        var manifest = ManifestBuilder.Deployment(
            ("app", """{"HostConfig":{"Mounts":[{"Type":"volume","Source":"input-share","Target":"/in"},{"Type":"bind","Source":"/var/data","Target":"/data","ReadOnly":true},{"Type":"volume","Source":"<nfs-or-smb-share-name-here>","Target":"/out"}]}}"""),
            ("none", """{"HostConfig":{"Mounts":null}}"""));

        Assert.Empty(Check(manifest, "K9"));
    }

    [Fact]
    public void FieldsATemplateFillsInAreNotMissingAndTheirTypeIsJudgedOnceExpanded()
    {
        // A bare ${TARGET} is a string once expanded, as "${TARGET}" is; a Type placeholder is bind or volume then, or not.
        var manifest = ManifestBuilder.Deployment(
            ("app", """{"HostConfig":{"Mounts":[{"Type":"volume","Source":${SHARE},"Target":${TARGET}},{"Type":${TYPE},"Source":"input","Target":"/in"},{"Type":"$MOUNT_TYPE","Source":"/data","Target":"/data"}]}}"""));

        var findings = Check(manifest, "K9");

        Assert.Equal(new[] { "K9 Information app HostConfig.Mounts[1].Type manual", "K9 Information app HostConfig.Mounts[2].Type manual" }, Summary(findings));
        Assert.Contains(" is a template placeholder where a mount type belongs", findings[0].Message);
    }
}

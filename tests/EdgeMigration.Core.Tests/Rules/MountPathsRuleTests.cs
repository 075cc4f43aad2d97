using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class MountPathsRuleTests
{
    [Fact]
    public void AContainerPathMountedTwiceIsAnErrorAtTheSecondMount()
    {
        // The agent mounts the binds' volumes, then the mounts' (bind mounts before claims), then the k8s-experimental
        // volumeMounts; the API server compares the paths as written.
        var manifest = ManifestBuilder.Deployment(
            ("binds", """{"HostConfig":{"Binds":["/a:/data","/b:/data:ro"]}}"""),
            ("mixed", """{"HostConfig":{"Mounts":[{"Type":"volume","Source":"share","Target":"/data"}],"Binds":["/a:/data"]}}"""),
            ("written", """{"HostConfig":{"Binds":["/cache:/cache"]},"k8s-experimental":{"volumes":[{"volume":{"name":"tmp","emptyDir":{}},"volumeMounts":[{"name":"tmp","mountPath":"/cache"}]}]}}"""),
            ("distinct", """{"HostConfig":{"Binds":["/a:/data","/b:/data/"]}}"""));

        var findings = Check(manifest, "K18");

        Assert.Equal(new[]
        {
            "K18 Error binds HostConfig.Binds[1] manual",
            "K18 Error mixed HostConfig.Mounts[0] manual",
            "K18 Error written k8s-experimental.volumes[0].volumeMounts[0] manual",
        }, Summary(findings));
        Assert.Equal(
            "HostConfig.Binds[1] mounts host path '/b' at '/data', where HostConfig.Binds[0] mounts host path '/a'; the API server refuses two volumeMounts of one container at one path (\"must be unique\") and with it the module's Deployment, so the module never runs.",
            findings[0].Message);
        Assert.StartsWith("k8s-experimental.volumes[0].volumeMounts[0] mounts volume 'tmp' at '/cache', where HostConfig.Binds[0] mounts host path '/cache';", findings[2].Message);
    }

    [Fact]
    public void AMountWithoutAContainerPathIsAnError()
    {
        var manifest = ManifestBuilder.Deployment(
            ("bind", """{"HostConfig":{"Binds":["/data:"]}}"""),
            ("written", """{"k8s-experimental":{"volumes":[{"volume":{"name":"tmp","emptyDir":{}},"volumeMounts":[{"name":"tmp"},{"name":"tmp","mountPath":""}]}]}}"""));

        var findings = Check(manifest, "K18");

        Assert.Equal(new[]
        {
            "K18 Error bind HostConfig.Binds[0] manual",
            "K18 Error written k8s-experimental.volumes[0].volumeMounts[0] manual",
            "K18 Error written k8s-experimental.volumes[0].volumeMounts[1] manual",
        }, Summary(findings));
        Assert.Contains("(\"mountPath: Required value\")", findings[0].Message);
        Assert.Equal("Give the volumeMount its mountPath, such as \"/data\".", findings[1].Recommendation);
    }

    [Fact]
    public void PathsATemplateLeavesOpenAndUsualMountsPass()
    {
        var manifest = ManifestBuilder.Deployment(
            ("usual", """{"HostConfig":{"Binds":["/a:/a"],"Mounts":[{"Type":"volume","Source":"share","Target":"/b"}]},"k8s-experimental":{"volumes":[{"volume":{"name":"tmp","emptyDir":{}},"volumeMounts":[{"name":"tmp","mountPath":"/c"}]}]}}"""),
            ("template", """{"HostConfig":{"Binds":["/a:${TARGET}","/b:${TARGET}"]}}"""));

        Assert.Empty(Check(manifest, "K18"));
    }
}

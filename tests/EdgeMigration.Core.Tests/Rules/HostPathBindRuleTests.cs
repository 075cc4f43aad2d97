using System.Linq;
using EdgeMigration.Core.Rules;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class HostPathBindRuleTests
{
    [Fact]
    public void HostDirectoryBindsAndBindMountsAreReported()
    {
        var manifest = ManifestBuilder.Deployment(
            ("binds", """{"HostConfig":{"Binds":["/var/data:/data","$MEDIA_FOLDER:/media","/home/hcsshares/input:/in","/etc/localtime:/etc/localtime"]}}"""),
            ("mounts", """{"HostConfig":{"Mounts":[{"Type":"bind","Source":"/var/logs","Target":"/logs"},{"Type":"volume","Source":"input","Target":"/in"},{"Type":"bind","Source":"/var/run/docker.sock","Target":"/var/run/docker.sock"}]}}"""));

        var findings = Check(manifest, "S3");

        Assert.Equal(new[]
        {
            "S3 Warning binds HostConfig.Binds[0] fixable",
            "S3 Warning binds HostConfig.Binds[1] fixable",
            "S3 Information mounts HostConfig.Mounts[0] manual",
        }, Summary(findings));
        Assert.Equal(new[] { Certainty.Certain, Certainty.Possible, Certainty.Certain }, findings.Select(f => f.Certainty));
        Assert.Contains("folder of the Kubernetes node (a hostPath volume, created empty when missing)", findings[0].Message);
        Assert.Contains("-ShareMap @{ '/var/data' = '<share>' }", findings[0].Recommendation);
        Assert.Contains("(a template placeholder)", findings[1].Message);
    }

    [Fact]
    public void FixMakesBindMountsOfHostDirectoriesOnly()
    {
        var manifest = ManifestBuilder.Deployment(
            ("app", """{"HostConfig":{"Binds":["/home/hcsshares/input:/in","/var/data:/data:ro","$MEDIA_FOLDER:/media"]}}"""));

        var result = Convert(manifest, "S3");

        Assert.Equal(
            """{"HostConfig":{"Binds":["/home/hcsshares/input:/in"],"Mounts":[{"Target":"/data","Source":"/var/data","Type":"bind","ReadOnly":true},{"Target":"/media","Source":"$MEDIA_FOLDER","Type":"bind"}]}}""",
            OptionsText(result.Manifest, "app"));
        Assert.Equal(new[]
        {
            """S3 app HostConfig.Mounts[0]: - -> {"Target":"/data","Source":"/var/data","Type":"bind","ReadOnly":true}""",
            """S3 app HostConfig.Mounts[1]: - -> {"Target":"/media","Source":"$MEDIA_FOLDER","Type":"bind"}""",
            """S3 app HostConfig.Binds: ["/home/hcsshares/input:/in","/var/data:/data:ro","$MEDIA_FOLDER:/media"] -> ["/home/hcsshares/input:/in"]""",
        }, Describe(result.Changes));
        Assert.Equal("HostConfig.Binds[1] \"/var/data:/data:ro\" became a read-only bind mount of the host directory.", result.Changes[0].Description);
        AssertIdempotent(result, "S3");
    }

    [Fact]
    public void ObjectCreateOptionsOfATemplateStayObjects()
    {
        var manifest = EdgeMigration.Core.Manifests.ManifestDocument.Load(TestPaths.CorpusFile("Azure-Samples__NVIDIA-Deepstream-Azure-IoT-Edge-on-a-NVIDIA-Jetson-Nano__DeepstreamOnIoTEdge__deployment.template.json"));
        var withBinds = manifest.Modules.Where(m => m.HostConfig()?.FindIgnoreCase("Binds") is not null).Select(m => m.Name).ToList();

        var result = Convert(manifest, "S3");

        Assert.NotEmpty(withBinds);
        Assert.All(withBinds, name =>
        {
            var module = result.Manifest.FindModule(name)!;
            Assert.Equal(EdgeMigration.Core.Manifests.CreateOptionsEncoding.Object, module.CreateOptions!.Encoding);
            Assert.NotNull(module.HostConfig()!.FindIgnoreCase("Mounts"));
        });
        AssertIdempotent(result, "S3");
    }
}

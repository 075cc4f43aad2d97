using System.Linq;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class BindsRuleTests
{
    [Fact]
    public void BindsAreReportedOncePerModuleFixableWhenEveryEntryConverts()
    {
        var manifest = ManifestBuilder.Deployment(
            ("mixed", """{"HostConfig":{"Binds":["/home/hcsshares/input:/home/input","/var/data:/data:ro"]}}"""),
            ("withfile", """{"HostConfig":{"Binds":["/var/data:/data","/etc/localtime:/etc/localtime:ro"]}}"""),
            ("empty", """{"HostConfig":{"Binds":[]}}"""),
            ("nulled", """{"HostConfig":{"Binds":null}}"""),
            ("mounts", """{"HostConfig":{"Mounts":[{"Type":"bind","Source":"/var/data","Target":"/data"}]}}"""));

        var findings = Check(manifest, "S1");

        Assert.Equal(new[]
        {
            "S1 Warning mixed HostConfig.Binds fixable",
            "S1 Warning withfile HostConfig.Binds manual",
        }, Summary(findings));
        Assert.Contains("Binds (2 entries)", findings[0].Message);
        Assert.Equal("https://learn.microsoft.com/azure/databox-online/azure-stack-edge-gpu-modify-fpga-modules-gpu#storage", findings[0].HelpUri);
        Assert.Equal("$.modulesContent['$edgeAgent']['properties.desired'].modules.mixed.settings.createOptions.HostConfig.Binds", findings[0].ManifestPath);
    }

    [Fact]
    public void UnreadableEntriesAreErrors()
    {
        var manifest = ManifestBuilder.Deployment(
            ("broken", """{"HostConfig":{"Binds":["./data:/data","/a:/b:ro:extra","data",42,"/data:relative"]}}"""),
            ("notarray", """{"HostConfig":{"Binds":"/data:/data"}}"""),
            ("template", """{"HostConfig":{"Binds":["${DATA_BIND}"]}}"""));

        var findings = Check(manifest, "S1");

        Assert.Equal(new[]
        {
            "S1 Warning broken HostConfig.Binds manual",
            "S1 Error broken HostConfig.Binds[0] manual",
            "S1 Error broken HostConfig.Binds[1] manual",
            "S1 Error broken HostConfig.Binds[2] manual",
            "S1 Error broken HostConfig.Binds[3] manual",
            "S1 Error broken HostConfig.Binds[4] manual",
            "S1 Error notarray HostConfig.Binds manual",
            "S1 Warning template HostConfig.Binds manual",
            "S1 Information template HostConfig.Binds[0] manual",
        }, Summary(findings));
        Assert.Contains("neither an absolute host path nor a volume name", findings[1].Message);
        Assert.Contains("container path 'relative' is not absolute", findings[5].Message);
        Assert.Contains("template placeholder", findings[8].Message);
    }

    [Fact]
    public void ANumberOrBooleanEntryIsReadAsItsText()
    {
        // Json.NET reads 42 and true into Binds as "42" and "true": Docker refuses such a bind, the GPU device's agent skips it.
        var manifest = ManifestBuilder.Deployment(("odd", """{"HostConfig":{"Binds":[42,true,1e3,null,{"a":1}]}}"""));

        var findings = Check(manifest, "S1");

        Assert.Equal(new[]
        {
            "S1 Warning odd HostConfig.Binds manual",
            "S1 Error odd HostConfig.Binds[0] manual",
            "S1 Error odd HostConfig.Binds[1] manual",
            "S1 Error odd HostConfig.Binds[2] manual",
            "S1 Error odd HostConfig.Binds[3] manual",
            "S1 Error odd HostConfig.Binds[4] manual",
        }, Summary(findings));
        Assert.Equal("HostConfig.Binds[0] is 42, not a string; the agents read it as the bind \"42\", which is not '<host path or volume>:<container path>[:options]': Docker refuses it, and the GPU device's agent skips it.", findings[1].Message);
        Assert.Contains("the bind \"true\"", findings[2].Message);
        Assert.Contains("the bind \"1e3\"", findings[3].Message);
        Assert.DoesNotContain("no agent can read", findings[1].Message + findings[2].Message + findings[3].Message);
        // Null the agent reads into its list, and then fails on as it maps the volumes: the whole deployment fails all the same.
        Assert.Equal("HostConfig.Binds[3] is null, not a string; the GPU device's agent reads it, then fails on it as it maps the module's volumes, so the whole deployment fails.", findings[4].Message);
        Assert.Contains("no agent can read the module's createOptions", findings[5].Message);
        var preview = KubernetesRenderer.Render(manifest).Modules.Single(m => m.ModuleName == "odd").Dropped.Where(d => d.StopsDeployment).ToList();
        Assert.Equal(new[] { "HostConfig.Binds[3]", "HostConfig.Binds[4]" }, preview.Select(d => d.Location));
        Assert.EndsWith("then fails on it as it maps the module's volumes, so the whole deployment fails.", preview[0].Reason);
    }

    [Fact]
    public void ANullMountIsReadAndThenFailsTheMappingOfEveryModule()
    {
        var manifest = ManifestBuilder.Deployment(("odd", """{"HostConfig":{"Mounts":[null,"/data"]}}"""));

        var findings = Check(manifest, "K9");
        var preview = KubernetesRenderer.Render(manifest).Modules.Single(m => m.ModuleName == "odd").Dropped.Where(d => d.StopsDeployment).ToList();

        Assert.Equal("HostConfig.Mounts[0] is null, not an object; the GPU device's agent reads it, then fails on it as it maps the module's volumes, so the whole deployment fails.", findings[0].Message);
        Assert.Contains("no agent can read the module's createOptions", findings[1].Message);
        Assert.Equal(findings.Select(f => f.Message.Substring(f.Message.IndexOf(';'))), preview.Select(d => d.Reason.Substring(d.Reason.IndexOf(';'))));
    }

    [Fact]
    public void AContainerPathAloneIsDockersAnonymousVolumeWhichTheDeviceSkips()
    {
        // Docker reads "/data" as a new anonymous volume at /data; the device's agent wants two parts and skips it.
        var manifest = ManifestBuilder.Deployment(
            ("cache", """{"HostConfig":{"Binds":["/var/cache/app","/:/host","/"]}}"""));

        var findings = Check(manifest, "S1");

        Assert.Equal(new[]
        {
            "S1 Warning cache HostConfig.Binds manual",
            "S1 Warning cache HostConfig.Binds[0] manual",
            "S1 Error cache HostConfig.Binds[2] manual",
        }, Summary(findings));
        Assert.Contains("Docker mounts a new anonymous volume there", findings[1].Message);
        Assert.Contains("skips it", findings[1].Message);
        Assert.Contains("\"Target\": \"/var/cache/app\"", findings[1].Recommendation);
        Assert.DoesNotContain("Docker refuses", findings[1].Message);
    }

    [Fact]
    public void FixConvertsEveryConvertibleBindAndRemovesBinds()
    {
        var manifest = ManifestBuilder.Deployment(
            ("app", """{"HostConfig":{"Binds":["/home/hcsshares/input:/home/input:ro","/var/data:/data","sqlvolume:/var/opt/mssql"]}}"""));

        var result = Convert(manifest, "S1");

        Assert.Equal(
            """{"HostConfig":{"Mounts":[{"Target":"/home/input","Source":"input","Type":"volume","ReadOnly":true},{"Target":"/data","Source":"/var/data","Type":"bind"},{"Target":"/var/opt/mssql","Source":"sqlvolume","Type":"volume"}]}}""",
            OptionsText(result.Manifest, "app"));
        Assert.Equal(new[]
        {
            """S1 app HostConfig.Mounts[0]: - -> {"Target":"/home/input","Source":"input","Type":"volume","ReadOnly":true}""",
            """S1 app HostConfig.Mounts[1]: - -> {"Target":"/data","Source":"/var/data","Type":"bind"}""",
            """S1 app HostConfig.Mounts[2]: - -> {"Target":"/var/opt/mssql","Source":"sqlvolume","Type":"volume"}""",
            """S1 app HostConfig.Binds: ["/home/hcsshares/input:/home/input:ro","/var/data:/data","sqlvolume:/var/opt/mssql"] -> -""",
        }, Describe(result.Changes));
        Assert.Contains("HostConfig.Binds[0] \"/home/hcsshares/input:/home/input:ro\" became a read-only volume mount of share 'input'", result.Changes[0].Description);
        AssertIdempotent(result, "S1");
    }

    [Fact]
    public void ExistingMountsAreKeptAndABindAlreadyMountedIsNotAddedTwice()
    {
        var manifest = ManifestBuilder.Deployment(
            ("app", """{"HostConfig":{"Mounts":[{"Type":"volume","Source":"input","Target":"/home/input/"},{"Type":"bind","Source":"/logs","Target":"/logs"}],"Binds":["/home/hcsshares/input:/home/input","/var/data:/data"]}}"""));

        var result = Convert(manifest, "S1");

        Assert.Equal(
            """{"HostConfig":{"Mounts":[{"Type":"volume","Source":"input","Target":"/home/input/"},{"Type":"bind","Source":"/logs","Target":"/logs"},{"Target":"/data","Source":"/var/data","Type":"bind"}]}}""",
            OptionsText(result.Manifest, "app"));
        Assert.Equal(new[]
        {
            """S1 app HostConfig.Mounts[2]: - -> {"Target":"/data","Source":"/var/data","Type":"bind"}""",
            """S1 app HostConfig.Binds: ["/home/hcsshares/input:/home/input","/var/data:/data"] -> -""",
        }, Describe(result.Changes));
        Assert.Contains("\"/home/hcsshares/input:/home/input\" was already mounted by HostConfig.Mounts[0]", result.Changes[1].Description);
        AssertIdempotent(result, "S1");
    }

    [Fact]
    public void ABindAtTheContainerPathOfAnotherMountStays()
    {
        var manifest = ManifestBuilder.Deployment(
            ("app", """{"HostConfig":{"Mounts":[{"Type":"volume","Source":"other","Target":"/data"}],"Binds":["/var/data:/data","/var/logs:/logs"]}}"""));

        Assert.Equal(new[]
        {
            "S1 Warning app HostConfig.Binds manual",
            "S1 Error app HostConfig.Binds[0] manual",
        }, Summary(Check(manifest, "S1")));

        var result = Convert(manifest, "S1");

        Assert.Equal(
            """{"HostConfig":{"Mounts":[{"Type":"volume","Source":"other","Target":"/data"},{"Target":"/logs","Source":"/var/logs","Type":"bind"}],"Binds":["/var/data:/data"]}}""",
            OptionsText(result.Manifest, "app"));
        Assert.Equal("""S1 app HostConfig.Binds: ["/var/data:/data","/var/logs:/logs"] -> ["/var/data:/data"]""", Describe(result.Changes[1]));
        AssertIdempotent(result, "S1");
    }

    [Fact]
    public void BindOptionsBecomeReadOnlyOrBindOptionsAndTheRestIsDroppedWithAReason()
    {
        var manifest = ManifestBuilder.Deployment(
            ("app", """{"HostConfig":{"Binds":["/var/data:/data:ro,z","/mnt/usb:/usb:rshared","/home/hcsshares/out:/out:rw,nocopy,rslave"]}}"""));

        var result = Convert(manifest, "S1");

        Assert.Equal(
            """{"HostConfig":{"Mounts":[{"Target":"/data","Source":"/var/data","Type":"bind","ReadOnly":true},{"Target":"/usb","Source":"/mnt/usb","Type":"bind","BindOptions":{"Propagation":"rshared"}},{"Target":"/out","Source":"out","Type":"volume"}]}}""",
            OptionsText(result.Manifest, "app"));
        Assert.EndsWith("Dropped option 'z': SELinux relabelling, which Mounts cannot express and the GPU device does not do.", result.Changes[0].Description);
        Assert.DoesNotContain("Dropped", result.Changes[1].Description);
        Assert.Contains("Dropped option 'rw': read-write is the default.", result.Changes[2].Description);
        Assert.Contains("Dropped option 'nocopy': a share is not filled from the image.", result.Changes[2].Description);
        Assert.Contains("Dropped option 'rslave': mount propagation applies only to bind mounts.", result.Changes[2].Description);
    }

    [Fact]
    public void KeyNamesAsWrittenAndTheInputsEncodingAreKept()
    {
        var manifest = ManifestBuilder.Deployment(("app", """{"hostConfig":{"binds":["/var/data:/data"]}}"""));

        Assert.Equal("S1 Warning app HostConfig.binds fixable", Summary(Check(manifest, "S1").Single()));
        var result = Convert(manifest, "S1");

        Assert.Equal("""{"hostConfig":{"Mounts":[{"Target":"/data","Source":"/var/data","Type":"bind"}]}}""", OptionsText(result.Manifest, "app"));
        Assert.Equal(CreateOptionsEncoding.String, result.Manifest.FindModule("app")!.CreateOptions!.Encoding);
    }

    [Fact]
    public void ANullMountsIsReplacedAndAnUnreadableOneBlocksTheConversion()
    {
        var manifest = ManifestBuilder.Deployment(
            ("nulled", """{"HostConfig":{"Mounts":null,"Binds":["/var/data:/data"]}}"""),
            ("unreadable", """{"HostConfig":{"Mounts":{"Type":"bind"},"Binds":["/var/data:/data"]}}"""));

        Assert.Equal(new[]
        {
            "S1 Warning nulled HostConfig.Binds fixable",
            "S1 Warning unreadable HostConfig.Binds manual",
        }, Summary(Check(manifest, "S1")));

        var result = Convert(manifest, "S1");

        Assert.Equal("""{"HostConfig":{"Mounts":[{"Target":"/data","Source":"/var/data","Type":"bind"}]}}""", OptionsText(result.Manifest, "nulled"));
        Assert.Equal("""{"HostConfig":{"Mounts":{"Type":"bind"},"Binds":["/var/data:/data"]}}""", OptionsText(result.Manifest, "unreadable"));
        AssertIdempotent(result, "S1");
    }
}

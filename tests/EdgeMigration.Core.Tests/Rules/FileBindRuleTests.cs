using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Rules;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class FileBindRuleTests
{
    private const string Binds =
        """{"HostConfig":{"Binds":["/var/run/docker.sock:/var/run/docker.sock","/etc/localtime:/etc/localtime:ro","/opt/app/config.json:/app/config.json","/dev/video0:/dev/video0","/usr/bin/docker:/usr/bin/docker","/opt/model.v1:/model.v1","/var/data:/data"]}}""";

    [Fact]
    public void FileBindsAreJudgedByTheirPathsWithACertainty()
    {
        var manifest = ManifestBuilder.Deployment(("app", Binds));

        var findings = Check(manifest, "S4");

        Assert.Equal(new[]
        {
            "S4 Error app HostConfig.Binds[0] manual",
            "S4 Error app HostConfig.Binds[1] manual",
            "S4 Error app HostConfig.Binds[2] manual",
            "S4 Error app HostConfig.Binds[3] manual",
            "S4 Error app HostConfig.Binds[4] manual",
            "S4 Warning app HostConfig.Binds[5] manual",
        }, Summary(findings));
        Assert.Equal(new[] { Certainty.Certain, Certainty.Certain, Certainty.Likely, Certainty.Likely, Certainty.Likely, Certainty.Possible },
            findings.Select(f => f.Certainty));
        Assert.Contains("There is no Docker on the GPU device", findings[0].Message);
        Assert.Contains("'/opt/app/config.json' ends in the file extension '.json'", findings[2].Message);
        Assert.Contains("looks like a device node", findings[3].Message);
        Assert.Contains("possibly a single file", findings[5].Message);
        Assert.Contains("-DropFileBinds", findings[1].Recommendation);
    }

    [Fact]
    public void ADeviceNodeIsKeptThroughAPrivilegedContainerNotTheBind()
    {
        // -DropFileBinds drops the bind: the advice says how the module keeps the device (as K1 says of Devices).
        var findings = Check(ManifestBuilder.Deployment(
            ("serial", """{"HostConfig":{"Binds":["/dev/ttyUSB0:/dev/ttyUSB0"]}}"""),
            ("camera", """{"HostConfig":{"Privileged":true,"Binds":["/dev/video0:/dev/video0"]}}""")), "S4");

        Assert.Equal(
            "Remove the bind (ConvertTo-GpuEdgeManifest -DropFileBinds drops it) and, for the module to keep the device, make it privileged (\"HostConfig\": {\"Privileged\": true}), which the device maps: a privileged container sees the host's devices.",
            findings[0].Recommendation);
        Assert.EndsWith("keep Privileged: true: a privileged container sees the host's devices.", findings[1].Recommendation);
    }

    [Theory]
    // Jetson's camera daemon (the corpus' DeepStream sample binds it) and D-Bus listen on sockets named so.
    [InlineData("/tmp/argus_socket:/tmp/argus_socket", "'/tmp/argus_socket' looks like a Unix socket")]
    [InlineData("/var/run/dbus/system_bus_socket:/var/run/dbus/system_bus_socket", "'/var/run/dbus/system_bus_socket' looks like a Unix socket")]
    public void SocketsNamedSoAreFiles(string bind, string reason)
    {
        var finding = Assert.Single(Check(ManifestBuilder.Deployment(("app", $$$"""{"HostConfig":{"Binds":["{{{bind}}}"]}}""")), "S4"));

        Assert.Equal((Severity.Error, Certainty.Likely), (finding.Severity, finding.Certainty));
        Assert.Contains(reason, finding.Message);
    }

    [Theory]
    [InlineData("/tmp/.X11-unix:/tmp/.X11-unix")]
    [InlineData("/var/sockets:/sockets")]
    [InlineData("/usr/local/cuda-10.2:/usr/local/cuda-10.2")]
    [InlineData("/dev/bus/usb:/dev/bus/usb")]
    [InlineData("/usr/bin:/host/bin")]
    [InlineData("/home/hcsshares/input:/home/input")]
    public void DirectoriesAreNotFiles(string bind)
    {
        Assert.Empty(Check(ManifestBuilder.Deployment(("app", $$$"""{"HostConfig":{"Binds":["{{{bind}}}"]}}""")), "S4"));
    }

    [Fact]
    public void BindMountsOfFilesAreReportedToo()
    {
        var manifest = ManifestBuilder.Deployment(
            ("app", """{"HostConfig":{"Mounts":[{"Type":"bind","Source":"/etc/app/settings.yaml","Target":"/settings.yaml"},{"Type":"volume","Source":"input","Target":"/in.json"},{"Type":"bind","Source":"/var/data","Target":"/data"}]}}"""));

        var finding = Assert.Single(Check(manifest, "S4"));

        Assert.Equal("S4 Error app HostConfig.Mounts[0] manual", Summary(finding));
        Assert.Equal(Certainty.Likely, finding.Certainty);
    }

    [Fact]
    public void FileBindsStayInBindsWithTheirFindingsWhenConverting()
    {
        var result = ManifestConverter.Convert(ManifestBuilder.Deployment(("app", Binds)), new ConversionOptions { Rules = Only("S*") });

        // The possible file is converted as the directory it may be; the others stay, and S1 can no longer fix Binds.
        Assert.Equal(
            """{"HostConfig":{"Binds":["/var/run/docker.sock:/var/run/docker.sock","/etc/localtime:/etc/localtime:ro","/opt/app/config.json:/app/config.json","/dev/video0:/dev/video0","/usr/bin/docker:/usr/bin/docker"],"Mounts":[{"Target":"/model.v1","Source":"/opt/model.v1","Type":"bind"},{"Target":"/data","Source":"/var/data","Type":"bind"}]}}""",
            OptionsText(result.Manifest, "app"));
        Assert.Equal(5, result.RemainingFindings.Count(f => f.RuleId == "S4" && f.Severity == Severity.Error));
        Assert.Contains(result.RemainingFindings, f => Summary(f) == "S1 Warning app HostConfig.Binds manual");
        Assert.Contains(result.RemainingFindings, f => Summary(f) == "S4 Warning app HostConfig.Mounts[0] manual");
        AssertIdempotent(result, "S*");
    }

    [Fact]
    public void DropFileBindsRemovesTheCertainAndLikelyFiles()
    {
        var manifest = ManifestBuilder.Deployment(
            ("app", """{"HostConfig":{"Binds":["/etc/localtime:/etc/localtime:ro","/var/data:/data"],"Mounts":[{"Type":"bind","Source":"/var/run/docker.sock","Target":"/var/run/docker.sock"}]}}"""),
            ("only", """{"HostConfig":{"Binds":["/opt/app/config.json:/app/config.json"]}}"""));

        var result = Convert(manifest, "S4", o => o.DropFileBinds = true);

        Assert.Equal("""{"HostConfig":{"Binds":["/var/data:/data"]}}""", OptionsText(result.Manifest, "app"));
        Assert.Equal("""{"HostConfig":{}}""", OptionsText(result.Manifest, "only"));
        Assert.Equal(new[]
        {
            """S4 app HostConfig.Mounts: [{"Type":"bind","Source":"/var/run/docker.sock","Target":"/var/run/docker.sock"}] -> -""",
            """S4 app HostConfig.Binds[0]: "/etc/localtime:/etc/localtime:ro" -> -""",
            """S4 only HostConfig.Binds: ["/opt/app/config.json:/app/config.json"] -> -""",
        }, Describe(result.Changes));
        Assert.StartsWith("Dropped the bind of file '/etc/localtime' ('/etc/localtime' is a file on every Linux host)", result.Changes[1].Description);
        AssertIdempotent(result, "S4", o => o.DropFileBinds = true);
    }

    [Fact]
    public void DropFileBindsRecordsItsChangesTopToBottomAtTheIndexesAsWritten()
    {
        var manifest = ManifestBuilder.Deployment(
            ("app", """{"HostConfig":{"Binds":["/etc/localtime:/etc/localtime:ro","/var/data:/data","/opt/app/config.json:/app/config.json"],"Mounts":[{"Type":"bind","Source":"/var/run/docker.sock","Target":"/var/run/docker.sock"},{"Type":"bind","Source":"/var/logs","Target":"/logs"},{"Type":"bind","Source":"/etc/app/settings.yaml","Target":"/settings.yaml"}]}}"""));

        var result = Convert(manifest, "S4", o => o.DropFileBinds = true);

        Assert.Equal(new[]
        {
            """S4 app HostConfig.Mounts[0]: {"Type":"bind","Source":"/var/run/docker.sock","Target":"/var/run/docker.sock"} -> -""",
            """S4 app HostConfig.Mounts[2]: {"Type":"bind","Source":"/etc/app/settings.yaml","Target":"/settings.yaml"} -> -""",
            """S4 app HostConfig.Binds[0]: "/etc/localtime:/etc/localtime:ro" -> -""",
            """S4 app HostConfig.Binds[2]: "/opt/app/config.json:/app/config.json" -> -""",
        }, Describe(result.Changes));
        Assert.StartsWith("Dropped the bind mount of file '/var/run/docker.sock'", result.Changes[0].Description);
        Assert.StartsWith("Dropped the bind of file '/opt/app/config.json'", result.Changes[3].Description);
        Assert.Equal("""{"HostConfig":{"Binds":["/var/data:/data"],"Mounts":[{"Type":"bind","Source":"/var/logs","Target":"/logs"}]}}""", OptionsText(result.Manifest, "app"));
    }

    [Fact]
    public void WithoutDropFileBindsTheFixChangesNothing()
    {
        Assert.Empty(Convert(ManifestBuilder.Deployment(("app", Binds)), "S4").Changes);
    }
}

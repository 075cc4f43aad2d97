using System.Linq;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class WindowsPathRuleTests
{
    [Theory]
    [InlineData(@"C:\data:/data", true)]
    [InlineData("C:/data:/data", true)]
    [InlineData("/data:C:/app", true)]
    [InlineData("/data:/app:ro", false)]
    [InlineData(@"\\.\pipe\docker_engine:/pipe", true)]
    [InlineData("/data/c:/app", false)]
    [InlineData("c:", false)]
    [InlineData("", false)]
    public void WindowsPathsHaveABackslashOrADriveLetterAtTheStartOrAfterAColon(string bind, bool windows) =>
        Assert.Equal(windows, EdgeMigration.Core.Rules.Storage.BindSpec.IsWindowsPath(bind));

    [Fact]
    public void WindowsBindsAndMountsAreErrorsThatNoFixTouches()
    {
        var manifest = ManifestBuilder.Deployment(
            ("windows", """{"HostConfig":{"Binds":["C:\\data:C:\\app\\data","\\\\.\\pipe\\docker_engine:\\\\.\\pipe\\docker_engine","/var/data:/data"],"Mounts":[{"Type":"bind","Source":"D:/logs","Target":"C:/logs"}]}}"""),
            ("linux", """{"HostConfig":{"Binds":["/var/data:/data"],"Mounts":[{"Type":"bind","Source":"/var/logs","Target":"/logs"}]}}"""));

        var findings = Check(manifest, "K11");

        Assert.Equal(new[]
        {
            "K11 Error windows HostConfig.Binds[0] manual",
            "K11 Error windows HostConfig.Binds[1] manual",
            "K11 Error windows HostConfig.Mounts[0] manual",
        }, Summary(findings));
        Assert.Contains("\"C:\\\\data:C:\\\\app\\\\data\" uses Windows paths", findings[0].Message);

        // S1 cannot convert them: they stay, and the module's Binds finding is no longer fixable.
        var result = Convert(manifest, "S*");
        Assert.Equal(
            """{"HostConfig":{"Binds":["C:\\data:C:\\app\\data","\\\\.\\pipe\\docker_engine:\\\\.\\pipe\\docker_engine"],"Mounts":[{"Type":"bind","Source":"D:/logs","Target":"C:/logs"},{"Target":"/data","Source":"/var/data","Type":"bind"}]}}""",
            OptionsText(result.Manifest, "windows"));
        Assert.Contains(result.RemainingFindings, f => Summary(f) == "S1 Warning windows HostConfig.Binds manual");
        Assert.Equal(new[] { "S3 Information windows HostConfig.Mounts[1] manual" },
            Summary(result.RemainingFindings.Where(f => f.ModuleName == "windows" && f.RuleId is "S2" or "S3" or "S4")));
    }
}

using System.Linq;
using System.Threading.Tasks;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Rules;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

/// <summary>The engine reads each module's ports, binds and variables once per check: never across checks or threads.</summary>
public class RuleEngineTests
{
    private const string Binds = """{"HostConfig":{"Binds":["/home/hcsshares/input:/input","/etc/localtime:/etc/localtime:ro"],"PortBindings":{"80/tcp":[{"HostPort":"8080"}]}}}""";

    [Fact]
    public void AManifestEditedBetweenChecksIsReadAfresh()
    {
        var manifest = ManifestBuilder.Deployment(("app", Binds));
        Assert.Contains(RuleEngine.Check(manifest), f => f.RuleId == "S2" && f.ModuleName == "app");
        Assert.Contains(RuleEngine.Check(manifest), f => f.RuleId == "N2" && f.ModuleName == "app");

        var hostConfig = (JObject)manifest.FindModule("app")!.CreateOptions!.Root!["HostConfig"]!;
        hostConfig.Remove("Binds");
        hostConfig.Remove("PortBindings");

        var after = RuleEngine.Check(manifest);
        Assert.DoesNotContain(after, f => f.ModuleName == "app" && f.RuleId is "S1" or "S2" or "S4" or "N2");
    }

    [Fact]
    public void ChecksOfOneManifestOnManyThreadsAgreeWithOne()
    {
        var manifest = ManifestBuilder.Deployment(("app", Binds), ("other", Binds));
        var alone = Summary(RuleEngine.Check(manifest)).ToList();

        var results = new string[16][];
        Parallel.For(0, results.Length, i => results[i] = Summary(RuleEngine.Check(manifest)).ToArray());

        Assert.True(alone.Count > 5);
        Assert.All(results, result => Assert.Equal(alone, result));
    }
}

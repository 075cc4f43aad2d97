using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

/// <summary>O2: variables that name a renamed module, by its id or as an address's host, follow the module.</summary>
public class ModuleNameEnvironmentReferencesTests
{
    private static ManifestDocument Manifest() => ManifestBuilder.Deployment(
        ("sender", """{"Env":["TARGET=Receiver_1","URL=http://Receiver_1:5001/x,http://other:1","CASE=receiver_1","NAME=Receiver_1.log"]}""",
            """{"TargetModuleId": {"value": "Receiver_1"}, "Broker": {"value": "mqtt://user@receiver_1:1883"}}"""),
        ("Receiver_1", """{"HostConfig":{"PortBindings":{"5001/tcp":[{"HostPort":"5001"}],"1883/tcp":[{"HostPort":"1883"}]}}}""", null));

    [Fact]
    public void TheCheckNamesEachVariableThatNamesARenamedModule()
    {
        var findings = Check(Manifest(), "O2").Where(f => f.ModuleName == "sender").ToList();

        // An id is matched exactly (module identities are case-sensitive), an address's host in any case; a file name is no address.
        Assert.Equal(new[] { "env.TargetModuleId", "env.Broker", "Env[0]", "Env[1]" }, findings.Select(f => f.Location));
        Assert.All(findings, f => Assert.Equal((Severity.Information, true), (f.Severity, f.IsFixable)));
        Assert.Equal("Variable 'TargetModuleId' names module 'Receiver_1', which is to be renamed 'receiver-1'.", findings[0].Message);
        Assert.Equal("Rename the module and the variable together (ConvertTo-GpuEdgeManifest does).", findings[0].Recommendation);
    }

    [Fact]
    public void TheConversionRewritesThemWithTheModuleAndASecondOneFindsNothing()
    {
        var result = ManifestConverter.Convert(Manifest(), new ConversionOptions { Rules = Only("O2") });
        var sender = result.Manifest.FindModule("sender")!;

        Assert.Equal(new[] { "receiver-1", "mqtt://user@receiver-1:1883" }, sender.Env.Select(e => e.Value));
        Assert.Equal("""{"Env":["TARGET=receiver-1","URL=http://receiver-1:5001/x,http://other:1","CASE=receiver_1","NAME=Receiver_1.log"]}""", sender.CreateOptions!.Text);
        Assert.Contains(result.Changes, c => c.ModuleName == "sender" && c.Location == "Env[1]" && c.Description == "Variable URL follows the module it names, renamed 'receiver-1'.");
        Assert.DoesNotContain(RuleEngine.Check(result.Manifest), f => f.RuleId == "O2" && f.ModuleName == "sender");
    }

    [Fact]
    public void AnEditAfterAnEarlierFixsRemovalsIsNamedWhereTheUserWroteIt()
    {
        // K15 removes Env[0] (the env section sets A=1 too) before O2 edits TARGET, which the user wrote at Env[1].
        var manifest = ManifestBuilder.Deployment(
            ("sender", """{"Env":["A=1","TARGET=Receiver_1"]}""", """{"A": {"value": "1"}}"""),
            ("Receiver_1", "{}", null));

        var result = ManifestConverter.Convert(manifest, new ConversionOptions { Rules = Only("K15", "O2") });

        Assert.Equal(new[] { "K15 sender Env[0]: \"A=1\" -> -", "O2 sender Env[1]: \"TARGET=Receiver_1\" -> \"TARGET=receiver-1\"" },
            Describe(result.Changes.Where(c => c.ModuleName == "sender" && c.Location.StartsWith("Env"))));
    }

    [Fact]
    public void AUserNameOrPasswordThatIsAnIdIsLeft()
    {
        var manifest = ManifestBuilder.Deployment(
            ("sender", "{}", """{"AMQP": {"value": "amqps://Receiver_1:Receiver_1@receiver_1:5671"}, "BROKER": {"value": "amqps://Receiver_1:secret@broker:5671"}}"""),
            ("Receiver_1", "{}", null));

        var result = ManifestConverter.Convert(manifest, new ConversionOptions { Rules = Only("O2") });

        Assert.Equal(new[] { "amqps://Receiver_1:Receiver_1@receiver-1:5671", "amqps://Receiver_1:secret@broker:5671" },
            result.Manifest.FindModule("sender")!.Env.Select(e => e.Value));
        Assert.Equal(new[] { "env.AMQP" }, Check(manifest, "O2").Where(f => f.ModuleName == "sender").Select(f => f.Location));
    }

    [Fact]
    public void AConnectionStringsServerFollowsTheModule()
    {
        var manifest = ManifestBuilder.Deployment(
            ("api", "{}", """{"ConnectionString": {"value": "Server=tcp:Sql_Edge,1433;Initial Catalog=db;User ID=Sql_Edge"}, "Postgres": {"value": "Host=Sql_Edge;Port=5432"}, "Alone": {"value": "tcp:Sql_Edge,1433"}}"""),
            ("Sql_Edge", """{"HostConfig":{"PortBindings":{"1433/tcp":[{"HostPort":"1433"}]}}}""", null));

        var result = ManifestConverter.Convert(manifest, new ConversionOptions { Rules = Only("O2") });

        Assert.Equal(new[] { "env.ConnectionString", "env.Postgres", "env.Alone" }, Check(manifest, "O2").Where(f => f.ModuleName == "api").Select(f => f.Location));
        Assert.Equal(new[] { "Server=tcp:sql-edge,1433;Initial Catalog=db;User ID=Sql_Edge", "Host=sql-edge;Port=5432", "tcp:sql-edge,1433" },
            result.Manifest.FindModule("api")!.Env.Select(e => e.Value));
    }

    [Fact]
    public void TheCorpusTestModulesFollowTheModulesTheyCall()
    {
        // The e2e connectivity deployment's direct method senders name their receivers, renamed for their upper-case letters.
        var manifest = ManifestDocument.Load(TestPaths.CorpusFile("Azure__iotedge__e2e_deployment_files__connectivity_deployment.template.json"));

        var result = ManifestConverter.Convert(manifest);

        Assert.Equal("directmethodreceiver1", result.Manifest.FindModule("directmethodsender1")!.Env.Single(e => e.Name == "TargetModuleId").Value);
        Assert.Equal("http://testresultcoordinator:5001", result.Manifest.FindModule("relayer1")!.Env.Single(e => e.Name == "testResultCoordinatorUrl").Value);
    }
}

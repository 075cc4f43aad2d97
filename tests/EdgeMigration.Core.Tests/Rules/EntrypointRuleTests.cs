using System.Linq;
using EdgeMigration.Core.Manifests;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class EntrypointRuleTests
{
    [Fact]
    public void StringsFailArraysOfEntrypointAreDoubtful()
    {
        var manifest = ManifestBuilder.Deployment(
            ("words", """{"Entrypoint":"python3 -u app.py","Cmd":"--port 8080"}"""),
            ("shell", """{"Entrypoint":"sh -c 'run $MODE'"}"""),
            ("array", """{"Entrypoint":["python3","app.py"],"Cmd":["--verbose"]}"""),
            ("mixed", """{"Cmd":["--port",8080],"Entrypoint":null}"""),
            ("number", """{"Entrypoint":7}"""));

        var findings = Check(manifest, "O3");

        Assert.Equal(new[]
        {
            "O3 Error words Entrypoint fixable",
            "O3 Error words Cmd fixable",
            "O3 Error shell Entrypoint manual",
            "O3 Warning array Entrypoint manual",
            "O3 Error mixed Cmd manual",
            "O3 Error number Entrypoint manual",
        }, Summary(findings));
        Assert.Contains("[\"python3\",\"-u\",\"app.py\"]", findings[0].Recommendation);
        // The agent reads every module's Entrypoint and Cmd before it pushes any: a string stops the whole deployment.
        Assert.All(findings.Where(f => f.Severity == EdgeMigration.Core.Rules.Severity.Error), f => Assert.EndsWith("so the whole deployment fails.", f.Message));
        var preview = EdgeMigration.Core.Kubernetes.KubernetesRenderer.Render(manifest);
        Assert.True(preview.Modules.Single(m => m.ModuleName == "number").Dropped.Single(d => d.Location == "Entrypoint").StopsDeployment);
        Assert.True(preview.Modules.Single(m => m.ModuleName == "array").Fails);
    }

    [Fact]
    public void EntrypointInAnotherCaseIsNotReadSoNotJudged() =>
        Assert.Empty(Check(ManifestBuilder.Deployment(("lower", """{"entrypoint":"python3 app.py","CMD":7}""")), "O3"));

    [Fact]
    public void NoEntrypointNoFinding() =>
        Assert.Empty(Check(ManifestBuilder.Deployment(("plain", """{"Cmd":["a"],"WorkingDir":"/app"}""")), "O3"));

    [Fact]
    public void FixSplitsPlainWordsOnly()
    {
        var manifest = ManifestBuilder.Deployment(
            ("words", """{"Entrypoint":"python3  -u\tapp.py","Cmd":"--port 8080","Env":["A=1"]}"""),
            ("shell", """{"Entrypoint":"sh -c 'run $MODE'"}"""),
            ("blank", """{"Entrypoint":" "}"""));

        var result = Convert(manifest, "O3");

        Assert.Equal("""{"Entrypoint":["python3","-u","app.py"],"Cmd":["--port","8080"],"Env":["A=1"]}""", OptionsText(result.Manifest, "words"));
        Assert.Equal("""{"Entrypoint":"sh -c 'run $MODE'"}""", OptionsText(result.Manifest, "shell"));
        Assert.Equal(new[]
        {
            "O3 words Entrypoint: \"python3  -u\\tapp.py\" -> [\"python3\",\"-u\",\"app.py\"]",
            "O3 words Cmd: \"--port 8080\" -> [\"--port\",\"8080\"]",
        }, Describe(result.Changes));
        Assert.Equal(new[] { "O3 Warning words Entrypoint manual", "O3 Error shell Entrypoint manual", "O3 Error blank Entrypoint manual" },
            Summary(result.RemainingFindings.Where(f => f.RuleId != "K21")));
        // The strings left stop the whole deployment: the module whose Entrypoint was split is told so (rule K21).
        Assert.Contains(result.RemainingFindings, f => f is { RuleId: "K21", ModuleName: "words" });
        AssertIdempotent(result, "O3");
    }

    [Fact]
    public void CorpusArrayEntrypointIsAWarning()
    {
        var manifest = ManifestDocument.Load(TestPaths.CorpusFile("OPCFoundation__UA-EdgeTranslator__deployment.template.json"));

        var finding = Assert.Single(Check(manifest, "O3"));

        Assert.Equal(("O3", EdgeMigration.Core.Rules.Severity.Warning, "Entrypoint", false), (finding.RuleId, finding.Severity, finding.Location, finding.IsFixable));
    }
}

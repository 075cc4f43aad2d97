using System.Linq;
using EdgeMigration.Core.Kubernetes;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class AnnotationKeyRuleTests
{
    [Fact]
    public void KeysTheAgentCannotSanitizeOrThatSanitizeAlikeAreErrorsInThePreviewsWords()
    {
        var longKey = "com.contoso.iot.edge.modules.inference.configuration.version.identifier";
        var manifest = ManifestBuilder.Deployment(
            ("long", "{\"Labels\":{\"" + longKey + "\":\"1\",\"com.contoso/" + longKey.Substring(0, 60) + "\":\"2\"}}"),
            ("dashes", """{"Labels":{"---":"x"}}"""),
            ("twice", """{"labels":{"Team Name":"a","TeamName":"b"}}"""),
            ("fine", """{"Labels":{"com.example/Team Name":"edge","version":"2","-x-":"y"}}"""),
            // A name written twice is one label to the agent, which reads the last (K6 reports the first).
            ("again", """{"Labels":{"tier":"front","tier":"back"}}"""));

        var findings = Check(manifest, "K14");

        Assert.Equal(new[]
        {
            $"K14 Error long Labels['{longKey}'] manual",
            "K14 Error dashes Labels['---'] manual",
            "K14 Error twice labels.TeamName manual",
        }, Summary(findings));
        Assert.Contains("exceeded maximum length of 63", findings[0].Message);
        Assert.All(findings, f => Assert.EndsWith("the whole deployment fails.", f.Message));
        Assert.Equal(
            KubernetesRenderer.Render(manifest).Modules.SelectMany(m => m.Dropped).Where(d => d.StopsDeployment).Select(d => (d.ModuleName, d.ManifestPath, d.Reason, d.Advice)),
            findings.Select(f => (f.ModuleName!, f.ManifestPath, f.Message, f.Recommendation)));
    }

    [Fact]
    public void TwoLabelsThatBecomeOneKeyAreBothNamedInTheAdvice()
    {
        // QA advice: the later label is reported; when it is the one already written as Kubernetes writes it ('TeamName'),
        // "Give the label a key of letters, digits…" asked for what it had, and the label to rename ('Team Name') went unnamed.
        var findings = Check(ManifestBuilder.Deployment(("twice", """{"Labels":{"Team Name":"a","TeamName":"b"}}""")), "K14");

        Assert.Equal(
            "Rename label 'Team Name' or label 'TeamName' so that the two give different annotation keys; a key of letters, digits, '-', '_' and '.', at most 63 characters after its first '/', is kept as written.",
            Assert.Single(findings).Recommendation);
        Assert.Empty(Check(ManifestBuilder.Deployment(("twice", """{"Labels":{"Team-Name":"a","TeamName":"b"}}""")), "K14"));
    }
}

using EdgeMigration.Core.Manifests;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class RefusedStrategyRuleTests
{
    private static ManifestDocument Strategy(string strategy) =>
        ManifestBuilder.Deployment(("m", "{\"k8s-experimental\":{\"strategy\":" + strategy + "}}"));

    [Fact]
    public void ATypeInAnotherCaseIsRefused()
    {
        var findings = Check(Strategy("""{"type":"recreate"}"""), "K17");

        Assert.Equal(new[] { "K17 Error m k8s-experimental.strategy.type manual" }, Summary(findings));
        Assert.Equal(
            "type \"recreate\" is not a strategy type Kubernetes knows: only \"Recreate\" and \"RollingUpdate\", spelt exactly so, and the API server refuses any other (Unsupported value) and with it the module's Deployment, so the module never runs.",
            findings[0].Message);
        Assert.Equal("Write \"Recreate\".", findings[0].Recommendation);
        Assert.EndsWith(".modules.m.settings.createOptions.k8s-experimental.strategy.type", findings[0].ManifestPath);
    }

    [Fact]
    public void AnUnknownTypeIsRefusedWithBothChoices()
    {
        var findings = Check(Strategy("""{"Type":"BlueGreen"}"""), "K17");

        Assert.Equal(new[] { "K17 Error m k8s-experimental.strategy.Type manual" }, Summary(findings));
        Assert.StartsWith("Write \"Recreate\" (the old pod stops", findings[0].Recommendation);
    }

    [Theory]
    [InlineData("""{"type":"Recreate","rollingUpdate":{}}""", "k8s-experimental.strategy.rollingUpdate")]
    [InlineData("""{"type":"Recreate","RollingUpdate":{"maxSurge":1}}""", "k8s-experimental.strategy.RollingUpdate")]
    [InlineData("""{"type":"RollingUpdate","rollingUpdate":{"maxSurge":0,"maxUnavailable":0}}""", "k8s-experimental.strategy.rollingUpdate.maxUnavailable")]
    [InlineData("""{"rollingUpdate":{"maxSurge":"0%","maxUnavailable":"0"}}""", "k8s-experimental.strategy.rollingUpdate.maxUnavailable")]
    [InlineData("""{"type":null,"rollingUpdate":{"MaxSurge":"00%","maxunavailable":0.0}}""", "k8s-experimental.strategy.rollingUpdate.maxunavailable")]
    public void WhatTheApiServerRefusesIsAnErrorWhereItIs(string strategy, string location) =>
        Assert.Equal(new[] { "K17 Error m " + location + " manual" }, Summary(Check(Strategy(strategy), "K17")));

    [Theory]
    [InlineData("""{"type":"Recreate"}""")]
    [InlineData("""{"type":"Recreate","rollingUpdate":null}""")]
    [InlineData("""{"type":"RollingUpdate"}""")]
    [InlineData("""{"type":""}""")]
    [InlineData("""{"rollingUpdate":{"maxSurge":0}}""")]
    [InlineData("""{"type":"RollingUpdate","rollingUpdate":{"maxSurge":0,"maxUnavailable":"10%"}}""")]
    [InlineData("""{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"${SURGE}","maxUnavailable":0}}""")]
    [InlineData("""{"type":"${STRATEGY}","rollingUpdate":{}}""")]
    [InlineData("""{"type":"Recreate","rollingUpdate":"${ROLLING}"}""")]
    [InlineData(""""${STRATEGY}"""")]
    public void WhatTheApiServerTakesOrATemplateLeavesOpenIsFine(string strategy) =>
        Assert.Empty(Check(Strategy(strategy), "K17"));

    [Fact]
    public void ASectionTheAgentCannotReadSendsNoDeploymentToRefuse()
    {
        // K3 reports the rollingUpdate that is not an object; the agent fails the createOptions before any strategy is sent.
        Assert.Empty(Check(Strategy("""{"type":"recreate","rollingUpdate":[1]}"""), "K17"));
    }

    [Fact]
    public void TheLastSpellingOfAKeyIsTheOneJudged()
    {
        // Json.NET keeps the last of two spellings, as the agent's typed model reads them.
        Assert.Empty(Check(Strategy("""{"type":"recreate","Type":"Recreate"}"""), "K17"));
        Assert.Single(Check(Strategy("""{"Type":"Recreate","type":"recreate"}"""), "K17"));
    }

    [Theory]
    [InlineData("""{"maxUnavailable":-1}""", "maxUnavailable", "is below 0")]
    [InlineData("""{"maxSurge":"-2"}""", "maxSurge", "is below 0")]
    [InlineData("""{"maxSurge":"abc"}""", "maxSurge", "is neither a whole number nor a percentage")]
    [InlineData("""{"maxUnavailable":"25 %"}""", "maxUnavailable", "is neither a whole number nor a percentage")]
    [InlineData("""{"maxUnavailable":"101%"}""", "maxUnavailable", "is above 100%")]
    [InlineData("""{"MaxUnavailable":"000000000000000000000000000000000150%"}""", "MaxUnavailable", "is above 100%")]
    public void LimitsTheApiServerCannotReadAreRefused(string rollingUpdate, string name, string problem)
    {
        var findings = Check(Strategy("{\"type\":\"RollingUpdate\",\"rollingUpdate\":" + rollingUpdate + "}"), "K17");

        Assert.Equal(new[] { $"K17 Error m k8s-experimental.strategy.rollingUpdate.{name} manual" }, Summary(findings));
        Assert.Contains($"{name} ", findings[0].Message);
        Assert.Contains(problem, findings[0].Message);
    }

    [Theory]
    [InlineData("""{"maxUnavailable":"100%","maxSurge":"250%"}""")]
    [InlineData("""{"maxUnavailable":"0","maxSurge":1}""")]
    [InlineData("""{"maxUnavailable":"${MAX}","maxSurge":"<surge>"}""")]
    public void LimitsTheApiServerTakesPass(string rollingUpdate)
    {
        Assert.Empty(Check(Strategy("{\"rollingUpdate\":" + rollingUpdate + "}"), "K17"));
    }
}

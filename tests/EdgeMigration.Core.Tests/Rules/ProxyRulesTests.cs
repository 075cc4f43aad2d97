using System.Linq;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class ProxyRulesTests
{
    private const string Proxy = "http://proxy.contoso.com:3128";

    private static ManifestDocument HubWithEnv(string env)
    {
        var manifest = ManifestBuilder.Deployment(("filter", "{}"));
        var hub = manifest.FindModule("edgeHub")!;
        hub.Definition.Set("env", EdgeMigration.Core.Json.JDocument.Parse(env).Root);
        return ManifestDocument.Parse(manifest.ToJson());
    }

    [Fact]
    public void AnyModuleWithAProxyNeedsLocalhostInNoProxy()
    {
        var manifest = ManifestBuilder.Deployment(
            ("section", "{}", """{"https_proxy": {"value": "http://proxy.contoso.com:3128"}}"""),
            ("strings", """{"Env":["HTTPS_PROXY=http://proxy.contoso.com:3128","NO_PROXY=10.0.0.1"]}""", null),
            ("plain", """{"Env":["http_proxy=http://proxy.contoso.com:3128"]}""", null),
            ("fine", """{"Env":["https_proxy=http://proxy.contoso.com:3128","no_proxy=10.0.0.1, LOCALHOST"]}""", null),
            ("empty", """{"Env":["https_proxy="]}""", null));

        var findings = Check(manifest, "P2");

        Assert.Equal(new[]
        {
            "P2 Error section env.https_proxy fixable",
            "P2 Error strings Env[1] fixable",
            "P2 Error plain Env[0] fixable",
        }, Summary(findings));
        Assert.Contains("NO_PROXY (10.0.0.1) does not list localhost", findings[1].Message);
    }

    [Fact]
    public void FixAddsOrExtendsNoProxyWhereTheProxyIsSet()
    {
        var manifest = ManifestBuilder.Deployment(
            ("section", "{}", """{"https_proxy": {"value": "http://proxy.contoso.com:3128"}}"""),
            ("strings", """{"Env":["HTTPS_PROXY=http://proxy.contoso.com:3128","NO_PROXY=10.0.0.1"]}""", null),
            ("plain", """{"Env":["http_proxy=http://proxy.contoso.com:3128"]}""", null));

        var result = Convert(manifest, "P2");

        Assert.Equal("localhost", result.Manifest.FindModule("section")!.Env.Single(v => v.Name == "no_proxy").Value);
        Assert.Equal("""{"Env":["HTTPS_PROXY=http://proxy.contoso.com:3128","NO_PROXY=10.0.0.1,localhost"]}""", OptionsText(result.Manifest, "strings"));
        Assert.Equal("""{"Env":["http_proxy=http://proxy.contoso.com:3128","no_proxy=localhost"]}""", OptionsText(result.Manifest, "plain"));
        Assert.Equal(new[]
        {
            "P2 section env.no_proxy: - -> {\"value\":\"localhost\"}",
            "P2 strings Env[1]: \"NO_PROXY=10.0.0.1\" -> \"NO_PROXY=10.0.0.1,localhost\"",
            "P2 plain Env[1]: - -> \"no_proxy=localhost\"",
        }, Describe(result.Changes));
        AssertIdempotent(result, "P2");
    }

    [Fact]
    public void EdgeAgentIsLeftAlone()
    {
        var manifest = ManifestBuilder.Deployment(("filter", "{}"));
        manifest.FindModule("edgeAgent")!.Definition.Set("env", EdgeMigration.Core.Json.JDocument.Parse("""{"https_proxy": {"value": "http://proxy.contoso.com:3128"}}""").Root);

        Assert.Empty(Check(ManifestDocument.Parse(manifest.ToJson()), "P2"));
    }

    [Fact]
    public void EdgeHubBehindAProxyWithoutUpstreamProtocolIsReported()
    {
        Assert.Equal(new[] { "P1 Information edgeHub env.https_proxy fixable" },
            Summary(Check(HubWithEnv("""{"https_proxy": {"value": "http://proxy.contoso.com:3128"}}"""), "P1")));
        Assert.Equal(new[] { "P1 Information edgeHub env.UpstreamProtocol manual" },
            Summary(Check(HubWithEnv("""{"https_proxy": {"value": "http://proxy.contoso.com:3128"}, "UpstreamProtocol": {"value": "Amqp"}}"""), "P1")));
        Assert.Empty(Check(HubWithEnv("""{"https_proxy": {"value": "http://proxy.contoso.com:3128"}, "UpstreamProtocol": {"value": "MqttWs"}}"""), "P1"));
        Assert.Empty(Check(HubWithEnv("""{"UpstreamProtocol": {"value": "Amqp"}}"""), "P1"));
    }

    [Fact]
    public void FixSetsAmqpWsBesideTheProxy()
    {
        var result = Convert(HubWithEnv("""{"https_proxy": {"value": "http://proxy.contoso.com:3128"}}"""), "P1");

        Assert.Equal(new[] { "P1 edgeHub env.UpstreamProtocol: - -> {\"value\":\"AmqpWs\"}" }, Describe(result.Changes));
        AssertIdempotent(result, "P1");
    }

    [Fact]
    public void ProxyUrlOptionConfiguresEdgeHub()
    {
        var manifest = ManifestBuilder.Deployment(("filter", "{}"));

        var result = Convert(manifest, "P1", o => o.ProxyUrl = Proxy);

        var hub = result.Manifest.FindModule("edgeHub")!;
        Assert.Equal(new[] { ("https_proxy", Proxy), ("no_proxy", "localhost"), ("UpstreamProtocol", "AmqpWs") },
            hub.Env.Select(v => (v.Name, v.Value!)));
        Assert.Equal(new[]
        {
            $"P1 edgeHub env.https_proxy: - -> {{\"value\":\"{Proxy}\"}}",
            "P1 edgeHub env.no_proxy: - -> {\"value\":\"localhost\"}",
            "P1 edgeHub env.UpstreamProtocol: - -> {\"value\":\"AmqpWs\"}",
        }, Describe(result.Changes));
        Assert.Empty(Check(result.Manifest, "P2"));
        AssertIdempotent(result, "P1", o => o.ProxyUrl = Proxy);
    }

    [Fact]
    public void ProxyUrlReplacesAnotherProxyWhereItIsSet()
    {
        var result = Convert(HubWithEnv("""{"https_proxy": {"value": "http://old:8080"}, "no_proxy": {"value": "localhost"}}"""), "P1", o => o.ProxyUrl = Proxy);

        Assert.Equal(new[]
        {
            $"P1 edgeHub env.https_proxy.value: \"http://old:8080\" -> \"{Proxy}\"",
            "P1 edgeHub env.UpstreamProtocol: - -> {\"value\":\"AmqpWs\"}",
        }, Describe(result.Changes));
    }

    [Fact]
    public void ProxyUrlLeavesAnEnvSectionThatIsAPlaceholder()
    {
        var result = Convert(HubWithEnv("\"${EDGEHUB_ENV}\""), "P1", o => o.ProxyUrl = Proxy);

        Assert.Empty(result.Changes);
        Assert.Equal("\"${EDGEHUB_ENV}\"", result.Manifest.FindModule("edgeHub")!.Definition["env"]!.ToCompactJson());
        // The result says so (the cmdlet writes it as a warning), without the URL, which may hold the proxy's password.
        var left = Assert.Single(result.RemainingFindings, f => f.RuleId == "P1");
        Assert.Equal((Severity.Warning, "env", false), (left.Severity, left.Location, left.IsFixable));
        Assert.Equal("edgeHub's env section is \"${EDGEHUB_ENV}\", which the conversion does not replace, so the web proxy given for it (-ProxyUrl) is not set.", left.Message);
        Assert.DoesNotContain(result.RemainingFindings, f => f.RuleId == "P1" && f.ModuleName != "edgeHub");
        // Without -ProxyUrl, there is nothing to say; nor when the proxy was set.
        Assert.DoesNotContain(Convert(HubWithEnv("\"${EDGEHUB_ENV}\""), "P1").RemainingFindings, f => f.RuleId == "P1");
        Assert.DoesNotContain(Convert(HubWithEnv("{}"), "P1", o => o.ProxyUrl = Proxy).RemainingFindings, f => f.RuleId == "P1" && f.Location == "env");
    }

    [Fact]
    public void ProxyUrlLeavesAProxyThatIsATemplatePlaceholder()
    {
        // Templates keep their placeholders (manifest-shapes.md, section 5): the proxy comes from the template's .env file.
        var result = Convert(HubWithEnv("""{"https_proxy": {"value": "${PROXY}"}}"""), "P1", o => o.ProxyUrl = Proxy);

        // The module is still behind a proxy: the rest of the proxy settings go beside the placeholder.
        Assert.Equal(new[]
        {
            "P1 edgeHub env.no_proxy: - -> {\"value\":\"localhost\"}",
            "P1 edgeHub env.UpstreamProtocol: - -> {\"value\":\"AmqpWs\"}",
        }, Describe(result.Changes));
        Assert.Equal("${PROXY}", result.Manifest.FindModule("edgeHub")!.Env.Single(v => v.Name == "https_proxy").Value);
        var left = Assert.Single(result.RemainingFindings, f => f.RuleId == "P1");
        Assert.Equal((Severity.Warning, "env.https_proxy", false), (left.Severity, left.Location, left.IsFixable));
        Assert.Equal("edgeHub's https_proxy holds a template placeholder, which the conversion keeps, so the web proxy given for it (-ProxyUrl) is not set.", left.Message);
        // Without -ProxyUrl, there is nothing to say.
        Assert.DoesNotContain(Convert(HubWithEnv("""{"https_proxy": {"value": "${PROXY}"}}"""), "P1").RemainingFindings, f => f.Severity == Severity.Warning);
    }

    [Theory]
    [InlineData("http://svc:Pa$$w0rd@oldproxy:3128")]
    [InlineData("http://svc:a<b@oldproxy:3128")]
    public void ProxyUrlReplacesAProxyWhosePasswordLooksLikeAPlaceholder(string old)
    {
        // A deployment's proxy URL, not a template's placeholder: the password merely holds '$' or '<'.
        var result = Convert(HubWithEnv($$$"""{"https_proxy": {"value": "{{{old}}}"}}"""), "P1", o => o.ProxyUrl = Proxy);

        Assert.Equal(Proxy, result.Manifest.FindModule("edgeHub")!.Env.Single(v => v.Name == "https_proxy").Value);
        Assert.DoesNotContain(result.RemainingFindings, f => f.RuleId == "P1" && f.Severity == Severity.Warning);
    }

    [Theory]
    [InlineData("http://${PROXY_USER}:${PROXY_PASSWORD}@proxy:3128")]
    [InlineData("http://svc:Pa$$w0rd@${PROXY_HOST}:3128")]
    public void AProxyThatHoldsAPlaceholderIsKeptAndNotQuoted(string old)
    {
        var result = Convert(HubWithEnv($$$"""{"https_proxy": {"value": "{{{old}}}"}}"""), "P1", o => o.ProxyUrl = Proxy);

        Assert.Equal(old, result.Manifest.FindModule("edgeHub")!.Env.Single(v => v.Name == "https_proxy").Value);
        var left = Assert.Single(result.RemainingFindings, f => f.RuleId == "P1" && f.Severity == Severity.Warning);
        Assert.DoesNotContain("Pa$$w0rd", left.Message);
    }

    [Fact]
    public void ProxyUrlFillsAnEmptyProxyWhereItTakesEffect()
    {
        // The empty https_proxy in createOptions Env would hide one added to the env section.
        var manifest = ManifestBuilder.Deployment(("filter", "{}"));
        var hub = manifest.FindModule("edgeHub")!;
        hub.CreateOptions!.GetOrCreateRoot().Set("Env", EdgeMigration.Core.Json.JDocument.Parse("""["https_proxy="]""").Root);
        hub.CreateOptions.Commit();

        var result = Convert(ManifestDocument.Parse(manifest.ToJson()), "P1", o => o.ProxyUrl = Proxy);

        Assert.Equal(new[]
        {
            $"P1 edgeHub Env[0]: \"https_proxy=\" -> \"https_proxy={Proxy}\"",
            "P1 edgeHub Env[1]: - -> \"no_proxy=localhost\"",
            "P1 edgeHub Env[2]: - -> \"UpstreamProtocol=AmqpWs\"",
        }, Describe(result.Changes));
        AssertIdempotent(result, "P1", o => o.ProxyUrl = Proxy);
    }

    [Fact]
    public void ProxyFindingsAreFixableExactlyWhereTheConversionChangesTheModule()
    {
        // Templates whose other environment is a placeholder: each fix writes beside the proxy, where it is set.
        var manifest = ManifestBuilder.Deployment(
            ("section", """{"Env":"${ENV}"}""", """{"https_proxy": {"value": "http://proxy.contoso.com:3128"}}"""),
            ("strings", """{"Env":["HTTPS_PROXY=http://proxy.contoso.com:3128"]}""", "\"${ENV}\""));
        manifest.FindModule("edgeHub")!.Definition.Set("env", EdgeMigration.Core.Json.JDocument.Parse("""{"https_proxy": {"value": "http://proxy.contoso.com:3128"}}""").Root);
        manifest = ManifestDocument.Parse(manifest.ToJson());

        foreach (var rule in new[] { "P1", "P2" })
        {
            var findings = Check(manifest, rule);
            var result = Convert(manifest, rule);

            Assert.NotEmpty(findings);
            Assert.All(findings, f => Assert.Equal(f.IsFixable, result.Changes.Any(c => c.ModuleName == f.ModuleName)));
        }
    }

    [Fact]
    public void CorpusNestedEdgeTopLayerGetsNoProxyAndAmqpWs()
    {
        var manifest = ManifestDocument.Load(TestPaths.CorpusFile("Azure__iotedge__e2e_deployment_files__nestededge_topLayerBaseDeployment_amqp.json"));

        Assert.Equal(new[] { "P2 Error edgeHub env.https_proxy fixable", "P2 Error dockerContainerRegistry env.https_proxy fixable" },
            Summary(Check(manifest, "P2")));
        var result = Convert(manifest, "P?");
        Assert.Equal(new[]
        {
            "P1 edgeHub env.UpstreamProtocol: - -> {\"value\":\"AmqpWs\"}",
            "P2 edgeHub env.no_proxy: - -> {\"value\":\"localhost\"}",
            "P2 dockerContainerRegistry env.no_proxy: - -> {\"value\":\"localhost\"}",
        }, Describe(result.Changes));
        AssertIdempotent(result, "P?");
    }
}

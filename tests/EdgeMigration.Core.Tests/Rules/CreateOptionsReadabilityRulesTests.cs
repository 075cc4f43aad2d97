using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

/// <summary>K4 (createOptions that are not a JSON object, or hold fields the agent's model cannot hold) and K5 (pieces and size limits).</summary>
public class CreateOptionsReadabilityRulesTests
{
    private const string InvalidCorpusFile = "Azure+iotedgedev__tests_assets_deployment.manifest_invalid_createoptions.json";

    [Fact]
    public void InvalidJsonAndNonObjectsAreErrorsPerModule()
    {
        var manifest = ManifestBuilder.Deployment(("broken", """{"HostConfig":"""), ("list", "[1]"), ("fine", "{}"));

        var findings = Check(manifest, "K4");

        Assert.Equal(new[] { "K4 Error broken  manual", "K4 Error list  manual" }, Summary(findings));
        Assert.Contains("not valid JSON", findings[0].Message);
        Assert.Contains("must be a JSON object, not an array", findings[1].Message);
    }

    [Fact]
    public void FieldsTheAgentsModelCannotHoldAreErrorsWhereTheyAre()
    {
        var manifest = ManifestBuilder.Deployment(
            ("envtext", """{"Env":"A=1"}"""),
            ("envitem", """{"Env":["A=1",{"B":"2"},["C=3"]]}"""),
            ("labels", """{"Labels":["tier"],"labels":{"a":{"b":1}}}"""),
            ("ports", """{"ExposedPorts":{"80/tcp":{},"81/tcp":"x"}}"""),
            ("host", """{"HostConfig":"privileged"}"""),
            ("modes", """{"HostConfig":{"Privileged":"yes","NetworkMode":{"host":true},"IpcMode":["host"],"PidMode":"host"}}"""),
            ("image", """{"Image":{"name":"x"}}"""));

        var findings = Check(manifest, "K4");

        Assert.Equal(new[]
        {
            "K4 Error envtext Env manual",
            "K4 Error envitem Env[1] manual",
            "K4 Error envitem Env[2] manual",
            "K4 Error labels Labels manual",
            "K4 Error labels labels.a manual",
            "K4 Error ports ExposedPorts['81/tcp'] manual",
            "K4 Error host HostConfig manual",
            "K4 Error modes HostConfig.Privileged manual",
            "K4 Error modes HostConfig.NetworkMode manual",
            "K4 Error modes HostConfig.IpcMode manual",
            "K4 Error image Image manual",
        }, Summary(findings));
        Assert.Equal("Env is a string, not an array of strings; no agent can read the module's createOptions, so the agent refuses the whole deployment as invalid and deploys none of its modules.", findings[0].Message);
        Assert.Equal("Write it as an array of \"NAME=value\" strings.", findings[0].Recommendation);
        Assert.StartsWith("HostConfig.Privileged is the string \"yes\", not true or false;", findings[7].Message);
        Assert.StartsWith("Image is an object, not a string;", findings[10].Message);
    }

    [Fact]
    public void AStringWhereAListBelongsIsNotQuoted()
    {
        // Env entries hold passwords and connection strings.
        var manifest = ManifestBuilder.Deployment(("m", """{"Env":"DB=Server=db;Password=Pa55word"}"""));

        Assert.DoesNotContain("Pa55word", Assert.Single(Check(manifest, "K4")).Message);
    }

    [Fact]
    public void NullWhereTheModelHoldsAStructIsAnError()
    {
        // Json.NET throws "Error converting value {null} to type 'System.Boolean'" (or 'EmptyStruct'): neither is nullable.
        var manifest = ManifestBuilder.Deployment(
            ("privileged", """{"HostConfig":{"Privileged":null}}"""),
            ("port", """{"ExposedPorts":{"80/tcp":null}}"""));

        var findings = Check(manifest, "K4");

        Assert.Equal(new[] { "K4 Error privileged HostConfig.Privileged manual", "K4 Error port ExposedPorts['80/tcp'] manual" }, Summary(findings));
        Assert.StartsWith("HostConfig.Privileged is null, not true or false;", findings[0].Message);
        Assert.StartsWith("ExposedPorts['80/tcp'] is null, not an object;", findings[1].Message);
    }

    [Fact]
    public void TheSettingsOfEverySpellingOfHostConfigAreJudged()
    {
        // Json.NET reads both into HostConfig in turn, so the first one's Privileged fails although the last one's would not.
        var manifest = ManifestBuilder.Deployment(("m", """{"hostconfig":{"Privileged":"on"},"HostConfig":{"Privileged":true}}"""));

        Assert.Equal(new[] { "K4 Error m hostconfig.Privileged manual" }, Summary(Check(manifest, "K4")));
    }

    [Fact]
    public void ValuesJsonNetConvertsNullsAndPlaceholdersAreRead()
    {
        // Json.NET makes numbers and Booleans strings, takes "True" and numbers for a Boolean, and leaves null unset where a class or string goes.
        var manifest = ManifestBuilder.Deployment(
            ("converted", """{"Env":["A=1",5,true,null],"Labels":{"a":1,"b":false,"c":null},"Image":7,"ExposedPorts":{"80/tcp":{}},"HostConfig":{"Privileged":"True","NetworkMode":null}}"""),
            ("numbered", """{"HostConfig":{"Privileged":1}}"""),
            ("nulls", """{"Env":null,"Labels":null,"HostConfig":null,"ExposedPorts":null}"""),
            ("template", """{"Env":"${ENV}","Labels":"$LABELS","HostConfig":{"Privileged":"${PRIVILEGED}"}}"""));

        Assert.Empty(Check(manifest, "K4"));
    }

    /// <summary>
    /// A template's placeholder for a module's whole createOptions, quoted or bare, is judged once the template is
    /// expanded: Information, not a refusal of the whole deployment (K4) or pieces the runtime cannot join (K5), and the
    /// preview deploys every module, that one without its createOptions, saying why.
    /// </summary>
    [Fact]
    public void APlaceholderForTheWholeCreateOptionsWaitsForTheTemplate()
    {
        var written = ManifestBuilder.Deployment(("quoted", "${CREATE_OPTIONS}"), ("bare", "${BARE}"), ("fine", "{}")).ToJson();
        var manifest = ManifestDocument.Parse(written.Replace("\"${BARE}\"", "${BARE}"));

        var findings = RuleEngine.Check(manifest).Where(f => f.ModuleName is "quoted" or "bare").ToList();
        var rendering = KubernetesRenderer.Render(manifest);

        Assert.Equal(new[] { "K4 Information quoted  manual", "K4 Information bare  manual" }, Summary(findings));
        Assert.StartsWith("The module's createOptions \"${CREATE_OPTIONS}\" is a template placeholder: what they hold is known only once the template is expanded", findings[0].Message);
        Assert.StartsWith("The module's createOptions ${BARE} is a template placeholder", findings[1].Message);
        Assert.All(rendering.Modules.Where(m => m.ModuleName != "edgeAgent"), m => Assert.False(m.Fails, m.ModuleName));
        var pending = Assert.Single(rendering.Modules.Single(m => m.ModuleName == "quoted").Dropped);
        Assert.Equal(DropEffect.Pending, pending.Effect);
        Assert.Contains(rendering.CreatedResources, r => r.ModuleName == "bare" && r.Kind == "Deployment");
    }

    [Fact]
    public void BrokenPiecesAreK5ErrorsNotK4()
    {
        var manifest = ManifestDocument.Load(TestPaths.CorpusFile(InvalidCorpusFile));

        Assert.Equal(new[] { "K4 Error csharpfunction  manual" }, Summary(Check(manifest, "K4")));
        var pieces = Check(manifest, "K5");
        Assert.Equal(new[] { "K5 Error csharpmodule  manual", "K5 Error csharpfunction2  manual" }, Summary(pieces));
        Assert.Contains("gap: createOptions02 is missing before createOptions03", pieces[0].Message);
    }

    [Fact]
    public void UnreadableCreateOptionsNeverStopAConversion()
    {
        var result = ManifestConverter.Convert(ManifestDocument.Load(TestPaths.CorpusFile(InvalidCorpusFile)));

        Assert.Contains(result.RemainingFindings, f => f.RuleId == "K4");
        Assert.DoesNotContain(result.Changes, c => c.ModuleName is "csharpfunction" or "csharpmodule" or "csharpfunction2");
    }

    [Fact]
    public void LongCreateOptionsMeetTheToolsAndTwinLimits()
    {
        var longValue = new string('x', 4200);
        var manifest = ManifestBuilder.Deployment(("big", "{\"Env\":[\"A=" + longValue + "\"]}"), ("small", "{}"));

        var findings = Check(manifest, "K5");

        Assert.Equal(new[] { "K5 Warning big  manual", "K5 Warning big settings.createOptions manual" }, Summary(findings));
        Assert.Contains("stop at 8 pieces of 512 (4096 characters)", findings[0].Message);
        Assert.Contains("IoT Hub rejects a twin string over 4096 bytes", findings[1].Message);
    }

    [Fact]
    public void CreateOptionsPastTheRuntimesHundredPiecesAreAnErrorAndAreNeverSplitPastCreateOptions99()
    {
        // Found by the conversion properties: a fix on createOptions this long wrote createOptions100 and on, which
        // neither the runtime nor this module reads, so the converted manifest no longer decoded.
        var manifest = ManifestBuilder.Deployment(("big", "{\"Env\":[\"Storage:Target=/data\",\"A=" + new string('x', 52_000) + "\"]}"));

        var result = ManifestConverter.Convert(manifest);

        var settings = result.Manifest.FindModule("big")!.Settings!;
        Assert.Equal(new[] { "image", "createOptions" }, settings.Names);
        Assert.StartsWith("{\"Env\":[\"Storage__Target=/data\",", OptionsText(result.Manifest, "big"));
        var tooLong = Assert.Single(result.RemainingFindings, f => f.RuleId == "K5" && f.Severity == Severity.Error);
        Assert.Contains("the runtime joins at most 100 pieces of 512 (createOptions to createOptions99, 51200 characters)", tooLong.Message);
        AssertIdempotent(result, "*");
    }

    [Theory]
    [InlineData("""{"HostConfig":{"Binds":"/data:/data"}}""", "S1", "HostConfig.Binds")]
    [InlineData("""{"HostConfig":{"Binds":[{"/data":"/data"}]}}""", "S1", "HostConfig.Binds[0]")]
    [InlineData("""{"HostConfig":{"Mounts":{"Type":"bind"}}}""", "K9", "HostConfig.Mounts")]
    [InlineData("""{"HostConfig":{"Mounts":["/data:/data"]}}""", "K9", "HostConfig.Mounts[0]")]
    [InlineData("""{"HostConfig":{"Mounts":[{"Type":"bind","Source":"/s","Target":"/t","ReadOnly":"yes"}]}}""", "K9", "HostConfig.Mounts[0].ReadOnly")]
    [InlineData("""{"HostConfig":{"Mounts":[{"Type":"bind","Source":"/s","Target":"/t","readonly":null}]}}""", "K9", "HostConfig.Mounts[0].readonly")]
    [InlineData("""{"HostConfig":{"Mounts":[{"Type":{"bind":true},"Source":"/s","Target":"/t"}]}}""", "K9", "HostConfig.Mounts[0].Type")]
    [InlineData("""{"HostConfig":{"Mounts":[{"Type":"volume","Source":["share"],"Target":"/t"}]}}""", "K9", "HostConfig.Mounts[0].Source")]
    [InlineData("""{"HostConfig":{"PortBindings":"80:80"}}""", "K10", "HostConfig.PortBindings")]
    [InlineData("""{"HostConfig":{"PortBindings":{"80/tcp":{"HostPort":"80"}}}}""", "K10", "HostConfig.PortBindings['80/tcp']")]
    [InlineData("""{"HostConfig":{"PortBindings":{"80/tcp":["80"]}}}""", "K10", "HostConfig.PortBindings['80/tcp'][0]")]
    [InlineData("""{"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":{"port":80}}]}}}""", "K10", "HostConfig.PortBindings['80/tcp'][0].HostPort")]
    [InlineData("""{"HostConfig":{"PortBindings":{"80/tcp":[{"HostIp":["0.0.0.0"],"HostPort":"80"}]}}}""", "K10", "HostConfig.PortBindings['80/tcp'][0].HostIp")]
    public void BindsMountsAndPortBindingsTheAgentsModelCannotHoldRefuseTheWholeDeployment(string createOptions, string ruleId, string location)
    {
        // Json.NET reads them into the agent's HostConfig (IList<string> Binds, IList<Mount> Mounts with a bool ReadOnly,
        // IDictionary<string, IList<PortBinding>> PortBindings) while it reads the deployment, so it throws for all modules.
        var manifest = ManifestBuilder.Deployment(("m", createOptions), ("other", "{}"));

        var findings = RuleEngine.Check(manifest).Where(f => f.ModuleName == "m" && f.Severity == Severity.Error).ToList();

        var finding = Assert.Single(findings);
        Assert.Equal((ruleId, location), (finding.RuleId, finding.Location));
        Assert.EndsWith("no agent can read the module's createOptions, so the agent refuses the whole deployment as invalid and deploys none of its modules.", finding.Message);
        // Nothing else is said of what no agent reads: no missing HostPort (N1), no missing Type (K9).
        Assert.DoesNotContain(RuleEngine.Check(manifest), f => f.ModuleName == "m" && f.Location.StartsWith(location, System.StringComparison.Ordinal) && f != finding);
    }

    [Fact]
    public void AMountsOrBindingsFieldJsonNetConvertsIsRead()
    {
        // Json.NET reads "true" into a bool and 8080 into a string: nothing to refuse.
        var manifest = ManifestBuilder.Deployment(("m", """{"HostConfig":{"Mounts":[{"Type":"bind","Source":"/s","Target":"/t","ReadOnly":"true"}],"PortBindings":{"80/tcp":[{"HostPort":8080,"HostIp":null}]}}}"""));

        Assert.DoesNotContain(RuleEngine.Check(manifest), f => f.Severity == Severity.Error);
    }

    [Theory]
    [InlineData("""{"Env":"${ENV}"}""", false)]
    [InlineData("""{"Env":${ENV}}""", false)]
    [InlineData("""{"Env":"$ENV_LIST"}""", false)]
    [InlineData("""{"Labels":"<labels>"}""", false)]
    [InlineData("""{"Env":"PATH=$PATH:/opt/bin"}""", true)]
    [InlineData("""{"Env":"A=${A}"}""", true)]
    [InlineData("""{"Env":"$ENV.list"}""", true)]
    [InlineData("""{"Env":"${MODULES.env}"}""", false)]
    public void APlaceholderThatFillsTheValueWaitsForTheTemplateButTextAroundOneIsText(string createOptions, bool refused)
    {
        // A template fills in text: "PATH=$PATH:/opt/bin" is a string once expanded too, where the agent reads a list.
        var findings = Check(ManifestBuilder.Deployment(("m", createOptions)), "K4");

        Assert.Equal(refused, findings.Any(f => f.Severity == Severity.Error));
    }

    [Theory]
    [InlineData("""{"HostConfig":{"Binds":${BINDS}}}""", "S1", "HostConfig.Binds")]
    [InlineData("""{"HostConfig":{"Binds":"${BINDS}"}}""", "S1", "HostConfig.Binds")]
    [InlineData("""{"HostConfig":{"Binds":[${DATA_BIND}]}}""", "S1", "HostConfig.Binds[0]")]
    [InlineData("""{"HostConfig":{"Mounts":${MOUNTS}}}""", "K9", "HostConfig.Mounts")]
    [InlineData("""{"HostConfig":{"Mounts":["$MOUNT"]}}""", "K9", "HostConfig.Mounts[0]")]
    [InlineData("""{"HostConfig":{"PortBindings":${PORTS}}}""", "K10", "HostConfig.PortBindings")]
    [InlineData("""{"HostConfig":{"PortBindings":{"80/tcp":"<bindings>"}}}""", "K10", "HostConfig.PortBindings['80/tcp']")]
    [InlineData("""{"HostConfig":{"PortBindings":{"80/tcp":[${BINDING}]}}}""", "K10", "HostConfig.PortBindings['80/tcp'][0]")]
    public void BindsMountsAndPortBindingsATemplateFillsInAreJudgedOnceExpanded(string createOptions, string ruleId, string location)
    {
        var findings = RuleEngine.Check(ManifestBuilder.Deployment(("m", createOptions))).Where(f => f.ModuleName == "m").ToList();

        Assert.DoesNotContain(findings, f => f.Severity == Severity.Error);
        var pending = Assert.Single(findings, f => f.Location == location);
        Assert.Equal((ruleId, Severity.Information), (pending.RuleId, pending.Severity));
        Assert.Contains(" is a template placeholder", pending.Message);
    }

    [Fact]
    public void BindsWithTextAroundAPlaceholderAreTextStill()
    {
        var findings = Check(ManifestBuilder.Deployment(("m", """{"HostConfig":{"Binds":"${DATA}:/data"}}""")), "S1");

        Assert.Equal(new[] { "S1 Error m HostConfig.Binds manual" }, Summary(findings));
    }
}

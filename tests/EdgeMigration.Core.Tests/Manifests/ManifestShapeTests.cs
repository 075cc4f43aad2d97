using System.Linq;
using EdgeMigration.Core.Manifests;
using Xunit;

namespace EdgeMigration.Tests.Manifests;

public class ManifestShapeTests
{
    private const string Agent = """
        {"schemaVersion": "1.1", "runtime": {"type": "docker", "settings": {"registryCredentials": {"acr": {"username": "u", "password": "s3cr3t!", "address": "acr.azurecr.io"}}}},
         "systemModules": {"edgeAgent": {"type": "docker", "settings": {"image": "mcr.microsoft.com/azureiotedge-agent:1.0", "createOptions": ""}},
                           "edgeHub": {"type": "docker", "status": "running", "settings": {"image": "mcr.microsoft.com/azureiotedge-hub:1.0", "createOptions": "{}"}}},
         "modules": {"filter": {"type": "docker", "status": "running", "env": {"A": {"value": "1"}}, "settings": {"image": "acr.azurecr.io/filter:1", "createOptions": "{\"HostConfig\":{\"Binds\":[\"/home/hcsshares/in:/in\"]}}"}}}}
        """;

    private const string Hub = """
        {"schemaVersion": "1.1", "routes": {"r1": "FROM /messages/modules/filter/outputs/* INTO $upstream", "r2": {"route": "FROM /messages/* INTO $upstream", "priority": 1}}}
        """;

    private static string ModulesContent => "{\"$edgeAgent\": {\"properties.desired\": " + Agent + "}, \"$edgeHub\": {\"properties.desired\": " + Hub + "}, \"filter\": {\"properties.desired\": {\"threshold\": 5}}}";

    public static TheoryData<string, ManifestShape, string> Shapes() => new()
    {
        { "{\"modulesContent\": " + ModulesContent + "}", ManifestShape.DeploymentManifest, "$.modulesContent" },
        { "{\"moduleContent\": " + ModulesContent + "}", ManifestShape.DeploymentManifest, "$.moduleContent" },
        { ModulesContent, ManifestShape.ModulesContent, "$" },
        { "{\"id\": \"gpu-migration\", \"schemaVersion\": \"1.0\", \"labels\": {}, \"content\": {\"modulesContent\": " + ModulesContent + "}, \"targetCondition\": \"tags.site='x'\", \"priority\": 10, \"metrics\": {\"queries\": {}, \"results\": {}}}", ManifestShape.HubDeployment, "$.content.modulesContent" },
        { "{\"content\": {\"modulesContent\": " + ModulesContent + "}}", ManifestShape.HubDeployment, "$.content.modulesContent" },
        { "{\"$schema-template\": \"4.0.0\", \"modulesContent\": " + ModulesContent.Replace("\"createOptions\": \"{}\"", "\"createOptions\": {}") + "}", ManifestShape.DeploymentTemplate, "$.modulesContent" },
        { "{\"deviceId\": \"d1\", \"moduleId\": \"$edgeAgent\", \"etag\": \"x\", \"properties\": {\"desired\": " + Agent.TrimEnd().Substring(0, Agent.TrimEnd().Length - 1) + ", \"$metadata\": {}, \"$version\": 3}, \"reported\": {}}}", ManifestShape.EdgeAgentTwin, "" },
        { Agent, ManifestShape.EdgeAgentDesiredProperties, "" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void EveryShapeIsRecognisedAndItsModulesRead(string json, ManifestShape shape, string modulesContentPath)
    {
        var manifest = ManifestDocument.Parse(json);

        Assert.Equal(shape, manifest.Shape);
        Assert.Equal(modulesContentPath.Length == 0 ? null : modulesContentPath, manifest.ModulesContentPath);
        Assert.Equal(new[] { "edgeAgent", "edgeHub", "filter" }, manifest.Modules.Select(m => m.Name));
        Assert.Equal(new[] { true, true, false }, manifest.Modules.Select(m => m.IsSystemModule));
        var filter = manifest.FindModule("filter")!;
        Assert.Equal("acr.azurecr.io/filter:1", filter.Image);
        Assert.Equal("running", filter.Status);
        Assert.Equal("/home/hcsshares/in:/in", filter.CreateOptions!.Root!.ToCompactJson().Split('"')[5]);
        Assert.Equal(("A", "1"), (filter.Env[0].Name, filter.Env[0].Value));
        Assert.Equal("1.1", manifest.EdgeAgentSchemaVersion);
        Assert.Contains("s3cr3t!", manifest.Secrets);
        Assert.Equal(json, manifest.ToJson());
    }

    [Fact]
    public void ModuleLocationsAreJsonPaths()
    {
        var manifest = ManifestDocument.Parse("{\"modulesContent\": " + ModulesContent + "}");
        Assert.Equal("$.modulesContent['$edgeAgent']['properties.desired'].modules.filter", manifest.FindModule("filter")!.Location);
        Assert.Equal("$.modulesContent['$edgeAgent']['properties.desired'].modules.filter.settings.createOptions", manifest.FindModule("filter")!.CreateOptions!.Location);
    }

    [Fact]
    public void RoutesAndTwinSectionsAreRead()
    {
        var manifest = ManifestDocument.Parse("{\"modulesContent\": " + ModulesContent + "}");
        Assert.Equal(new[] { "r1", "r2" }, manifest.Routes.Select(r => r.Name));
        Assert.Equal("FROM /messages/* INTO $upstream", manifest.Routes[1].Text);
        Assert.Equal(new[] { "filter" }, manifest.ModuleTwins.Select(t => t.ModuleId));
    }

    [Fact]
    public void LayeredDeploymentReadsDottedKeysAndRoutes()
    {
        var manifest = ManifestDocument.Load(TestPaths.CorpusFile("Azure-Samples__iot-edge-for-iiot__offline-dashboards__dashboard.layered.deployment.template.json"));
        Assert.Equal(ManifestShape.LayeredDeployment, manifest.Shape);
        Assert.True(manifest.IsLayered);
        Assert.Equal(new[] { "sqledge", "grafana" }, manifest.Modules.Select(m => m.Name));
        Assert.Equal("$.modulesContent['$edgeAgent']['properties.desired.modules.sqledge']", manifest.Modules[0].Location);
        Assert.Equal("FROM /messages/* INTO BrokeredEndpoint(\"/modules/sqledge/inputs/OPCUAData\")", manifest.Routes.Single(r => r.Name == "opc").Text);
        Assert.Contains("#ACR_PASSWORD#", manifest.Secrets);
    }

    [Fact]
    public void TemplateWithBarePlaceholderReads()
    {
        var manifest = ManifestDocument.Load(TestPaths.CorpusFile("Azure+iotedgedev__tests_assets_deployment.template.non_str_placeholder.json"));
        Assert.Equal(ManifestShape.DeploymentTemplate, manifest.Shape);
        Assert.Contains("${TTL}", manifest.ToJson());
    }

    [Theory]
    [InlineData("[1, 2]", "an array")]
    [InlineData("{\"id\": \"adm-config\", \"content\": {\"deviceContent\": {}}}", "no modulesContent")]
    [InlineData("\"text\"", "a string")]
    public void NonManifestsListTheAcceptedShapes(string json, string reason)
    {
        var error = Assert.Throws<ManifestException>(() => ManifestDocument.Parse(json, "input.json"));
        Assert.Equal(ManifestErrorKind.NotAManifest, error.Kind);
        Assert.StartsWith("input.json: ", error.Message);
        Assert.Contains(reason, error.Message);
        Assert.Contains(ManifestException.AcceptedShapes, error.Message);
    }

    [Theory]
    // az iot hub configuration show: the REST API writes all three contents, the unused ones empty.
    [InlineData("""{"id": "chiller", "content": {"deviceContent": {"properties.desired.chiller-water": {"temperature": 66}}, "moduleContent": {}, "modulesContent": {}}, "targetCondition": "*"}""", "device")]
    [InlineData("""{"content": {"deviceContent": {"properties.desired.chiller-water": {"temperature": 66}}}}""", "device")]
    [InlineData("""{"deviceContent": {"properties.desired.chiller-water": {"temperature": 66}}}""", "device")]
    [InlineData("""{"id": "sensor", "content": {"moduleContent": {"properties.desired.interval": 10}, "modulesContent": {}, "deviceContent": {}}}""", "module")]
    public void ConfigurationsOfTwinPropertiesAreNoDeployments(string json, string target)
    {
        var error = Assert.Throws<ManifestException>(() => ManifestDocument.Parse(json, "input.json"));

        Assert.Equal(ManifestErrorKind.NotAManifest, error.Kind);
        Assert.StartsWith($"input.json: the JSON is an IoT Hub {target} configuration (automatic {target} management, {target}Content), not an IoT Edge deployment", error.Message);
    }

    [Fact]
    public void ADeploymentThatWrites2018sModuleContentIsNoConfiguration()
    {
        var manifest = ManifestDocument.Parse("{\"content\": {\"moduleContent\": " + ModulesContent + ", \"deviceContent\": {}}}");

        Assert.Equal(ManifestShape.HubDeployment, manifest.Shape);
        Assert.NotEmpty(manifest.Modules);
    }

    [Fact]
    public void DuplicateKeysAndNonObjectModulesAreDiagnosticsNotFailures()
    {
        var manifest = ManifestDocument.Parse("""
            {"modulesContent": {"$edgeAgent": {"properties.desired": {"schemaVersion": "1.0", "modules": {
              "a": {"settings": {"image": "x:1", "image": "x:2"}}, "b": "oops"}}}}}
            """);
        Assert.Equal("x:2", manifest.FindModule("a")!.Image);
        Assert.Null(manifest.FindModule("b"));
        Assert.Equal(new[] { "DuplicateKey", "ModuleNotAnObject" }, manifest.Diagnostics.Select(d => d.Id));
        Assert.Equal("$.modulesContent['$edgeAgent']['properties.desired'].modules.a.settings.image", manifest.Diagnostics[0].Location);
    }
}

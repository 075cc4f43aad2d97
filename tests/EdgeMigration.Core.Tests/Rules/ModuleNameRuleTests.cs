using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class ModuleNameRuleTests
{
    /// <summary>Two modules with Docker-style ids, routes in string and object form, and their twin sections.</summary>
    private const string Manifest = """
        {
          "modulesContent": {
            "$edgeAgent": {
              "properties.desired": {
                "schemaVersion": "1.1",
                "runtime": { "type": "docker", "settings": {} },
                "systemModules": {
                  "edgeAgent": { "type": "docker", "settings": { "image": "mcr.microsoft.com/azureiotedge-agent:1.1" } },
                  "edgeHub": { "type": "docker", "settings": { "image": "mcr.microsoft.com/azureiotedge-hub:1.1" } }
                },
                "modules": {
                  "Camera_Capture": { "type": "docker", "settings": { "image": "capture:1", "createOptions": "{\"HostConfig\":{\"NetworkMode\":\"host\"}}" } },
                  "yoloModule": { "type": "docker", "settings": { "image": "yolo:1" } },
                  "sink": { "type": "docker", "settings": { "image": "sink:1" } }
                }
              }
            },
            "$edgeHub": {
              "properties.desired": {
                "schemaVersion": "1.1",
                "routes": {
                  "toYolo": "FROM /messages/modules/Camera_Capture/outputs/frames INTO BrokeredEndpoint(\"/modules/yoloModule/inputs/frames\")",
                  "toSink": { "route": "FROM /messages/modules/yoloModule/* WHERE $connectionModuleId = 'yoloModule' INTO BrokeredEndpoint(\"modules/sink/inputs/in\")", "priority": 1 },
                  "upstream": "FROM /messages/modules/yoloModuleV2/* INTO $upstream"
                }
              }
            },
            "yoloModule": { "properties.desired": { "threshold": 0.5 } }
          }
        }
        """;

    [Fact]
    public void IdsTheDeviceChangesAreReportedWithTheRoutesThatNameThem()
    {
        var findings = Check(ManifestDocument.Parse(Manifest), "O2");

        Assert.Equal(new[]
        {
            "O2 Information - $.modulesContent['$edgeHub']['properties.desired'].routes.toYolo fixable",
            "O2 Information - $.modulesContent['$edgeHub']['properties.desired'].routes.toYolo fixable",
            "O2 Information - $.modulesContent['$edgeHub']['properties.desired'].routes.toSink fixable",
            "O2 Warning Camera_Capture  fixable",
            "O2 Warning yoloModule  fixable",
        }, Summary(findings));
        Assert.Contains("runs as 'cameracapture' on the device", findings[3].Message);
        Assert.Contains("Rename it to 'camera-capture'", findings[3].Recommendation);
        Assert.EndsWith("modules.Camera_Capture", findings[3].ManifestPath);
    }

    [Fact]
    public void AnIdTheDeviceOnlyLowerCasesIsStillReachedAtItsOwnAddresses()
    {
        // Dropping '_' changes the host name other modules must use; lower-casing does not, as DNS reads names in any case.
        var findings = Check(ManifestDocument.Parse(Manifest), "O2");

        Assert.Equal("Module id 'Camera_Capture' runs as 'cameracapture' on the device; other modules must address it by that name, and the how-to asks for Kubernetes names.",
            findings[3].Message);
        Assert.Equal("Module id 'yoloModule' runs as 'yolomodule' on the device; other modules' addresses of it still resolve, as host names are read in any case, but the how-to asks for Kubernetes names.",
            findings[4].Message);
    }

    [Fact]
    public void RenameRewritesKeysRoutesAndTwinSections()
    {
        var result = Convert(ManifestDocument.Parse(Manifest), "O2");

        Assert.Equal(Manifest
                .Replace("\"Camera_Capture\": {", "\"camera-capture\": {")
                .Replace("modules/Camera_Capture/", "modules/camera-capture/")
                .Replace("\"yoloModule\": {", "\"yolomodule\": {")
                .Replace("/modules/yoloModule/", "/modules/yolomodule/")
                .Replace("= 'yoloModule'", "= 'yolomodule'"),
            result.Manifest.ToJson());
        Assert.Equal(new[]
        {
            "O2  $.modulesContent['$edgeHub']['properties.desired'].routes.toYolo: \"FROM /messages/modules/Camera_Capture/outputs/frames INTO BrokeredEndpoint(\\\"/modules/yoloModule/inputs/frames\\\")\" -> \"FROM /messages/modules/camera-capture/outputs/frames INTO BrokeredEndpoint(\\\"/modules/yolomodule/inputs/frames\\\")\"",
            "O2  $.modulesContent['$edgeHub']['properties.desired'].routes.toSink: \"FROM /messages/modules/yoloModule/* WHERE $connectionModuleId = 'yoloModule' INTO BrokeredEndpoint(\\\"modules/sink/inputs/in\\\")\" -> \"FROM /messages/modules/yolomodule/* WHERE $connectionModuleId = 'yolomodule' INTO BrokeredEndpoint(\\\"modules/sink/inputs/in\\\")\"",
            "O2  $.modulesContent.yoloModule: \"yoloModule\" -> \"yolomodule\"",
            "O2 Camera_Capture : \"Camera_Capture\" -> \"camera-capture\"",
            "O2 yoloModule : \"yoloModule\" -> \"yolomodule\"",
        }, Describe(result.Changes));
        Assert.Equal(new[] { "camera-capture", "yolomodule", "sink" }, result.Manifest.Modules.Where(m => !m.IsSystemModule).Select(m => m.Name));
        Assert.Equal(new[] { "yolomodule" }, result.Manifest.ModuleTwins.Select(t => t.ModuleId));
        AssertIdempotent(result, "O2");
    }

    [Fact]
    public void ModulesNamingARenamedModulesContainerFollowIt()
    {
        // On Docker devices a module's container is named after its id: "container:<id>" must follow the rename.
        var manifest = ManifestBuilder.Deployment(
            ("Video_Source", "{}"),
            ("reader", """{"HostConfig":{"IpcMode":"container:Video_Source","NetworkMode":"container:Video_Source","PidMode":"host"}}"""),
            ("other", """{"HostConfig":{"ipcmode":"container:elsewhere"}}"""),
            // Renamed itself, and naming another renamed module.
            ("Pair_B", """{"HostConfig":{"IpcMode":"container:Video_Source"}}"""));

        var result = Convert(manifest, "O2");

        Assert.Equal(new[]
        {
            "O2 Video_Source : \"Video_Source\" -> \"video-source\"",
            "O2 reader HostConfig.IpcMode: \"container:Video_Source\" -> \"container:video-source\"",
            "O2 reader HostConfig.NetworkMode: \"container:Video_Source\" -> \"container:video-source\"",
            "O2 Pair_B : \"Pair_B\" -> \"pair-b\"",
            "O2 Pair_B HostConfig.IpcMode: \"container:Video_Source\" -> \"container:video-source\"",
        }, Describe(result.Changes));
        Assert.Contains("\"IpcMode\":\"container:video-source\"", OptionsText(result.Manifest, "pair-b"));
        Assert.Contains("\"IpcMode\":\"container:video-source\"", OptionsText(result.Manifest, "reader"));
        Assert.Contains("\"ipcmode\":\"container:elsewhere\"", OptionsText(result.Manifest, "other"));
        AssertIdempotent(result, "O2");
    }

    /// <summary>
    /// The rename does not read the modules again itself: the converter does, once, when it writes createOptions back
    /// after the last fix. A fix after it would see the old ids.
    /// </summary>
    [Fact]
    public void RenameIsTheLastFix()
    {
        Assert.Equal("O2", RuleCatalog.All.Last(r => r.CanFix).Id);
    }

    [Fact]
    public void UserRenamesComeFirstAndCollisionsGetASuffix()
    {
        var manifest = ManifestBuilder.Deployment(("Filter", "{}"), ("filter", "{}"), ("my_mod", "{}"), ("edgehub", "{}"));

        Assert.Equal(new[]
        {
            "O2 Error Filter  fixable",
            "O2 Warning my_mod  fixable",
            "O2 Error edgehub  fixable",
        }, Summary(Check(manifest, "O2")).Where(s => !s.Contains("Information")));

        var automatic = Convert(manifest, "O2");
        Assert.Equal(new[] { "filter-2", "filter", "my-mod", "edgehub-2" }, automatic.Manifest.Modules.Where(m => !m.IsSystemModule).Select(m => m.Name));

        var mapped = Convert(manifest, "O2", o => o.ModuleNameMap["Filter"] = "filter");
        Assert.Equal(new[] { "filter", "filter-2", "my-mod", "edgehub-2" }, mapped.Manifest.Modules.Where(m => !m.IsSystemModule).Select(m => m.Name));
        // The map moved 'filter', which it does not name, aside: the result says so, and the cmdlet refuses it.
        Assert.Equal(new[] { ("Filter", "filter", "filter") }, mapped.NameMapConflicts.Select(c => (c.Id, c.NewId, c.DeviceName)));
        Assert.Empty(automatic.NameMapConflicts);
        AssertIdempotent(automatic, "O2");
    }

    /// <summary>
    /// The renames of a -ModuleNameMap that leave a module without a device name of its own: two modules of one name, or a
    /// module the map does not name moved aside from the name it has otherwise; none where the map frees the name first.
    /// </summary>
    [Theory]
    [InlineData("a_b=x c_d=x", "a_b>x:x c_d>x:x")]
    [InlineData("a_b=Web", "a_b>Web:web")]
    [InlineData("a_b=web-2", "")]
    [InlineData("a_b=Web c_d=WEB", "a_b>Web:web c_d>WEB:web")]
    // c_d is made 'c-d' when free: taking that name first moves it to 'c-d-2'.
    [InlineData("a_b=c-d", "a_b>c-d:c-d")]
    // Its device name, 'cd', is no name O2 gives it: free.
    [InlineData("a_b=cd", "")]
    [InlineData("a_b=edgeagent", "a_b>edgeagent:edgeagent")]
    // 'web' renamed too: its name is free for a_b.
    [InlineData("web=site a_b=web", "")]
    public void ModuleNameMapConflictsAreReported(string map, string expected)
    {
        var manifest = ManifestBuilder.Deployment(("web", "{}"), ("a_b", "{}"), ("c_d", "{}"));

        var result = Convert(manifest, "O2", options =>
        {
            foreach (var entry in map.Split(' '))
            {
                options.ModuleNameMap[entry.Split('=')[0]] = entry.Split('=')[1];
            }
        });

        Assert.Equal(expected, string.Join(" ", result.NameMapConflicts.Select(c => $"{c.Id}>{c.NewId}:{c.DeviceName}")));
    }

    [Fact]
    public void UnusableNamesAreErrors()
    {
        // A container's name may start with a digit, a Service's may not: "9lives" deploys until it has ports.
        var manifest = ManifestBuilder.Deployment(("Proxy", "{}"), ("9lives", "{}"), ("a.b", "{}"), ("good-name", "{}"));

        var findings = Check(manifest, "O2");

        Assert.Equal(new[] { "O2 Error Proxy  fixable", "O2 Warning 9lives  fixable", "O2 Error a.b  fixable" }, Summary(findings));
        Assert.EndsWith("so Kubernetes refuses the module's Deployment.", findings[2].Message);
        Assert.Equal(new[] { "proxy-module", "m-9lives", "a-b", "good-name" },
            Convert(manifest, "O2").Manifest.Modules.Where(m => !m.IsSystemModule).Select(m => m.Name));
    }

    [Theory]
    [InlineData("9lives", """{"ExposedPorts":{"80/tcp":{}}}""")]
    [InlineData("a.b", """{"ExposedPorts":{"80/tcp":{}}}""")]
    [InlineData("9lives", """{"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":"${WEB_PORT}"}]}}}""")]
    [InlineData("9lives", """{"ExposedPorts":{"${WEB_PORT}/tcp":{}}}""")]
    public void AnIdThatIsNoServiceNameStopsTheWholeDeploymentOnceTheModuleHasPorts(string id, string createOptions)
    {
        // A template's port is a port once expanded.
        var manifest = ManifestBuilder.Deployment((id, createOptions), ("fine", "{}"));

        var finding = Assert.Single(Check(manifest, "O2"));

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.EndsWith("stops at a refused one, so the whole deployment fails.", finding.Message);
    }

    [Fact]
    public void RenameKeepsEditsOtherRulesMadeBeforeIt()
    {
        var result = ManifestConverter.Convert(ManifestDocument.Parse(Manifest), new ConversionOptions { Rules = Only("O1", "O2") });

        Assert.Equal("""{"HostConfig":{"NetworkMode":"host"},"k8s-experimental":{"strategy":{"type":"Recreate"}}}""",
            OptionsText(result.Manifest, "camera-capture"));
        Assert.Equal("Camera_Capture", result.Changes.Single(c => c.RuleId == "O1").ModuleName);
    }

    [Fact]
    public void LayeredDeploymentModuleRouteAndTwinAreRenamed()
    {
        const string layered = """
            {
              "content": {
                "modulesContent": {
                  "$edgeAgent": {
                    "properties.desired.modules.Opc_Publisher": { "type": "docker", "settings": { "image": "opc:1", "createOptions": "{}" } }
                  },
                  "$edgeHub": {
                    "properties.desired.routes.publisherToUpstream": "FROM /messages/modules/Opc_Publisher/* INTO $upstream"
                  },
                  "Opc_Publisher": { "properties.desired": { "interval": 10 } }
                }
              }
            }
            """;

        var result = Convert(ManifestDocument.Parse(layered), "O2");

        Assert.Equal(layered.Replace("modules.Opc_Publisher", "modules.opc-publisher").Replace("modules/Opc_Publisher/", "modules/opc-publisher/")
            .Replace("\"Opc_Publisher\": {", "\"opc-publisher\": {"), result.Manifest.ToJson());
        Assert.Equal(3, result.Changes.Count);
        Assert.True(result.Manifest.IsLayered);
        Assert.Equal("opc-publisher", Assert.Single(result.Manifest.Modules).Name);
        AssertIdempotent(result, "O2");
    }

    /// <summary>A layer that adds MyFilter and routes to it from SimulatedSensor and tempsensor, which the base deployment defines.</summary>
    private const string Layer = """
        {
          "content": {
            "modulesContent": {
              "$edgeAgent": {
                "properties.desired.modules.MyFilter": { "type": "docker", "settings": { "image": "filter:1", "createOptions": "{}" } }
              },
              "$edgeHub": {
                "properties.desired.routes.sensorToFilter": "FROM /messages/modules/SimulatedSensor/* INTO BrokeredEndpoint(\"/modules/MyFilter/inputs/in\")",
                "properties.desired.routes.tempToUpstream": "FROM /messages/modules/tempsensor/* WHERE $connectionModuleId = 'tempsensor' INTO $upstream"
              },
              "SimulatedSensor": { "properties.desired.SendInterval": 5 }
            }
          }
        }
        """;

    [Fact]
    public void LayeredRoutesAndTwinsOfAnotherDeploymentsModuleFollowTheRenameItsConversionMakes()
    {
        // The base deployment's conversion renames SimulatedSensor 'simulatedsensor': the layer's references must follow,
        // or its route and desired properties name a module that is gone once both are deployed. tempsensor keeps its id.
        var manifest = ManifestDocument.Parse(Layer);

        var findings = Check(manifest, "O2");
        var result = Convert(manifest, "O2");

        Assert.Equal(new[]
        {
            "O2 Information - $.content.modulesContent['$edgeHub']['properties.desired.routes.sensorToFilter'] fixable",
            "O2 Warning - $.content.modulesContent['$edgeHub']['properties.desired.routes.sensorToFilter'] fixable",
            "O2 Warning - $.content.modulesContent.SimulatedSensor fixable",
            "O2 Warning MyFilter  fixable",
        }, Summary(findings));
        Assert.Contains("Route 'sensorToFilter' refers to module 'SimulatedSensor', which this layered deployment does not define; the deployment that does is converted with the module renamed 'simulatedsensor'", findings[1].Message);
        Assert.Contains("The module twin section 'SimulatedSensor' is for module 'SimulatedSensor', which this layered deployment does not define", findings[2].Message);
        Assert.Equal(Layer.Replace("modules.MyFilter", "modules.myfilter").Replace("modules/MyFilter/", "modules/myfilter/")
            .Replace("modules/SimulatedSensor/", "modules/simulatedsensor/").Replace("\"SimulatedSensor\": {", "\"simulatedsensor\": {"), result.Manifest.ToJson());
        Assert.Equal(new[] { ("MyFilter", "myfilter"), ("SimulatedSensor", "simulatedsensor") },
            result.ModuleRenames.Select(r => (r.Key, r.Value)));
        Assert.DoesNotContain(result.RemainingFindings, f => f.RuleId == "O2");
        AssertIdempotent(result, "O2");
    }

    /// <summary>
    /// A layer that defines file_mover and sets one setting each of it, of Opc_Publisher (which the base deployment
    /// defines) and of edgeHub, with keys that go past the module id, as IoT Hub merges twin paths.
    /// </summary>
    private const string SettingsLayer = """
        {
          "content": {
            "modulesContent": {
              "$edgeAgent": {
                "properties.desired.modules.file_mover": { "type": "docker", "settings": { "image": "mover:1", "createOptions": "{}" } },
                "properties.desired.modules.file_mover.env.LEVEL": { "value": "debug" },
                "properties.desired.modules.Opc_Publisher.settings.image": "opc:2",
                "properties.desired.systemModules.edgeHub.env.OptimizeForPerformance": { "value": "false" }
              },
              "$edgeHub": {}
            }
          }
        }
        """;

    [Fact]
    public void ALayersKeyThatSetsOneSettingOfAModuleFollowsTheModulesRename()
    {
        // Twin property names hold no '.': "file_mover.env.LEVEL" sets env.LEVEL of file_mover, it is no module 'file_mover.env.LEVEL'
        // (which O2 had renamed 'file-mover-env-level', and K6 had called the string "opc:2" a definition that is no object).
        var manifest = ManifestDocument.Parse(SettingsLayer);

        var findings = Check(manifest, "O2");
        var result = Convert(manifest, "O2");

        Assert.Equal(new[] { "file_mover" }, manifest.Modules.Where(m => !m.IsSystemModule).Select(m => m.Name));
        Assert.Equal(new[] { ("file_mover", "env.LEVEL", false), ("Opc_Publisher", "settings.image", false), ("edgeHub", "env.OptimizeForPerformance", true) },
            manifest.ModuleSettingKeys.Select(k => (k.ModuleId, k.Setting, k.IsSystemModule)));
        Assert.Equal(new[]
        {
            "O2 Information - $.content.modulesContent['$edgeAgent']['properties.desired.modules.file_mover.env.LEVEL'] fixable",
            "O2 Warning - $.content.modulesContent['$edgeAgent']['properties.desired.modules.Opc_Publisher.settings.image'] fixable",
            "O2 Warning file_mover  fixable",
        }, Summary(findings));
        Assert.Equal("Key 'properties.desired.modules.file_mover.env.LEVEL' sets env.LEVEL of module 'file_mover', which is to be renamed 'file-mover'.", findings[0].Message);
        Assert.StartsWith("Key 'properties.desired.modules.Opc_Publisher.settings.image' sets settings.image of module 'Opc_Publisher', which this layered deployment does not define; the deployment that does is converted with the module renamed 'opc-publisher'", findings[1].Message);
        Assert.Equal(SettingsLayer.Replace("modules.file_mover", "modules.file-mover").Replace("modules.Opc_Publisher", "modules.opc-publisher"), result.Manifest.ToJson());
        Assert.Contains(result.Changes, c => c.Description == "Key 'properties.desired.modules.file_mover.env.LEVEL' follows module 'file_mover', renamed 'file-mover'.");
        Assert.Equal(new[] { ("file-mover", "env.LEVEL"), ("opc-publisher", "settings.image"), ("edgeHub", "env.OptimizeForPerformance") },
            result.Manifest.ModuleSettingKeys.Select(k => (k.ModuleId, k.Setting)));
        AssertIdempotent(result, "O2");
    }

    [Fact]
    public void ALayersKeysThatSetOneSettingAreNotedAsNotChecked()
    {
        var findings = Check(ManifestDocument.Parse(SettingsLayer), "K6");

        Assert.Equal(new[] { "K6 Information - ", "K6 Information - ", "K6 Information - " }, findings.Select(f => $"{f.RuleId} {f.Severity} {f.ModuleName ?? "-"} "));
        Assert.Equal(
            "Key 'properties.desired.systemModules.edgeHub.env.OptimizeForPerformance' sets env.OptimizeForPerformance of module 'edgeHub' (a twin property name holds no '.', so the module's id ends at the first): IoT Hub merges it into the module's definition, in whichever deployment for the device defines the module. The rules read whole module definitions, so this setting is not checked.",
            findings[2].Message);
        Assert.EndsWith("['properties.desired.systemModules.edgeHub.env.OptimizeForPerformance']", findings[2].Location);
    }

    [Fact]
    public void ModuleNameMapRenamesAnotherDeploymentsModuleInALayersReferences()
    {
        var options = new ConversionOptions { Rules = Only("O2") };
        options.ModuleNameMap["SimulatedSensor"] = "sensor";
        options.ModuleNameMap["tempsensor"] = "temperature";

        var result = ManifestConverter.Convert(ManifestDocument.Parse(Layer), options);

        Assert.Equal(new[] { "FROM /messages/modules/sensor/* INTO BrokeredEndpoint(\"/modules/myfilter/inputs/in\")",
            "FROM /messages/modules/temperature/* WHERE $connectionModuleId = 'temperature' INTO $upstream" }, result.Manifest.Routes.Select(r => r.Text));
        Assert.Equal("sensor", Assert.Single(result.Manifest.ModuleTwins).ModuleId);
        Assert.Equal(new[] { "MyFilter", "SimulatedSensor", "tempsensor" }, result.ModuleRenames.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
    }

    [Fact]
    public void ALayersReferenceWhoseRenameThisLayerTakesIsLeftAndExplained()
    {
        // The base's conversion cannot see that this layer already has a module named simulatedsensor.
        var layer = Layer.Replace("modules.MyFilter", "modules.simulatedsensor").Replace("modules/MyFilter/", "modules/simulatedsensor/");

        var findings = Check(ManifestDocument.Parse(layer), "O2");
        var result = Convert(ManifestDocument.Parse(layer), "O2");

        var finding = Assert.Single(findings);
        Assert.Equal("O2 Warning -  manual", Summary(finding));
        Assert.Contains("refers to module 'SimulatedSensor', which it does not define; the deployment that does is converted with the module renamed 'simulatedsensor', which this deployment uses for something else", finding.Message);
        Assert.Empty(result.Changes);
        Assert.Empty(result.ModuleRenames);
    }

    [Fact]
    public void ADeploymentThatStandsAloneRenamesNoReferenceToAModuleItLacks()
    {
        // Without layers, a route naming a module the deployment lacks names nothing, whatever other deployments hold.
        var manifest = ManifestDocument.Parse(Manifest);

        var result = Convert(manifest, "O2");

        Assert.Contains("FROM /messages/modules/yoloModuleV2/* INTO $upstream", result.Manifest.Routes.Select(r => r.Text));
        Assert.DoesNotContain("yoloModuleV2", result.ModuleRenames.Keys);
    }

    [Fact]
    public void LayeredDeploymentKeysAreRenamed()
    {
        var manifest = ManifestDocument.Load(TestPaths.CorpusFile("Azure__iotedge-lorawan-starterkit__LoRaEngine__deployment.layered.template.json"));

        var result = Convert(manifest, "O2");

        var change = Assert.Single(result.Changes);
        Assert.Equal(("IotHubMetricsCollectorModule", "\"iothubmetricscollectormodule\""), (change.ModuleName, change.After));
        Assert.Contains("\"properties.desired.modules.iothubmetricscollectormodule\": {", result.Manifest.ToJson());
        Assert.DoesNotContain("IotHubMetricsCollectorModule", result.Manifest.ToJson());
        Assert.Equal("iothubmetricscollectormodule", Assert.Single(result.Manifest.Modules, m => !m.IsSystemModule).Name);
        AssertIdempotent(result, "O2");
    }

    [Fact]
    public void CorpusGpuReferenceModuleIsRenamedWithItsRouteAndTwin()
    {
        var manifest = ManifestDocument.Load(TestPaths.CorpusFile("Azure-Samples__azure-intelligent-edge-patterns__GpuReferenceModules__SampleSolution__deployment.k8s.template.json"));

        var result = Convert(manifest, "O2");

        Assert.Equal(3, result.Changes.Count);
        Assert.Equal("FROM /messages/modules/gpumodule/outputs/* INTO $upstream", Assert.Single(result.Manifest.Routes).Text);
        Assert.Equal("gpumodule", Assert.Single(result.Manifest.ModuleTwins).ModuleId);
        Assert.DoesNotContain(result.RemainingFindings, f => f.RuleId == "O2");
    }

    [Fact]
    public void CorpusTemplateModuleIdsThatANotebookReplacesAreKeptAndExplained()
    {
        // Azure Machine Learning's notebook replaces __MODULE_NAME as text before deploying: renamed, it would replace nothing.
        var manifest = ManifestDocument.Load(TestPaths.CorpusFile("Azure-Samples__azure-intelligent-edge-patterns__machine-learning-notebooks__deploying-on-iotedge__iotedge-tf-template-gpu.json"));

        var finding = Assert.Single(Check(manifest, "O2"));
        var result = Convert(manifest, "O2");

        Assert.Equal("O2 Information __MODULE_NAME  manual", Summary(finding));
        Assert.Contains("is a template placeholder, kept as it is", finding.Message);
        Assert.Empty(result.Changes);
        Assert.Contains(result.Manifest.Modules, m => m.Name == "__MODULE_NAME");
        Assert.Contains("/messages/modules/__MODULE_NAME/", Assert.Single(result.Manifest.Routes).Text);
        Assert.Equal("__MODULE_NAME", Assert.Single(result.Manifest.ModuleTwins).ModuleId);
    }

    [Fact]
    public void AModuleNameMapRenamesAPlaceholderIdWithItsRouteAndTwin()
    {
        var manifest = ManifestDocument.Load(TestPaths.CorpusFile("Azure-Samples__azure-intelligent-edge-patterns__machine-learning-notebooks__deploying-on-iotedge__iotedge-tf-template-gpu.json"));

        var result = Convert(manifest, "O2", options => options.ModuleNameMap["__MODULE_NAME"] = "scorer");

        Assert.Equal(3, result.Changes.Count);
        Assert.Contains(result.Manifest.Modules, m => m.Name == "scorer");
        Assert.Contains("/messages/modules/scorer/", Assert.Single(result.Manifest.Routes).Text);
        Assert.Equal("scorer", Assert.Single(result.Manifest.ModuleTwins).ModuleId);
        Assert.DoesNotContain(result.RemainingFindings, f => f.RuleId == "O2");
    }

    [Theory]
    [InlineData("__MODULE_NAME", true)]
    [InlineData("__AML_MODULE_NAME", true)]
    [InlineData("__MODULE2", true)]
    [InlineData("${MODULE_NAME}", true)]
    [InlineData("<module name>", true)]
    [InlineData("__module_name", false)]
    [InlineData("__123", false)]
    [InlineData("__", false)]
    [InlineData("MY__MODULE", false)]
    [InlineData("_MODULE_NAME", false)]
    public void PlaceholderIds(string id, bool placeholder) => Assert.Equal(placeholder, TemplateText.IsPlaceholderId(id));

    [Fact]
    public void ARenamedModuleNeverTakesAKeyAlreadyUsedForSomethingElse()
    {
        // Found by the conversion properties: "Filter" became "filter" beside a "filter" entry that is not a module
        // definition (a duplicate key), and "Sink" would have taken the twin section left by a module that is gone.
        var manifest = ManifestDocument.Parse("""
            {"modulesContent": {
              "$edgeAgent": {"properties.desired": {"schemaVersion": "1.0", "modules": {
                "filter": "not a module definition",
                "Filter": {"type": "docker", "settings": {"image": "filter:1"}},
                "Sink": {"type": "docker", "settings": {"image": "sink:1"}}}}},
              "$edgeHub": {"properties.desired": {"schemaVersion": "1.0", "routes": {}}},
              "filter": {"properties.desired": {"threshold": 25}},
              "sink": {"properties.desired": {"old": true}}}}
            """);

        var result = Convert(manifest, "O2");

        Assert.Equal(new[] { "O2 Filter : \"Filter\" -> \"filter-2\"", "O2 Sink : \"Sink\" -> \"sink-2\"" }, Describe(result.Changes));
        Assert.DoesNotContain(result.Manifest.Diagnostics, d => d.Id == "DuplicateKey");
        Assert.Equal(new[] { "filter", "sink" }, result.Manifest.ModuleTwins.Select(t => t.ModuleId));
        AssertIdempotent(result, "O2");
    }
}

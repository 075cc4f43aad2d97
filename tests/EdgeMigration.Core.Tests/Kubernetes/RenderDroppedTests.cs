using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using EdgeMigration.Core.Rules.Network;
using Xunit;
using static EdgeMigration.Tests.Kubernetes.RenderKit;

namespace EdgeMigration.Tests.Kubernetes;

/// <summary>What the preview leaves out, and whole modules it cannot render.</summary>
public class RenderDroppedTests
{
    [Fact]
    public void SettingsTheAgentDoesNotReadAreListedWithTheRulesWords()
    {
        var module = Render("""{"User":"1000","Volumes":{"/data":{}},"HostConfig":{"LogConfig":{"Type":"json-file"},"RestartPolicy":{"Name":"always"}},"k8s-experimental":{"service-options":{},"affinity":{}}}""",
            edit: m => m.FindModule(Module)!.Definition.Set("startupOrder", JValue.Number(2)));

        Assert.Equal(new[]
        {
            "Ignored startupOrder", "Ignored User", "Ignored Volumes", "Ignored HostConfig.LogConfig", "Ignored HostConfig.RestartPolicy",
            "Ignored k8s-experimental.service-options", "Ignored k8s-experimental.affinity",
        }, Dropped(module));
        Assert.Contains("securityContext.runAsUser", DroppedAt(module, "User").Advice);
        Assert.Equal("$.modulesContent['$edgeAgent']['properties.desired'].modules.m.startupOrder", DroppedAt(module, "startupOrder").ManifestPath);
        Assert.Equal("2", DroppedAt(module, "startupOrder").Value);
    }

    [Theory]
    [InlineData("""{"Env":"A=1"}""", "Env")]
    [InlineData("""{"Labels":{"tier":["a"]}}""", "Labels.tier")]
    [InlineData("""{"ExposedPorts":["80/tcp"]}""", "ExposedPorts")]
    [InlineData("""{"HostConfig":{"Privileged":"yes"}}""", "HostConfig.Privileged")]
    [InlineData("""{"HostConfig":{"Privileged":null}}""", "HostConfig.Privileged")]
    public void AFieldTheAgentsModelCannotHoldFailsTheModuleAsK4Says(string createOptions, string location)
    {
        var module = Render(createOptions);
        var finding = Assert.Single(EdgeMigration.Tests.RuleTestKit.Check(ManifestBuilder.Deployment((Module, createOptions, null)), "K4"));

        Assert.True(module.Fails);
        var failed = DroppedAt(module, location);
        Assert.Equal((DropEffect.Fails, finding.Message, finding.Recommendation), (failed.Effect, failed.Reason, failed.Advice));
        // The agent reads every module's createOptions as it reads the deployment: the exception refuses it whole.
        Assert.True(failed.StopsDeployment);
    }

    [Fact]
    public void CreateOptionsThatAreNoJsonObjectStopTheWholeDeployment()
    {
        var rendering = KubernetesRenderer.Render(ManifestBuilder.Deployment(("broken", "[1]"), ("fine", "{}")));
        var broken = rendering.Modules.Single(m => m.ModuleName == "broken");

        Assert.Empty(broken.Resources);
        Assert.Equal("The module's createOptions must be a JSON object, not an array; no agent can read the module's createOptions, so the agent refuses the whole deployment as invalid and deploys none of its modules.",
            Assert.Single(broken.Dropped, d => d.StopsDeployment).Reason);
        Assert.Equal(new[] { "broken" }, Assert.Single(rendering.Modules.Single(m => m.ModuleName == "fine").Dropped).StoppedBy);
    }

    [Fact]
    public void AModuleWhoseObjectsTheAgentCannotMakeStopsEveryModuleOfTheDeployment()
    {
        // The agent makes every module's objects before it applies any: a mount without Target throws, and nothing is deployed.
        var rendering = KubernetesRenderer.Render(ManifestBuilder.Deployment(
            ("broken", """{"HostConfig":{"Mounts":[{"Type":"volume","Source":"share1"}]}}"""), ("fine", "{}")));
        var broken = rendering.Modules.Single(m => m.ModuleName == "broken");
        var fine = rendering.Modules.Single(m => m.ModuleName == "fine");

        Assert.True(Assert.Single(broken.Dropped, d => d.Effect == DropEffect.Fails).StopsDeployment);
        var note = Assert.Single(fine.Dropped);
        Assert.Equal((DropEffect.Fails, "", false, "broken"), (note.Effect, note.Location, note.StopsDeployment, string.Join(",", note.StoppedBy!)));
        Assert.Equal("Module 'broken' stops the whole deployment, so this module is not deployed either.", note.Reason);
        Assert.True(fine.Fails);
        Assert.True(rendering.Modules.Single(m => m.ModuleName == "edgeHub").Fails);
        // edgeAgent is the device's own, never deployed from the manifest.
        Assert.DoesNotContain(rendering.Modules.Single(m => m.ModuleName == "edgeAgent").Dropped, d => d.Effect == DropEffect.Fails);
    }

    [Theory]
    [InlineData("""{"HostConfig":{"Binds":"/data:/data"}}""", "HostConfig.Binds")]
    [InlineData("""{"HostConfig":{"Binds":[["/data","/data"]]}}""", "HostConfig.Binds[0]")]
    [InlineData("""{"HostConfig":{"Mounts":{"Type":"bind"}}}""", "HostConfig.Mounts")]
    [InlineData("""{"HostConfig":{"Mounts":[42]}}""", "HostConfig.Mounts[0]")]
    [InlineData("""{"HostConfig":{"Mounts":[{"Type":"bind","Source":"/s","Target":"/t","ReadOnly":"yes"}]}}""", "HostConfig.Mounts[0].ReadOnly")]
    [InlineData("""{"HostConfig":{"Mounts":[{"Type":{"bind":true},"Source":"/s","Target":"/t"}]}}""", "HostConfig.Mounts[0].Type")]
    [InlineData("""{"HostConfig":{"PortBindings":"80:80"}}""", "HostConfig.PortBindings")]
    [InlineData("""{"HostConfig":{"PortBindings":{"80/tcp":"80"}}}""", "HostConfig.PortBindings['80/tcp']")]
    [InlineData("""{"HostConfig":{"PortBindings":{"80/tcp":["80"]}}}""", "HostConfig.PortBindings['80/tcp'][0]")]
    [InlineData("""{"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":{"port":80}}]}}}""", "HostConfig.PortBindings['80/tcp'][0].HostPort")]
    public void BindsMountsOrPortBindingsTheAgentCannotReadStopEveryModule(string createOptions, string location)
    {
        // The agent reads every module's createOptions with the deployment (DockerConfig), as rules S1, K9 and K10 say.
        var failure = FailureThatStopsEveryModule(createOptions, location);

        Assert.EndsWith("so the agent refuses the whole deployment as invalid and deploys none of its modules.", failure.Reason);
    }

    /// <summary>
    /// Renders module "broken" with <paramref name="createOptions"/> beside "fine": asserts that "broken" fails for one
    /// setting, at <paramref name="location"/>, that stops the whole deployment, and that "fine" is not deployed for it.
    /// </summary>
    private static DroppedSetting FailureThatStopsEveryModule(string createOptions, string location)
    {
        var rendering = KubernetesRenderer.Render(ManifestBuilder.Deployment(("broken", createOptions), ("fine", "{}")));

        var failure = Assert.Single(rendering.Modules.Single(m => m.ModuleName == "broken").Dropped, d => d.Effect == DropEffect.Fails);
        Assert.Equal((location, true), (failure.Location, failure.StopsDeployment));
        Assert.Equal("broken", string.Join(",", Assert.Single(rendering.Modules.Single(m => m.ModuleName == "fine").Dropped).StoppedBy!));
        return failure;
    }

    [Theory]
    [InlineData("""{"HostConfig":{"Binds":${BINDS}}}""", "HostConfig.Binds")]
    [InlineData("""{"HostConfig":{"Binds":[${DATA_BIND}]}}""", "HostConfig.Binds[0]")]
    [InlineData("""{"HostConfig":{"Binds":["$DATA_BIND"]}}""", "HostConfig.Binds[0]")]
    [InlineData("""{"HostConfig":{"Binds":["<data bind>"]}}""", "HostConfig.Binds[0]")]
    [InlineData("""{"HostConfig":{"Mounts":"${MOUNTS}"}}""", "HostConfig.Mounts")]
    [InlineData("""{"HostConfig":{"Mounts":[${MOUNT}]}}""", "HostConfig.Mounts[0]")]
    [InlineData("""{"HostConfig":{"Mounts":[{"Type":${TYPE},"Source":"input","Target":${TARGET}}]}}""", "HostConfig.Mounts[0].Type")]
    [InlineData("""{"HostConfig":{"Mounts":[{"Type":"<type>","Source":"input","Target":"/in"}]}}""", "HostConfig.Mounts[0].Type")]
    [InlineData("""{"HostConfig":{"PortBindings":${PORTS}}}""", "HostConfig.PortBindings")]
    [InlineData("""{"HostConfig":{"PortBindings":{"80/tcp":${BINDINGS}}}}""", "HostConfig.PortBindings['80/tcp']")]
    [InlineData("""{"HostConfig":{"PortBindings":{"80/tcp":["<binding>"]}}}""", "HostConfig.PortBindings['80/tcp'][0]")]
    public void BindsMountsOrPortBindingsATemplateFillsInArePending(string createOptions, string location)
    {
        var module = Render(createOptions);

        Assert.Equal(new[] { "Pending " + location }, Dropped(module));
        Assert.False(module.Fails);
    }

    [Theory]
    [InlineData("""{"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":${PORT}}]}}}""")]
    [InlineData("""{"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":"$PORT"}]}}}""")]
    [InlineData("""{"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":"<port>"}]}}}""")]
    public void AHostPortATemplateFillsInIsPendingAsK10LeavesIt(string createOptions)
    {
        // Not "skipped as no whole number": the agent reads the expanded port, as K10 and N1 leave it to.
        var module = Render(createOptions);

        Assert.Equal(new[] { "Pending HostConfig.PortBindings['80/tcp'][0].HostPort" }, Dropped(module));
        Assert.Empty(EdgeMigration.Tests.RuleTestKit.Check(ManifestBuilder.Deployment((Module, createOptions, null)), "K10"));
    }

    [Theory]
    [InlineData("""{"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":"70000"}]}}}""", "HostConfig.PortBindings['80/tcp'][0]")]
    [InlineData("""{"HostConfig":{"PortBindings":{"70000/tcp":[{"HostPort":"7000"}]}}}""", "HostConfig.PortBindings['70000/tcp']")]
    [InlineData("""{"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":"8080"},{"HostPort":"8081"}]}}}""", "HostConfig.PortBindings['80/tcp'][1]")]
    public void AServiceTheApiServerRefusesStopsEveryModule(string createOptions, string location)
    {
        // The agent applies every module's Service before any Deployment (DeployModulesAsync): the refusal ends the pass.
        var failure = FailureThatStopsEveryModule(createOptions, location);

        Assert.EndsWith("the agent applies every module's Service before any Deployment and stops at a refused one, so the whole deployment fails.", failure.Reason);
    }

    [Theory]
    [InlineData("a.b")]
    [InlineData("1cam")]
    public void AServiceNamedAfterAnIdThatIsNoServiceNameStopsEveryModule(string id)
    {
        // The Service takes the module's name, which Kubernetes refuses when it is no DNS-1035 label, as it applies every Service first.
        var rendering = KubernetesRenderer.Render(ManifestBuilder.Deployment((id, """{"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":"8080"}]}}}"""), ("fine", "{}")));

        var stop = Assert.Single(rendering.Modules.Single(m => m.ModuleName == id).Dropped, d => d.StopsDeployment);
        Assert.StartsWith($"Module id '{id}' becomes '{id}' on the device, the name of the module's Service, which Kubernetes refuses", stop.Reason);
        Assert.EndsWith($"{PortKey.ServiceRefused} (rule O2).", stop.Reason);
        Assert.Equal(id, string.Join(",", Assert.Single(rendering.Modules.Single(m => m.ModuleName == "fine").Dropped).StoppedBy!));
    }

    [Fact]
    public void AnIdThatIsNoServiceNameFailsItsModuleOnlyWithoutAService()
    {
        // No Service without ports; "a.b" is no container name either (its Deployment is refused), "9lives" is one.
        var rendering = KubernetesRenderer.Render(ManifestBuilder.Deployment(("a.b", "{}"), ("9lives", "{}"), ("fine", "{}")));

        Assert.True(rendering.Modules.Single(m => m.ModuleName == "a.b").Fails);
        Assert.DoesNotContain(rendering.Modules.SelectMany(m => m.Dropped), d => d.StopsDeployment);
        Assert.False(rendering.Modules.Single(m => m.ModuleName == "9lives").Fails);
        Assert.False(rendering.Modules.Single(m => m.ModuleName == "fine").Fails);
    }

    [Theory]
    [InlineData("""{"HostConfig":{"PortBindings":{"80/tcp":null}}}""", "HostConfig.PortBindings['80/tcp']")]
    [InlineData("""{"HostConfig":{"PortBindings":{"80/tcp":[null]}}}""", "HostConfig.PortBindings['80/tcp'][0]")]
    public void NullBindingsStopEveryModule(string createOptions, string location)
    {
        // Json.NET reads null, then the agent's Service mapping (PortExtensions.GetHostPorts) throws on it, before it applies anything.
        var failure = FailureThatStopsEveryModule(createOptions, location);

        Assert.EndsWith("the GPU device's agent reads it, then fails on it as it makes the module's Service, so the whole deployment fails.", failure.Reason);
    }

    [Fact]
    public void ADeploymentTheApiServerRefusesFailsItsModuleOnly()
    {
        // Deployments are applied after every Service, so the others are. The refusal also ends the pass before the
        // ServiceAccounts step, which matters only where a module's ServiceAccount does not exist yet: not modelled.
        var rendering = KubernetesRenderer.Render(ManifestBuilder.Deployment(("refused", """{"Env":["A:B=1"]}"""), ("fine", "{}")));

        Assert.True(rendering.Modules.Single(m => m.ModuleName == "refused").Fails);
        Assert.False(rendering.Modules.Single(m => m.ModuleName == "fine").Fails);
        Assert.DoesNotContain(rendering.Modules.SelectMany(m => m.Dropped), d => d.StopsDeployment || d.StoppedBy is not null);
    }

    [Fact]
    public void ASectionNotSpelledExactlyIsDroppedWhole()
    {
        var module = Render("""{"K8s-Experimental":{"resources":{"limits":{"nvidia.com/gpu":1}}}}""");

        Assert.Equal(new[] { "Ignored K8s-Experimental" }, Dropped(module));
        Assert.Null(Container(module)["resources"]);
    }

    [Fact]
    public void ASectionThatIsNotAnObjectIsIgnoredWholeAndTheModuleDeploys()
    {
        // KubernetesExperimentalCreatePodParameters logs "Unable to parse Kubernetes CreateOptions" and reads no extension.
        var module = Render("""{"k8s-experimental":"Recreate","ExposedPorts":{"80/tcp":{}}}""");
        var empty = Render("""{"k8s-experimental":null}""");

        Assert.Equal(new[] { "Ignored k8s-experimental" }, Dropped(module));
        Assert.False(module.Fails);
        Assert.Null(Node(Deployment(module), "spec.strategy"));
        Assert.Equal("[{\"containerPort\":80,\"protocol\":\"TCP\"}]", Compact(Container(module), "ports"));
        Assert.Empty(empty.Dropped);
    }

    [Fact]
    public void GpuRequestsThatDifferFromLimitsFailTheModuleAsK12Says()
    {
        var unequal = Render("""{"k8s-experimental":{"resources":{"limits":{"nvidia.com/gpu":1,"memory":"1Gi"},"requests":{"nvidia.com/gpu":2,"memory":"512Mi"}}}}""");
        var equal = Render("""{"k8s-experimental":{"resources":{"limits":{"nvidia.com/gpu":1},"requests":{"nvidia.com/gpu":"1"}}}}""");

        var failed = Assert.Single(unequal.Dropped);
        Assert.Equal((DropEffect.Fails, "k8s-experimental.resources.requests['nvidia.com/gpu']"), (failed.Effect, failed.Location));
        Assert.Contains("HTTP 422", failed.Reason);
        Assert.True(unequal.Fails);
        Assert.Empty(equal.Dropped);
        Assert.False(equal.Fails);
    }

    [Fact]
    public void FractionsOfAGpuFailTheModuleWhereK12ReportsThem()
    {
        const string Options = """{"k8s-experimental":{"resources":{"limits":{"nvidia.com/gpu":0.5,"cpu":"0.5","hugepages-2Mi":"1Mi"},"requests":{"example.com/dongle":"500m"}}}}""";
        var module = Render(Options);

        Assert.Equal(new[]
        {
            "Fails k8s-experimental.resources.limits['nvidia.com/gpu']",
            // Less than one page: huge pages come whole.
            "Fails k8s-experimental.resources.limits.hugepages-2Mi",
            "Fails k8s-experimental.resources.requests['example.com/dongle']",
            "Fails k8s-experimental.resources.requests['example.com/dongle']",
        }, Dropped(module));
        Assert.Contains("is not a whole number; Kubernetes hands out an extended resource such as 'nvidia.com/gpu' only whole, so the API server refuses it (\"must be an integer\")", module.Dropped[0].Reason);
        var check = RuleEngine.Check(ManifestBuilder.Deployment((Module, Options)), new RuleSelection(new[] { "K12" }, null));
        Assert.Equal(check.Select(f => f.Location), module.Dropped.Select(d => d.Location));
    }

    [Fact]
    public void RequestsAboveLimitsAndGpusRequestedWithoutALimitFailTheModuleInTheWordsOfK12()
    {
        const string Options = """{"k8s-experimental":{"resources":{"limits":{"memory":"256Mi","cpu":"500m"},"requests":{"memory":"1Gi","cpu":"0.5","nvidia.com/gpu":"1"}}}}""";
        var module = Render(Options);

        Assert.Equal(new[] { "Fails k8s-experimental.resources.requests.memory", "Fails k8s-experimental.resources.requests['nvidia.com/gpu']" }, Dropped(module));
        Assert.True(module.Fails);
        var check = RuleEngine.Check(ManifestBuilder.Deployment((Module, Options)), new RuleSelection(new[] { "K12" }, null));
        Assert.Equal(check.Select(f => f.Location), module.Dropped.Select(d => d.Location));
        Assert.Equal(check.Select(f => f.Recommendation), module.Dropped.Select(d => d.Advice));
        Assert.Equal(
            "requests.memory (\"1Gi\") is above limits.memory (\"256Mi\"); the Kubernetes API server refuses a request above its limit (\"must be less than or equal to memory limit of 256Mi\") and with it the module's Deployment (HTTP 422), so the module is not deployed.",
            module.Dropped[0].Reason);
        Assert.Contains("(\"Limit must be set for non overcommitable resources\")", module.Dropped[1].Reason);
    }

    [Fact]
    public void RefusedResourcesFailTheModuleWhereAndAsK12SaysQuotingTheValuesAsWritten()
    {
        const string Options = """{"k8s-experimental":{"Resources":{"Limits":{"cpu":"0.5","nvidia.com/gpu":1,"example.com/dongle":1.5},"Requests":{"cpu":1,"nvidia.com/gpu":2}}}}""";
        var module = Render(Options);
        var check = RuleEngine.Check(ManifestBuilder.Deployment((Module, Options)), new RuleSelection(new[] { "K12" }, null));

        Assert.Equal(3, module.Dropped.Count);
        Assert.Equal(check.Select(f => (f.Location, f.Message.Replace(", so the module never runs.", ""))),
            module.Dropped.Select(d => (d.Location, d.Reason.Replace(" (HTTP 422), so the module is not deployed.", ""))));
        Assert.StartsWith("Limits['example.com/dongle'] (1.5) is not a whole number", module.Dropped[0].Reason);
        // The keys as the user spelt them, as in the location.
        Assert.StartsWith("Requests.cpu (1) is above Limits.cpu (\"0.5\")", module.Dropped[1].Reason);
        Assert.Contains("(\"must be less than or equal to cpu limit of 500m\")", module.Dropped[1].Reason);
        Assert.Equal("1", module.Dropped[1].Value);
    }

    [Theory]
    [InlineData("""{"type":"recreate"}""", "k8s-experimental.strategy.type")]
    [InlineData("""{"Type":"Recreate","rollingUpdate":{"maxSurge":1}}""", "k8s-experimental.strategy.rollingUpdate")]
    [InlineData("""{"rollingUpdate":{"maxSurge":"0%","maxUnavailable":0}}""", "k8s-experimental.strategy.rollingUpdate.maxUnavailable")]
    [InlineData("""{"rollingUpdate":{"maxUnavailable":"150%"}}""", "k8s-experimental.strategy.rollingUpdate.maxUnavailable")]
    [InlineData("""{"rollingUpdate":{"maxSurge":-1}}""", "k8s-experimental.strategy.rollingUpdate.maxSurge")]
    public void RefusedStrategiesFailTheModuleWhereAndAsK17Says(string strategy, string location)
    {
        var options = "{\"k8s-experimental\":{\"strategy\":" + strategy + "}}";
        var module = Render(options);

        Assert.Equal(location, Assert.Single(module.Dropped).Location);
        AssertFailsAsTheRuleSays(module, options, "K17");
    }

    [Fact]
    public void StrategiesTheApiServerTakesDeploy()
    {
        var module = Render("""{"k8s-experimental":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":0,"maxUnavailable":1}}}}""");

        Assert.Empty(module.Dropped);
        Assert.Equal("""{"rollingUpdate":{"maxSurge":0,"maxUnavailable":1},"type":"RollingUpdate"}""", Compact(Deployment(module), "spec.strategy"));
    }

    [Fact]
    public void HugePagesWithoutCpuOrMemoryFailTheModuleAsK12Says()
    {
        const string Options = """{"k8s-experimental":{"resources":{"limits":{"hugepages-2Mi":"4Mi"},"requests":{"hugepages-2Mi":"4Mi"}}}}""";
        var module = Render(Options);
        var withMemory = Render("""{"k8s-experimental":{"resources":{"limits":{"hugepages-2Mi":"4Mi","memory":"256Mi"}}}}""");

        var failed = Assert.Single(module.Dropped);
        var check = Assert.Single(RuleEngine.Check(ManifestBuilder.Deployment((Module, Options)), new RuleSelection(new[] { "K12" }, null)));
        Assert.Equal((DropEffect.Fails, "k8s-experimental.resources"), (failed.Effect, failed.Location));
        Assert.Equal(check.Message.Replace(", so the module never runs.", " (HTTP 422), so the module is not deployed."), failed.Reason);
        Assert.Equal(check.Recommendation, failed.Advice);
        Assert.True(module.Fails);
        Assert.Empty(withMemory.Dropped);
    }

    [Fact]
    public void QuantitiesBeyondWhatSystemDecimalHoldsAreReadAndCompared()
    {
        var module = Render("""{"k8s-experimental":{"resources":{"limits":{"memory":"1e30","cpu":1e29},"requests":{"memory":"2e30","cpu":"1e29"}}}}""");

        Assert.Equal(new[] { "Fails k8s-experimental.resources.requests.memory" }, Dropped(module));
    }

    [Fact]
    public void EdgeAgentIsNotRendered()
    {
        var agent = KubernetesRenderer.Render(ManifestBuilder.Deployment(("m", "{}"))).Modules.Single(m => m.ModuleName == "edgeAgent");

        Assert.Empty(agent.Resources);
        Assert.Contains("runs its own edgeAgent", Assert.Single(agent.Dropped).Reason);
    }

    [Theory]
    [InlineData("{\"HostConfig\": ", "")]
    [InlineData("""{"Env":"A=1"}""", "Env")]
    public void EdgeAgentCreateOptionsNoAgentCanReadStopTheWholeDeployment(string createOptions, string location)
    {
        // Not deployed, but read with the deployment all the same (EdgeAgentDockerModule's DockerConfig), as K4 says.
        var manifest = ManifestBuilder.Deployment(("m", "{}"));
        manifest.FindModule("edgeAgent")!.Settings!.Set("createOptions", JValue.String(createOptions));
        var rendering = KubernetesRenderer.Render(ManifestDocument.Parse(manifest.ToJson()));

        var agent = rendering.Modules.Single(m => m.ModuleName == "edgeAgent");
        Assert.Empty(agent.Resources);
        Assert.Equal(location, Assert.Single(agent.Dropped, d => d.StopsDeployment).Location);
        Assert.Equal(new[] { "edgeAgent" }, Assert.Single(rendering.Modules.Single(m => m.ModuleName == "m").Dropped).StoppedBy);
        Assert.True(rendering.Modules.Single(m => m.ModuleName == "edgeHub").Fails);
    }

    [Fact]
    public void CreateOptionsTheAgentCannotReadFailTheModuleAndNothingIsRendered()
    {
        var module = Render("{}", edit: m => m.FindModule(Module)!.Settings!.Set("createOptions", JValue.String("{\"HostConfig\": ")));

        Assert.Empty(module.Resources);
        Assert.Equal(DropEffect.Fails, Assert.Single(module.Dropped).Effect);
    }

    [Fact]
    public void CreateOptionsGivenOnTheirOwnRenderWithoutAnImage()
    {
        // ManifestDocument.FromCreateOptions: the module has createOptions and nothing else, and nothing is said about the image.
        var manifest = ManifestDocument.FromCreateOptions("probe", JDocument.Parse("""{"HostConfig":{"NetworkMode":"host"}}""").Root, "JSON text");
        var module = KubernetesRenderer.Render(manifest).Modules.Single();

        Assert.Empty(module.Dropped);
        Assert.Equal("true", Compact(PodSpec(module)["hostNetwork"]));
        Assert.Null(Container(module)["image"]);
    }

    [Fact]
    public void ThePodPullsWithTheSecretOfTheCredentialForItsRegistry()
    {
        var manifest = ManifestBuilder.Deployment(("m", "{}"));
        var settings = ((JObject)manifest.EdgeAgentDesired!["runtime"]!).ObjectOf("settings")!;
        settings.Set("registryCredentials", JDocument.Parse("""
            {"other": {"username": "u", "password": "other-pull-password", "address": "other.azurecr.io"},
             "acr": {"username": "ContosoPull", "password": "contoso-pull-password", "address": "contoso.azurecr.io"}}
            """).Root);
        var module = KubernetesRenderer.Render(ManifestDocument.Parse(manifest.ToJson())).Modules.Single(m => m.ModuleName == "m");

        Assert.Equal("""[{"name":"contosopull-contoso.azurecr.io"}]""", Compact(PodSpec(module)["imagePullSecrets"]));
        Assert.Equal("Secret/contosopull-contoso.azurecr.io", Assert.Single(module.Resources, r => r.IsReference).ToString());
    }

    [Fact]
    public void ImagesMatchCredentialsByRegistryHost()
    {
        var credentials = new[]
        {
            new RegistryCredential("acr", "u", "contoso.azurecr.io", "$"),
            new RegistryCredential("hub", "u", ImagePullSecrets.DockerHubAddress, "$"),
        };

        Assert.Equal("acr", ImagePullSecrets.For("Contoso.azurecr.io/app:1", credentials)?.Key);
        Assert.Equal("hub", ImagePullSecrets.For("contoso/app:1", credentials)?.Key);
        Assert.Null(ImagePullSecrets.For("nginx:stable", credentials));
        Assert.Null(ImagePullSecrets.For("localhost:5000/app", credentials));
    }
}

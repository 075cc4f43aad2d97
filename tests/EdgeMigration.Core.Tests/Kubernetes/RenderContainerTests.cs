using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Rules;
using Xunit;
using static EdgeMigration.Tests.Kubernetes.RenderKit;

namespace EdgeMigration.Tests.Kubernetes;

/// <summary>kubernetes-mode.md, "Field by field": the container's rows (Env, Entrypoint, Cmd, WorkingDir, Privileged, limits).</summary>
public class RenderContainerTests
{
    [Fact]
    public void EnvSectionComesFirstThenEnvEntriesThenTheAgentsVariables()
    {
        var module = Render("""{"Env":["B=2","NOVALUE","=x","IOTEDGE_MODULEID=mine","C=a=b"]}""", env: """{"A": {"value": "1"}}""");

        Assert.Equal(new[] { "A", "B", "IOTEDGE_MODULEID", "C", "IOTEDGE_AUTHSCHEME", "IOTEDGE_MODULEID", "IOTEDGE_GATEWAYHOSTNAME" }, EnvNames(module));
        // The agent's own IOTEDGE_MODULEID comes last, so it wins over the user's.
        Assert.Equal("""{"name":"IOTEDGE_MODULEID","value":"m"}""", Compact(((JArray)Container(module)["env"]!)[5]));
        Assert.Equal("""{"name":"C","value":"a=b"}""", Compact(((JArray)Container(module)["env"]!)[3]));
        Assert.Equal(new[] { "Ignored Env[1]", "Ignored Env[2]", "Ignored Env[3]" }, Dropped(module));
        Assert.Contains("the module gets the runtime's value there", DroppedAt(module, "Env[3]").Reason);
    }

    [Fact]
    public void AnEnvSectionVariableTheAgentSetsAfterItIsSaidToBeOverridden()
    {
        // KubernetesDeploymentMapper.CollectModuleEnv appends IOTEDGE_WORKLOADURI after the env section; the preview does
        // not show the agent's value, so without a note the module would seem to get the env section's (corpus: spatial
        // analysis' diagnostics module sets IOTEDGE_WORKLOADURI to fd://iotedge.socket).
        var module = Render("{}", env: """{"IOTEDGE_WORKLOADURI": {"value": "fd://iotedge.socket"}, "OTHER": {"value": "1"}, "RuntimeLogLevel": {"value": "debug"}}""");

        Assert.Equal(new[] { "IOTEDGE_WORKLOADURI", "OTHER", "RuntimeLogLevel", "IOTEDGE_AUTHSCHEME", "IOTEDGE_MODULEID", "IOTEDGE_GATEWAYHOSTNAME" }, EnvNames(module));
        var note = DroppedAt(module, "env.IOTEDGE_WORKLOADURI");
        Assert.Equal(DropEffect.Ignored, note.Effect);
        Assert.Contains("appends its own IOTEDGE_WORKLOADURI after the module's variables, so the module gets the runtime's value", note.Reason);
        Assert.DoesNotContain("fd://", note.Reason + note.Value);
        Assert.EndsWith(".modules.m.env.IOTEDGE_WORKLOADURI", note.ManifestPath);
        // The agent adds RuntimeLogLevel only when the module has none: the module's own is kept, so no note.
        Assert.Equal(new[] { "Ignored env.IOTEDGE_WORKLOADURI" }, Dropped(module));
        Assert.False(module.Fails);
    }

    [Fact]
    public void AnEnvSectionVariableAnEnvEntryAlsoSetsHasTheEntrysNoteOnly()
    {
        var module = Render("""{"Env":["IOTEDGE_APIVERSION=2019-01-30"]}""", env: """{"IOTEDGE_APIVERSION": {"value": "2018-06-28"}}""");

        Assert.Equal(new[] { "Ignored Env[0]" }, Dropped(module));
    }

    [Fact]
    public void EdgeHubsEdgeDeviceHostNameIsTheAgentsAsItAppendsItsOwn()
    {
        // CollectModuleEnv gives edgeAgent and edgeHub EdgeDeviceHostName (custom modules IOTEDGE_GATEWAYHOSTNAME) after Env.
        var manifest = ManifestBuilder.Deployment(("m", """{"Env":["EdgeDeviceHostName=mine"]}""", """{"EdgeDeviceHostName": {"value": "mine"}}"""));
        manifest.FindModule("edgeHub")!.CreateOptions!.GetOrCreateRoot().Set("Env", new JArray(new[] { JValue.String("EdgeDeviceHostName=gateway.contoso.com") }));

        var rendering = KubernetesRenderer.Render(manifest);

        var edgeHub = rendering.Modules.Single(m => m.ModuleName == "edgeHub");
        Assert.Equal(new[] { "Ignored Env[0]" }, Dropped(edgeHub));
        Assert.Contains("appends its own EdgeDeviceHostName after the module's", DroppedAt(edgeHub, "Env[0]").Reason);
        // A custom module gets IOTEDGE_GATEWAYHOSTNAME, not EdgeDeviceHostName: its own is the one it gets.
        Assert.Empty(rendering.Modules.Single(m => m.ModuleName == "m").Dropped);
    }

    [Fact]
    public void AnEnvNameKubernetesRefusesFailsTheModule()
    {
        var module = Render("""{"Env":["Logging:Level=Debug"]}""");

        Assert.Equal(new[] { "Fails Env[0]" }, Dropped(module));
        Assert.True(module.Fails);
        Assert.Contains("Logging:Level", EnvNames(module));
    }

    [Fact]
    public void DeviceIdAndHubNameAreLabelsAndVariablesWhenGiven()
    {
        var module = Render("{}", options: new KubernetesRenderOptions { DeviceId = "ASE-GPU_01", IotHubHostName = "contoso.azure-devices.net" });

        Assert.Equal("""{"net.azure-devices.edge.deviceid":"ase-gpu_01","net.azure-devices.edge.hub":"contoso.azure-devices.net","net.azure-devices.edge.module":"m"}""",
            Compact(Deployment(module), "metadata.labels"));
        Assert.Equal(new[] { "IOTEDGE_IOTHUBHOSTNAME", "IOTEDGE_AUTHSCHEME", "IOTEDGE_DEVICEID", "IOTEDGE_MODULEID", "IOTEDGE_GATEWAYHOSTNAME" }, EnvNames(module));
    }

    [Fact]
    public void EntrypointIsTheCommandCmdTheArgsWorkingDirTheWorkingDir()
    {
        var container = Container(Render("""{"Entrypoint":["/bin/sh","-c"],"Cmd":["run","--fast"],"WorkingDir":"/app"}"""));

        Assert.Equal("""["/bin/sh","-c"]""", Compact(container["command"]));
        Assert.Equal("""["run","--fast"]""", Compact(container["args"]));
        Assert.Equal("\"/app\"", Compact(container["workingDir"]));
    }

    [Fact]
    public void EntrypointCmdAndWorkingDirInAnotherCaseAreNotRead()
    {
        // The agent's CreateContainerParameters keeps them in its extension data, a case-sensitive dictionary.
        var module = Render("""{"entrypoint":"/bin/sh -c run","cmd":["run"],"workingdir":"/app"}""");

        Assert.Equal(new[] { "Ignored entrypoint", "Ignored cmd", "Ignored workingdir" }, Dropped(module));
        Assert.Contains("'Entrypoint'", DroppedAt(module, "entrypoint").Advice);
        Assert.Equal(new JNode?[] { null, null, null }, new[] { "command", "args", "workingDir" }.Select(name => Container(module)[name]));
    }

    [Fact]
    public void AStringEntrypointFailsAndIsLeftOut()
    {
        var module = Render("""{"Entrypoint":"/bin/sh -c run"}""");

        Assert.Equal(new[] { "Fails Entrypoint" }, Dropped(module));
        Assert.Null(Container(module)["command"]);
    }

    [Fact]
    public void PrivilegedIsTheContainersSecurityContext()
    {
        Assert.Equal("""{"privileged":true}""", Compact(Container(Render("""{"HostConfig":{"Privileged":true}}"""))["securityContext"]));
        Assert.Null(Container(Render("""{"HostConfig":{"Privileged":false}}"""))["securityContext"]);
    }

    [Theory]
    [InlineData("\"true\"")]
    [InlineData("\" True \"")]
    [InlineData("1")]
    public void PrivilegedIsReadAsJsonNetReadsABoolean(string privileged)
    {
        // The agent reads createOptions into its HostConfig model with Json.NET, which takes these for true.
        Assert.Equal("""{"privileged":true}""", Compact(Container(Render("{\"HostConfig\":{\"privileged\":" + privileged + "}}"))["securityContext"]));
    }

    [Fact]
    public void DockerLimitsAreDroppedAndOnlyKubernetesResourcesCount()
    {
        var module = Render("""
            {"HostConfig":{"Memory":536870912,"NanoCpus":500000000,"CpuShares":512,"ShmSize":1024,"CapAdd":["NET_ADMIN"],"Devices":[{"PathOnHost":"/dev/video0"}]},
             "k8s-experimental":{"Resources":{"Limits":{"memory":"128Mi","nvidia.com/gpu":2},"requests":{"cpu":0.5}}}}
            """);

        Assert.Equal("""{"limits":{"memory":"128Mi","nvidia.com/gpu":"2"},"requests":{"cpu":"0.5"}}""", Compact(Container(module)["resources"]));
        Assert.Equal(new[]
        {
            "Ignored HostConfig.Memory", "Ignored HostConfig.NanoCpus", "Ignored HostConfig.CpuShares", "Ignored HostConfig.ShmSize",
            "Ignored HostConfig.CapAdd", "Ignored HostConfig.Devices[0]",
        }, Dropped(module));
        Assert.Contains("k8s-experimental.resources", DroppedAt(module, "HostConfig.Memory").Advice);
    }

    [Fact]
    public void AQuantityKubernetesCannotReadFailsTheModule()
    {
        var module = Render("""{"k8s-experimental":{"resources":{"limits":{"memory":"lots"}}}}""");

        Assert.Equal(new[] { "Fails k8s-experimental.resources.limits.memory" }, Dropped(module));
        Assert.Equal("""{"limits":{}}""", Compact(Container(module)["resources"]));
    }

    [Fact]
    public void AGpuLimitKubernetesCannotReadIsNotAMissingOne()
    {
        // The agent fails the createOptions and sends no Deployment, so no request is judged against the limits it read.
        var module = Render("""{"k8s-experimental":{"resources":{"limits":{"nvidia.com/gpu":"lots"},"requests":{"nvidia.com/gpu":1}}}}""");

        Assert.Equal(new[] { "Fails k8s-experimental.resources.limits['nvidia.com/gpu']" }, Dropped(module));
    }

    [Fact]
    public void APlaceholderQuantityIsKeptAsWrittenUntilTheTemplateIsExpanded()
    {
        var module = Render("""{"k8s-experimental":{"resources":{"limits":{"nvidia.com/gpu":"${GPUS}"},"requests":{"memory":"${MEM}","nvidia.com/gpu":1}},"securityContext":{"runAsUser":"<uid>"}}}""");

        Assert.Empty(Dropped(module));
        Assert.Equal("""{"limits":{"nvidia.com/gpu":"${GPUS}"},"requests":{"memory":"${MEM}","nvidia.com/gpu":"1"}}""", Compact(Container(module)["resources"]));
        Assert.Equal("""{"runAsUser":"<uid>"}""", Compact(PodSpec(module)["securityContext"]));
    }

    [Fact]
    public void APlaceholderWrittenBareIsKeptAsAString()
    {
        var module = Render("""{"k8s-experimental":{"resources":{"limits":{"nvidia.com/gpu":${GPUS}}}}}""");

        Assert.Empty(Dropped(module));
        Assert.Equal("""{"limits":{"nvidia.com/gpu":"${GPUS}"}}""", Compact(Container(module)["resources"]));
    }

    [Fact]
    public void APlaceholderForAnObjectOrAListIsKeptAsWrittenAndPendingWithoutFailingTheModule()
    {
        var module = Render("""{"k8s-experimental":{"resources":{"limits":"${LIMITS}","requests":{"cpu":"${CPU}"}},"strategy":"${STRATEGY}","securityContext":"<context>","nodeSelector":${NODES},"volumes":"${VOLUMES}"}}""");

        Assert.False(module.Fails);
        Assert.Equal(new[]
        {
            "Pending k8s-experimental.resources.limits",
            "Pending k8s-experimental.strategy",
            "Pending k8s-experimental.securityContext",
            "Pending k8s-experimental.nodeSelector",
            "Pending k8s-experimental.volumes",
        }, Dropped(module));
        Assert.Equal("""{"limits":"${LIMITS}","requests":{"cpu":"${CPU}"}}""", Compact(Container(module)["resources"]));
        Assert.Equal("\"${STRATEGY}\"", Compact(Deployment(module), "spec.strategy"));
        Assert.Equal("\"<context>\"", Compact(PodSpec(module)["securityContext"]));
        Assert.Equal("\"${NODES}\"", Compact(PodSpec(module)["nodeSelector"]));
        // A list the agent merges with the module's binds cannot be shown as written: the comment says it is pending.
        Assert.Equal("-", Compact(PodSpec(module)["volumes"]));
        Assert.Contains("#   pending k8s-experimental.volumes \"${VOLUMES}\" is a template placeholder where an array belongs; what it holds is known only once the template is expanded.",
            KubernetesYaml.Write(KubernetesRenderer.Render(ManifestBuilder.Deployment((Module, """{"k8s-experimental":{"volumes":"${VOLUMES}"}}""")))));
    }

    [Fact]
    public void ObjectsAreNamedAfterTheSanitizedIdWhichAnAnnotationKeeps()
    {
        var manifest = ManifestBuilder.Deployment(("My_Module", "{}"));
        var module = KubernetesRenderer.Render(manifest).Modules.Single(m => m.ModuleName == "My_Module");

        Assert.Equal("mymodule", module.KubernetesName);
        Assert.Equal(new[] { "Deployment/mymodule", "ServiceAccount/mymodule" }, module.Resources.Select(r => r.ToString()));
        Assert.Equal("mymodule", ((JValue)Container(module)["name"]!).Text);
        Assert.Equal("""{"net.azure-devices.edge.original-moduleid":"My_Module"}""", Compact(Deployment(module), "spec.template.metadata.annotations"));
        Assert.Equal("\"mymodule\"", Compact(PodSpec(module)["serviceAccountName"]));
        Assert.Empty(module.Dropped);
    }

    [Fact]
    public void IdsThatCollideOnTheDeviceFail()
    {
        var rendering = KubernetesRenderer.Render(ManifestBuilder.Deployment(("Filter", "{}"), ("filter", "{}")));

        Assert.All(rendering.Modules.Where(m => !m.ModuleName.StartsWith("edge")), m =>
            Assert.Contains("the whole deployment fails with a name collision", Assert.Single(m.Dropped, d => d.Effect == DropEffect.Fails).Reason));
        // As O2's fix does it: 'filter' is a Kubernetes name and stays, 'Filter' is renamed.
        Assert.Equal("Rename it to 'filter-2' (ConvertTo-GpuEdgeManifest does).", rendering.Modules.Single(m => m.ModuleName == "Filter").Dropped.Single().Advice);
        Assert.StartsWith("Rename the other modules", rendering.Modules.Single(m => m.ModuleName == "filter").Dropped.Single().Advice);
    }

    [Fact]
    public void APlaceholderIdFailsNoModuleAsItsNameIsKnownOnlyOnceExpanded()
    {
        var rendering = KubernetesRenderer.Render(ManifestBuilder.Deployment(("${MODULE}", "{}"), ("module", "{}"), ("__MODULE_NAME", "{}"), ("<>", "{}")));

        Assert.All(rendering.Modules, m => Assert.False(m.Fails, m.ModuleName));
    }

    [Fact]
    public void APlaceholderIdNamesItsObjectsAsWrittenSoTheyTakeNoOtherModulesNames()
    {
        // Sanitized, '${MODULE}' and '__MODULE_NAME' would be 'module' and 'modulename', the names of the modules beside them.
        var rendering = KubernetesRenderer.Render(ManifestBuilder.Deployment(("${MODULE}", "{}"), ("module", "{}"), ("__MODULE_NAME", "{}"), ("modulename", "{}")));

        Assert.Equal(new[] { "${MODULE}", "module", "__MODULE_NAME", "modulename" },
            rendering.Modules.Where(m => !m.ModuleName.StartsWith("edge")).Select(m => m.KubernetesName));
        Assert.Equal(rendering.CreatedResources.Count(), rendering.CreatedResources.Select(r => r.Kind + "/" + r.Name).Distinct().Count());
        Assert.Contains("# Module '${MODULE}' runs as the id that replaces this placeholder, sanitized (named '${MODULE}' here).\n", KubernetesYaml.Write(rendering));
    }

    [Fact]
    public void AStoppedModuleHasNoReplica()
    {
        Assert.Equal("1", Compact(Deployment(Render("{}")), "spec.replicas"));
        Assert.Equal("0", Compact(Deployment(Render("{}", edit: m => m.FindModule(Module)!.Definition.Set("status", JValue.String("stopped")))), "spec.replicas"));
    }
}

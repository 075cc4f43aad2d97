using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Rules;
using Xunit;
using static EdgeMigration.Tests.Kubernetes.RenderKit;

namespace EdgeMigration.Tests.Kubernetes;

/// <summary>kubernetes-mode.md, "Field by field": ExposedPorts, PortBindings, port keys, host namespaces; serviceOptions.</summary>
public class RenderNetworkTests
{
    [Fact]
    public void ExposedPortsOnlyMakeAClusterIpService()
    {
        var module = Render("""{"ExposedPorts":{"80/tcp":{},"53/UDP":{}}}""");

        Assert.Equal("""[{"containerPort":80,"protocol":"TCP"},{"containerPort":53,"protocol":"UDP"}]""", Compact(Container(module)["ports"]));
        var service = Service(module);
        Assert.Equal("\"ClusterIP\"", Compact(service, "spec.type"));
        Assert.Equal("""[{"name":"exposedport-80-tcp","port":80,"protocol":"TCP"},{"name":"exposedport-53-udp","port":53,"protocol":"UDP"}]""",
            Compact(service, "spec.ports"));
        Assert.Equal("""{"net.azure-devices.edge.module":"m"}""", Compact(service, "spec.selector"));
    }

    [Fact]
    public void PortBindingsAreServicePortsOfTheDefaultTypeWithTheHostPortAsPort()
    {
        var module = Render("""{"HostConfig":{"PortBindings":{"80/tcp":[{"HostIp":"192.168.1.5","HostPort":"8080"}],"81/tcp":[{"HostPort":"any"}]}}}""");

        var service = Service(module);
        Assert.Equal("\"LoadBalancer\"", Compact(service, "spec.type"));
        Assert.Equal("""[{"name":"hostport-80-tcp","port":8080,"protocol":"TCP","targetPort":80}]""", Compact(service, "spec.ports"));
        Assert.Null(Container(module)["ports"]);
        Assert.Equal(new[] { "Ignored HostConfig.PortBindings['80/tcp'][0].HostIp", "Ignored HostConfig.PortBindings['81/tcp'][0]" }, Dropped(module));
    }

    [Fact]
    public void ABindingWithoutAHostPortIsSkippedInTheWordsOfN1()
    {
        // It said "HostPort (none) is not a whole number".
        var module = Render("""{"HostConfig":{"PortBindings":{"8080":[{}],"81/tcp":[{"HostPort":"any"}]}}}""");

        Assert.Equal(new[]
        {
            ("The binding has no HostPort; the device's agent skips it, so port 8080/tcp is not exposed (rule N1).", "Bind it to a HostPort, for example [{\"HostPort\":\"8080\"}]."),
            // As rule K10 says it.
            ("HostPort 'any' is not a whole number; the device's agent skips the binding, so the port is not exposed.", "Give one port number; bind each port of a range separately."),
        }, module.Dropped.Select(d => (d.Reason, d.Advice)));
    }

    [Fact]
    public void KeysThatAreNotPortAndProtocolAreSkipped()
    {
        var module = Render("""{"ExposedPorts":{"80/http":{},"web":{}}}""");

        Assert.DoesNotContain(module.Resources, r => r.Kind == "Service");
        Assert.Equal(new[] { "Ignored ExposedPorts['80/http']", "Ignored ExposedPorts.web" }, Dropped(module));
        // As rule K10 says it: with the port the key starts with, so that the advice followed keeps it.
        Assert.Equal("Write it as \"80/tcp\" (or \"80/udp\"); give each port of a range its own key.", module.Dropped[0].Advice);
        Assert.Equal("Write it as, for example, \"8080/tcp\"; give each port of a range its own key.", module.Dropped[1].Advice);
    }

    [Fact]
    public void KeysATemplateFillsInArePendingAsK10LeavesThem()
    {
        const string Options = """{"ExposedPorts":{"${PORT}/tcp":{}},"HostConfig":{"PortBindings":{"<port>/tcp":[{"HostPort":"8080"}]}}}""";
        var module = Render(Options);

        Assert.Equal(new[] { "Pending ExposedPorts['${PORT}/tcp']", "Pending HostConfig.PortBindings['<port>/tcp']" }, Dropped(module));
        Assert.Empty(EdgeMigration.Tests.RuleTestKit.Check(ManifestBuilder.Deployment((Module, Options, null)), "K10"));
    }

    [Fact]
    public void KeysWhoseNumberIsNoPortFailTheModuleAsK10Says()
    {
        // PortAndProtocol.Parse checks no range: the agent sends the number, which the API server refuses.
        const string Options = """{"ExposedPorts":{"0/tcp":{},"70000/tcp":{},"80/tcp":{}},"HostConfig":{"PortBindings":{"-1/udp":[{"HostPort":"5000"}],"80/tcp":[{"HostPort":"8080"}]}}}""";
        var module = Render(Options);

        Assert.Equal(new[] { "Fails ExposedPorts['0/tcp']", "Fails ExposedPorts['70000/tcp']", "Fails HostConfig.PortBindings['-1/udp']" }, Dropped(module));
        AssertFailsAsTheRuleSays(module, Options, "K10");
        Assert.Equal(
            "Port '70000/tcp' is not a port from 1 to 65535; the device's agent passes 70000 on as the container's port and a Service port, and the Kubernetes API server refuses the module's Deployment and Service (\"must be between 1 and 65535, inclusive\"); the agent applies every module's Service before any Deployment and stops at a refused one, so the whole deployment fails.",
            module.Dropped[1].Reason);
        Assert.Contains("as the target port of the module's Service", module.Dropped[2].Reason);
    }

    [Fact]
    public void ABoundPortZeroIsTheServicePortItselfToKubernetes()
    {
        // SetDefaults_Service makes a target port of 0 the Service port: nothing to refuse.
        const string Options = """{"HostConfig":{"PortBindings":{"0/tcp":[{"HostPort":"5000"}]}}}""";
        var module = Render(Options);

        Assert.Empty(module.Dropped);
        Assert.Equal("""[{"name":"hostport-0-tcp","port":5000,"protocol":"TCP","targetPort":0}]""", Compact(Service(module), "spec.ports"));
        Assert.Empty(RuleEngine.Check(ManifestBuilder.Deployment((Module, Options)), new RuleSelection(new[] { "K10" }, null)));
    }

    [Fact]
    public void APortWithoutAProtocolIsTcpAsDockerTakesIt()
    {
        // kubernetes-mode.md, "port key protocol": PortAndProtocol.Parse defaults to TCP, as Docker does.
        var module = Render("""{"ExposedPorts":{"9000":{}},"HostConfig":{"PortBindings":{"9000":[{"HostPort":"9000"}],"53/":[{"HostPort":"53"}]}}}""");

        Assert.Empty(module.Dropped);
        Assert.Equal("""[{"containerPort":9000,"protocol":"TCP"}]""", Compact(Container(module), "ports"));
        Assert.Equal("""[{"name":"hostport-9000-tcp","port":9000,"protocol":"TCP","targetPort":9000},{"name":"hostport-53-tcp","port":53,"protocol":"TCP","targetPort":53}]""",
            Compact(Service(module), "spec.ports"));
    }

    [Fact]
    public void EmptyPortBindingsStillGiveTheServiceThePortMappingType()
    {
        Assert.Equal("\"LoadBalancer\"", Compact(Service(Render("""{"ExposedPorts":{"80/tcp":{}},"HostConfig":{"PortBindings":{}}}""")), "spec.type"));
    }

    [Theory]
    [InlineData("ClusterIP", "ClusterIP")]
    [InlineData("nodeport", "NodePort")]
    [InlineData("LoadBalancer", "LoadBalancer")]
    public void ServiceOptionsChooseTheTypeOfPortBindings(string asked, string type)
    {
        var module = Render($$$$"""{"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":"80"}]}},"k8s-experimental":{"serviceOptions":{"Type":"{{{{asked}}}}"}}}""");

        Assert.Equal($"\"{type}\"", Compact(Service(module), "spec.type"));
        Assert.Empty(module.Dropped);
    }

    [Fact]
    public void LoadBalancerIpIsKeptForALoadBalancerOnly()
    {
        var pinned = Render("""{"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":"80"}]}},"k8s-experimental":{"serviceOptions":{"loadBalancerIP":"10.1.2.3"}}}""");
        var cluster = Render("""{"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":"80"}]}},"k8s-experimental":{"serviceOptions":{"type":"ClusterIP","loadBalancerIP":"10.1.2.3"}}}""");

        Assert.Equal("\"10.1.2.3\"", Compact(Service(pinned), "spec.loadBalancerIP"));
        Assert.Equal("-", Compact(Service(cluster), "spec.loadBalancerIP"));
        Assert.Equal(new[] { "Ignored k8s-experimental.serviceOptions.loadBalancerIP" }, Dropped(cluster));
    }

    [Fact]
    public void ServiceOptionsOfAModuleWithoutPortsAreIgnored()
    {
        var module = Render("""{"k8s-experimental":{"serviceOptions":{"type":"LoadBalancer","loadBalancerIP":"10.1.2.3"}}}""");

        Assert.DoesNotContain(module.Resources, r => r.Kind == "Service");
        Assert.Equal(new[] { "Ignored k8s-experimental.serviceOptions.type", "Ignored k8s-experimental.serviceOptions.loadBalancerIP" }, Dropped(module));
    }

    [Fact]
    public void IgnoredServiceOptionsAreNamedWhereTheyAreWritten()
    {
        // The agent reads the section's keys in any case: the dropped settings point at the section as written, the type as the loadBalancerIP.
        var exposed = Render("""{"ExposedPorts":{"80/tcp":{}},"k8s-experimental":{"ServiceOptions":{"Type":"NodePort","LoadBalancerIP":"10.1.2.3"}}}""");
        var portless = Render("""{"k8s-experimental":{"ServiceOptions":{"type":"LoadBalancer"}}}""");

        Assert.Equal(new[] { "Ignored k8s-experimental.ServiceOptions.type", "Ignored k8s-experimental.ServiceOptions.loadBalancerIP" }, Dropped(exposed));
        Assert.EndsWith(".createOptions.k8s-experimental.ServiceOptions.type", DroppedAt(exposed, "k8s-experimental.ServiceOptions.type").ManifestPath);
        Assert.Equal(new[] { "Ignored k8s-experimental.ServiceOptions.type" }, Dropped(portless));
    }

    [Fact]
    public void AnUnknownServiceTypeFallsBackToTheDefault()
    {
        var module = Render("""{"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":"80"}]}},"k8s-experimental":{"serviceOptions":{"type":"ExternalName"}}}""");

        Assert.Equal("\"LoadBalancer\"", Compact(Service(module), "spec.type"));
        Assert.Equal(new[] { "Ignored k8s-experimental.serviceOptions.type" }, Dropped(module));
    }

    [Fact]
    public void ServicePortsAreKeyedByNumberSoTcpAndUdpOnOneNumberCollide()
    {
        var module = Render("""{"HostConfig":{"PortBindings":{"5000/udp":[{"HostPort":"5000"}],"5000/tcp":[{"HostPort":"5000"}]}}}""");

        Assert.Equal("""[{"name":"hostport-5000-tcp","port":5000,"protocol":"TCP","targetPort":5000}]""", Compact(Service(module), "spec.ports"));
        Assert.Equal(new[] { "Ignored HostConfig.PortBindings['5000/udp'][0]" }, Dropped(module));
    }

    [Fact]
    public void ABindingOverridesTheExposedPortOfItsNumberQuietly()
    {
        var module = Render("""{"ExposedPorts":{"80/tcp":{}},"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":"80"}],"81/tcp":[{"HostPort":"80"}]}}}""");

        Assert.Equal("""[{"name":"hostport-81-tcp","port":80,"protocol":"TCP","targetPort":81}]""", Compact(Service(module), "spec.ports"));
        // Two bindings of one HostPort: the second wins, and that is worth a word.
        Assert.Equal(new[] { "Ignored HostConfig.PortBindings['80/tcp'][0]" }, Dropped(module));
    }

    [Fact]
    public void AHostPortOnTheNumberOfAnotherExposedPortTakesItsServicePort()
    {
        // On Docker other modules reached container port 8080 at m:8080; on the device m:8080 is container port 80.
        var module = Render("""{"ExposedPorts":{"8080/tcp":{},"80/tcp":{}},"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":"8080"}]}}}""");

        Assert.Equal("""[{"name":"hostport-80-tcp","port":8080,"protocol":"TCP","targetPort":80},{"name":"exposedport-80-tcp","port":80,"protocol":"TCP"}]""",
            Compact(Service(module), "spec.ports"));
        Assert.Equal(new[] { "Ignored ExposedPorts['8080/tcp']" }, Dropped(module));
        Assert.Contains("container port 8080", DroppedAt(module, "ExposedPorts['8080/tcp']").Reason);
    }

    [Fact]
    public void OneContainerPortOnTwoHostPortsGivesDuplicatePortNamesWhichFail()
    {
        var module = Render("""{"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":"80"},{"HostPort":"8080"}]}}}""");

        Assert.Equal(new[] { "Fails HostConfig.PortBindings['80/tcp'][1]" }, Dropped(module));
        Assert.Equal(2, ((JArray)At(Service(module), "spec")["ports"]!).Count);
    }

    [Fact]
    public void KeysOfOnePortInTwoCasesOnTwoHostPortsFailAsTheCheckSays()
    {
        var module = Render("""{"ExposedPorts":{"80/tcp":{}},"HostConfig":{"PortBindings":{"80/TCP":[{"HostPort":"8080"}],"80/tcp":[{"HostPort":"8081"}]}}}""");

        Assert.Equal(new[] { "Fails HostConfig.PortBindings['80/tcp'][0]" }, Dropped(module));
        Assert.StartsWith("Port keys '80/TCP' and '80/tcp' are one container port, 80/tcp", DroppedAt(module, "HostConfig.PortBindings['80/tcp'][0]").Reason);
        Assert.True(module.Fails);
    }

    [Fact]
    public void HostModesMapToThePodOnlyForHost()
    {
        var host = PodSpec(Render("""{"HostConfig":{"NetworkMode":"host","IpcMode":"Host","PidMode":"host"}}"""));
        var other = Render("""{"HostConfig":{"NetworkMode":"mynet","PidMode":"container:x"}}""");

        Assert.Equal("true true true \"ClusterFirstWithHostNet\"", $"{Compact(host["hostNetwork"])} {Compact(host["hostIPC"])} {Compact(host["hostPID"])} {Compact(host["dnsPolicy"])}");
        Assert.Equal("false false -", $"{Compact(PodSpec(other)["hostNetwork"])} {Compact(PodSpec(other)["hostPID"])} {Compact(PodSpec(other)["dnsPolicy"])}");
        Assert.Equal(new[] { "Ignored HostConfig.NetworkMode", "Ignored HostConfig.PidMode" }, Dropped(other));
    }

    [Fact]
    public void DockerLabelsAreAnnotationsOfThePodAndTheServiceWithSanitizedKeys()
    {
        var module = Render("""{"Labels":{"com.example/Team Name":"edge","version":"2","-x-":"y"},"ExposedPorts":{"80/tcp":{}}}""");

        Assert.Equal("""{"com.example/TeamName":"edge","version":"2","x":"y"}""", Compact(Service(module), "metadata.annotations"));
        Assert.Equal("""{"com.example/TeamName":"edge","net.azure-devices.edge.original-moduleid":"m","version":"2","x":"y"}""",
            Compact(Deployment(module), "spec.template.metadata.annotations"));
        Assert.Equal("-", Compact(Deployment(module), "metadata.annotations"));
    }

    [Fact]
    public void LabelsWhoseKeysSanitizeAlikeFailTheModule()
    {
        // The agent collects the annotations with ToDictionary, which throws on the second key.
        var module = Render("""{"Labels":{"my label":"1","mylabel":"2","My/x":"3","my/x":"4"}}""");

        Assert.Equal(new[] { "Fails Labels.mylabel", "Fails Labels['my/x']" }, Dropped(module));
        Assert.Contains("'mylabel', as label 'my label' does", DroppedAt(module, "Labels.mylabel").Reason);
    }

    [Fact]
    public void ALabelWrittenTwiceIsTheLastOne()
    {
        // The agent reads the labels as a dictionary, where the last of one name is the one: no key to collide with.
        var module = Render("""{"Labels":{"tier":"front","tier":"back"}}""");

        Assert.Empty(Dropped(module));
        Assert.Equal("""{"net.azure-devices.edge.original-moduleid":"m","tier":"back"}""", Compact(Deployment(module), "spec.template.metadata.annotations"));
    }

    [Fact]
    public void AModuleWithoutPortsHasNoService()
    {
        Assert.DoesNotContain(Render("{}").Resources, r => r.Kind == "Service");
    }
}

using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Rules;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class IgnoredSettingsRuleTests
{
    [Fact]
    public void ListsWhatTheDeviceDrops()
    {
        var manifest = ManifestBuilder.Deployment(
            ("busy", """
                {"User":"1000","Hostname":"busy","Healthcheck":{"Test":["CMD","true"]},"Volumes":{"/data":{}},"Tty":false,
                 "HostConfig":{"CapAdd":["NET_ADMIN"],"RestartPolicy":{"Name":"always"},"LogConfig":{"Type":"json-file"},
                   "Runtime":"nvidia","DeviceRequests":[{"Count":1}],"ExtraHosts":["a:1.2.3.4"],"Dns":[],"MemoryReservation":1024,
                   "CpusetCpus":"0-1","NetworkMode":"mynet","PidMode":"container:other","Devices":[{"PathOnHost":"/dev/video0"},{"PathOnHost":"/dev/fpga0"}]}}
                """));

        Assert.Equal(new[]
        {
            "K1 Warning busy User manual",
            "K1 Warning busy Hostname manual",
            "K1 Warning busy Healthcheck manual",
            "K1 Warning busy Volumes manual",
            "K1 Warning busy HostConfig.CapAdd manual",
            "K1 Warning busy HostConfig.RestartPolicy manual",
            "K1 Information busy HostConfig.LogConfig manual",
            "K1 Warning busy HostConfig.Runtime manual",
            "K1 Warning busy HostConfig.DeviceRequests manual",
            "K1 Warning busy HostConfig.ExtraHosts manual",
            "K1 Warning busy HostConfig.MemoryReservation manual",
            "K1 Warning busy HostConfig.CpusetCpus manual",
            "K1 Warning busy HostConfig.NetworkMode manual",
            "K1 Warning busy HostConfig.PidMode manual",
            "K1 Warning busy HostConfig.Devices[0] manual",
        }, Summary(Check(manifest, "K1")));
    }

    [Fact]
    public void AdviceNamesTheKubernetesWay()
    {
        var findings = Check(ManifestBuilder.Deployment(("m", """{"User":"1000","HostConfig":{"Runtime":"nvidia"}}""")), "K1");

        Assert.Contains("securityContext.runAsUser", findings[0].Recommendation);
        Assert.Contains("nvidia.com/gpu", findings[1].Recommendation);
    }

    [Fact]
    public void ASettingBesideTheReplacementTheAdviceNamesIsNotReported()
    {
        // A stop-33 QA item: User stayed a Warning after the user added securityContext.runAsUser as told.
        const string docker = """
            "User":"1000","Volumes":{"/data":{},"/logs/":{}},"HostConfig":{"Binds":["/srv/logs:/logs"],"Sysctls":{"net.core.somaxconn":"1024"},"MemoryReservation":536870912,"Runtime":"nvidia",
              "DeviceRequests":[{"Count":1}],"Devices":[{"PathOnHost":"/dev/ttyUSB0"}]
            """;
        var manifest = ManifestBuilder.Deployment(
            ("told", "{" + docker + ",\"Privileged\":true," + """
                "Mounts":[{"Type":"volume","Source":"data","Target":"/data"}]},
                "k8s-experimental":{"securityContext":{"runAsUser":1000,"sysctls":[{"name":"net.core.somaxconn","value":"1024"}]},
                  "resources":{"requests":{"memory":"512Mi"},"limits":{"nvidia.com/gpu":1}}}}
                """),
            ("untold", "{" + docker + "}}"));

        Assert.Equal(new[]
        {
            "K1 Warning untold User manual",
            "K1 Warning untold Volumes manual",
            "K1 Warning untold HostConfig.Sysctls manual",
            "K1 Warning untold HostConfig.MemoryReservation manual",
            "K1 Warning untold HostConfig.Runtime manual",
            "K1 Warning untold HostConfig.DeviceRequests manual",
            "K1 Warning untold HostConfig.Devices[0] manual",
        }, Summary(Check(manifest, "K1")));
    }

    [Fact]
    public void HostnameSaysWhatNameTheContainerGetsInstead()
    {
        // A stop-33 QA item: "Other modules reach it by its Service name" answered a question Hostname never settled (other
        // modules reach a module by its id on Docker too); what changes is the name the module sees as its own.
        var manifest = ManifestBuilder.Deployment(
            ("OpcPublisher", """{"Hostname":"publisher"}"""),
            ("hostnet", """{"Hostname":"gateway","HostConfig":{"NetworkMode":"host"}}"""));

        var findings = Check(manifest, "K1");

        Assert.Equal(new[] { "OpcPublisher", "hostnet" }, findings.Select(f => f.ModuleName));
        Assert.All(findings, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.Equal("Hostname (\"publisher\") is not read by the GPU device's agent: the container's host name is its pod's name (such as 'opcpublisher-5d8c9f7b6-x2x7q'), new with every pod the device creates.", findings[0].Message);
        Assert.Equal("Other modules reach it by its Service name, its module id as the device writes it. A module that names itself by its host name (an OPC UA application URI or certificate) needs that name set another way, such as an environment variable.", findings[0].Recommendation);
        Assert.Equal("Hostname (\"gateway\") is not read by the GPU device's agent: the container's host name is the device's, as the module shares the host's network.", findings[1].Message);
    }

    [Fact]
    public void ASettingWrittenOnTheWrongSideOfHostConfigIsToldToMove()
    {
        // QA advice: N1's "PortBindings" placed beside ExposedPorts, or a top-level Privileged, got "There is no equivalent
        // on the GPU device", though the agent maps both inside HostConfig.
        var manifest = ManifestBuilder.Deployment(
            ("app", """{"ExposedPorts":{"80/tcp":{}},"PortBindings":{"80/tcp":[{"HostPort":"80"}]},"Privileged":true,"HostConfig":{"Env":["A=1"]},"Hostname":"app"}"""));

        var findings = Check(manifest, "K1");

        Assert.Equal(new[] { "PortBindings", "Privileged", "Hostname", "HostConfig.Env" }, findings.Select(f => f.Location));
        Assert.Equal("Move it into HostConfig (\"HostConfig\": {\"PortBindings\": …}), where Docker and the GPU device's agent read it.", findings[0].Recommendation);
        Assert.Equal("Move it into HostConfig (\"HostConfig\": {\"Privileged\": …}), where Docker and the GPU device's agent read it.", findings[1].Recommendation);
        Assert.DoesNotContain("Move it", findings[2].Recommendation);
        Assert.Equal("Move it out of HostConfig to the top level of createOptions, beside HostConfig (\"Env\": …), where Docker and the GPU device's agent read it.", findings[3].Recommendation);

        // Moved as told, nothing is left to K1.
        Assert.Empty(Check(ManifestBuilder.Deployment(
            ("app", """{"ExposedPorts":{"80/tcp":{}},"Env":["A=1"],"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":"80"}]},"Privileged":true}}""")), "K1"));
    }

    [Fact]
    public void WhatTheDeviceMapsOrOtherRulesReportIsNotListed()
    {
        var manifest = ManifestBuilder.Deployment(
            ("mapped", """
                {"Env":["A=1"],"ExposedPorts":{"80/tcp":{}},"Labels":{"a":"b"},"Cmd":["x"],"Entrypoint":["y"],"WorkingDir":"/app",
                 "NetworkingConfig":{"EndpointsConfig":{"host":{}}},
                 "k8s-experimental":{"strategy":{"type":"Recreate"}},
                 "HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":"80"}]},"Privileged":true,"Binds":["/a:/a"],"Mounts":[],
                   "IpcMode":"shareable","ShmSize":1,"Memory":1,"NanoCpus":1,"NetworkMode":"host","PidMode":"host","Runtime":"runc","CapAdd":[]}}
                """));

        Assert.Empty(Check(manifest, "K1"));
    }

    [Fact]
    public void ModuleSettingsThatAreNotMappedAreInformation()
    {
        var manifest = ManifestBuilder.Deployment(("m", "{}"));
        var definition = manifest.FindModule("m")!.Definition;
        definition.Set("restartPolicy", JValue.String("never"));
        definition.Set("startupOrder", JValue.Number(2));
        definition.Set("imagePullPolicy", JValue.String("never"));

        Assert.Equal(new[]
        {
            "K1 Information m imagePullPolicy manual",
            "K1 Information m startupOrder manual",
            "K1 Information m restartPolicy manual",
        }, Summary(Check(manifest, "K1")));
    }

    [Fact]
    public void EdgeAgentIsLeftToK7()
    {
        var manifest = ManifestBuilder.Deployment(("m", "{}"));
        manifest.FindModule("edgeAgent")!.CreateOptions!.GetOrCreateRoot().Set("User", JValue.String("root"));

        Assert.Empty(Check(manifest, "K1"));
    }

    [Fact]
    public void EnvEntriesWithoutNameAndEqualsAreDropped()
    {
        var findings = Check(ManifestBuilder.Deployment(("m", """{"Env":["A=1","DEBUG","=x","B="]}""")), "K1");

        Assert.Equal(new[] { "K1 Warning m Env[1] manual", "K1 Warning m Env[2] manual" }, Summary(findings));
        Assert.Contains("NAME=value", findings[0].Recommendation);
    }

    [Fact]
    public void AnEnvEntryWithoutEqualsSaysWhatTheModuleGetsOnEachDevice()
    {
        // The FPGA device's IoT Edge daemon sets a name without '=' to '', over the env section; the GPU device's agent drops it.
        var manifest = ManifestBuilder.Deployment(
            ("insection", """{"Env":["DEBUG"]}""", """{"DEBUG": {"value": "1"}}"""),
            ("alone", """{"Env":["DEBUG"]}""", null));

        var findings = Check(manifest, "K1");

        Assert.Equal(new[] { "K1 Warning insection Env[0] manual", "K1 Warning alone Env[0] manual" }, Summary(findings));
        Assert.Equal("Env entry \"DEBUG\" has no '=': on the FPGA device the IoT Edge daemon set DEBUG to '' over the env section's value; the GPU device's agent drops the entry, so the module gets the env section's value there.", findings[0].Message);
        Assert.Equal("Env entry \"DEBUG\" has no '=': on the FPGA device the IoT Edge daemon set DEBUG to ''; the GPU device's agent drops the entry, so DEBUG is not set there.", findings[1].Message);
    }

    [Fact]
    public void AnEnvEntryWithoutEqualsIsJudgedByTheOtherEntriesOfItsName()
    {
        var manifest = ManifestBuilder.Deployment(
            ("m", """{"Env":["A=1","A","B","B=2","debug","IOTEDGE_MODULEID"]}""", """{"DEBUG": {"value": "1"}}"""));

        var findings = Check(manifest, "K1");

        Assert.Equal(new[] { "K1 Warning m Env[1] manual", "K1 Warning m Env[2] manual", "K1 Warning m Env[4] manual", "K1 Warning m Env[5] manual" }, Summary(findings));
        Assert.Contains("set A to '' over the value of Env[0]; the GPU device's agent drops the entry, so the module gets the value of Env[0] there", findings[0].Message);
        Assert.Contains("the later Env[3] of the same name sets B instead", findings[1].Message);
        Assert.Contains("no effect on either device", findings[1].Message);
        // Names are compared case-sensitively, as both devices do: the env section's DEBUG is another variable.
        Assert.Contains("debug is not set there", findings[2].Message);
        Assert.Contains("set IOTEDGE_MODULEID to '' over the value the IoT Edge runtime sets", findings[3].Message);
        Assert.Contains("the module gets the runtime's value there", findings[3].Message);
    }

    [Fact]
    public void EnvEntriesSettingTheRuntimesVariablesAreOverriddenOnTheGpuDevice()
    {
        // The FPGA device's IoT Edge daemon puts Env over the runtime's IOTEDGE_* variables; the GPU device's agent appends its own after Env.
        var manifest = ManifestBuilder.Deployment(
            ("m", """{"Env":["IOTEDGE_MODULEID=other","IOTEDGE_GATEWAYHOSTNAME=gateway","IOTEDGE_WORKLOADURI=a","IOTEDGE_WORKLOADURI=b","iotedge_deviceid=x","IOTEDGE_OTHER=1"]}""", null));
        // edgeHub gets no IOTEDGE_GATEWAYHOSTNAME from the runtime on either device.
        manifest.FindModule("edgeHub")!.CreateOptions!.GetOrCreateRoot().Set("Env", new JArray(new[] { JValue.String("IOTEDGE_GATEWAYHOSTNAME=gateway"), JValue.String("IOTEDGE_DEVICEID=x") }));

        var findings = Check(manifest, "K1");

        Assert.Equal(new[]
        {
            "K1 Warning edgeHub Env[1] manual",
            "K1 Warning m Env[0] manual",
            "K1 Warning m Env[1] manual",
            "K1 Warning m Env[3] manual",
        }, Summary(findings));
        Assert.Equal("Env entry IOTEDGE_MODULEID sets a variable the IoT Edge runtime sets: on the FPGA device the module got the Env entry's value (the IoT Edge daemon puts Env over the runtime's variables), but the GPU device's agent appends its own IOTEDGE_MODULEID after the module's, so the module gets the runtime's value there.",
            findings[1].Message);
        Assert.DoesNotContain("other", findings[1].Message);
        Assert.Contains("under a name of its own", findings[1].Recommendation);
    }

    [Fact]
    public void EdgeHubsEnvEntrySettingEdgeDeviceHostNameIsOverriddenOnTheGpuDevice()
    {
        // The GPU device's agent gives edgeAgent and edgeHub EdgeDeviceHostName after Env (KubernetesDeploymentMapper.CollectModuleEnv); custom modules get IOTEDGE_GATEWAYHOSTNAME instead.
        var manifest = ManifestBuilder.Deployment(("m", """{"Env":["EdgeDeviceHostName=mine"]}""", null));
        manifest.FindModule("edgeHub")!.CreateOptions!.GetOrCreateRoot().Set("Env", new JArray(new[] { JValue.String("EdgeDeviceHostName=gateway.contoso.com") }));

        var findings = Check(manifest, "K1");

        Assert.Equal(new[] { "K1 Warning edgeHub Env[0] manual" }, Summary(findings));
        Assert.Contains("the GPU device's agent appends its own EdgeDeviceHostName after the module's", findings[0].Message);
        Assert.DoesNotContain("gateway.contoso.com", findings[0].Message);
    }
}

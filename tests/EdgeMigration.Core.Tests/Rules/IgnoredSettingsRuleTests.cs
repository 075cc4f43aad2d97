using EdgeMigration.Core.Json;
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
}

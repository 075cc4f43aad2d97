using System.IO;
using System.Linq;
using System.Net;
using EdgeMigration.Core.DeviceOutput;
using Xunit;

namespace EdgeMigration.Tests.DeviceOutput;

/// <summary>The verbatim device output in the shared reference folder.</summary>
public class DeviceOutputSampleTests
{
    private static ParsedDeviceOutput ReadSample(string name) =>
        DeviceOutputReader.Read(File.ReadAllText(Path.Combine(TestPaths.Reference, "device-output", name)));

    [Fact]
    public void FiveColumnIotedgeListGivesEveryModuleWithItsAddressOrNone()
    {
        var modules = ReadSample("iotedge-list-5col.txt").Modules;

        Assert.Equal(new[] { "gettingstartedwithgpus", "iotedged", "edgehub", "edgeagent", "webserverapp" }, modules.Select(m => m.Name));
        Assert.All(modules, m => Assert.Equal(DeviceOutputFormat.IotedgeList, m.Format));
        Assert.All(modules, m => Assert.Equal("Running", m.Status));
        Assert.All(modules, m => Assert.Equal("Up 10 days", m.Description));
        Assert.All(modules, m => Assert.Empty(m.Ports));

        var web = modules.Single(m => m.Name == "webserverapp");
        Assert.Equal(IPAddress.Parse("10.128.44.244"), web.ExternalIp);
        Assert.Equal("nginx:stable", web.Image);
        Assert.Equal("LoadBalancer", web.ServiceType);
        Assert.Equal(IPAddress.Parse("10.128.44.243"), modules.Single(m => m.Name == "edgehub").ExternalIp);

        var iotedged = modules.Single(m => m.Name == "iotedged");
        Assert.Null(iotedged.ExternalIp);
        Assert.True(iotedged.IsClusterOnly);
        Assert.Equal("azureiotedge/azureiotedge-iotedged:0.1.0-beta10", iotedged.Image);

        var noService = modules.Single(m => m.Name == "gettingstartedwithgpus");
        Assert.Null(noService.ExternalIp);
        Assert.Null(noService.ServiceType);
        Assert.False(noService.IsClusterOnly);
        Assert.Equal("mcr.microsoft.com/intelligentedge/solutions:latest", noService.Image);
        Assert.DoesNotContain(modules, m => m.IsExternalIpPending);
    }

    [Fact]
    public void WrappedPortsAreJoinedEvenWhenTheWrapCutsAToken()
    {
        var modules = ReadSample("iotedge-list-ports-wrapped.txt").Modules;

        Assert.Equal(new[] { "edgehub", "iotedged", "cuda-sample2", "edgeagent", "cuda-sample1" }, modules.Select(m => m.Name));
        var hub = modules[0];
        Assert.Equal(IPAddress.Parse("10.57.48.62"), hub.ExternalIp);
        Assert.Equal(new[] { "443:31457/TCP", "5671:30881/TCP", "8883:31753/TCP" }, hub.Ports.Select(p => p.ToString()));
        Assert.Equal(5671, hub.Ports[1].Port);
        Assert.Equal(30881, hub.Ports[1].NodePort);
        Assert.Equal("TCP", hub.Ports[1].Protocol);

        var iotedged = modules[1];
        Assert.True(iotedged.IsClusterOnly);
        Assert.Equal(new[] { 35000, 35001 }, iotedged.Ports.Select(p => p.Port));
        Assert.All(iotedged.Ports, p => Assert.Null(p.NodePort));
        Assert.False(iotedged.IsExternalIpPending);

        Assert.Equal("nvidia/samples:nbody", modules[2].Image);
        Assert.Equal("Up 1 days", modules[2].Description);
        Assert.Empty(modules[2].Ports);
    }

    [Fact]
    public void KubectlTableGivesTypesClusterAddressesAndPorts()
    {
        var parsed = ReadSample("kubectl-get-svc-iotedge.txt");
        var modules = parsed.Modules;

        Assert.Empty(parsed.SkippedLines);
        Assert.Equal(new[] { "edgehub", "iotedged", "webserverapp" }, modules.Select(m => m.Name));
        Assert.All(modules, m => Assert.Equal(DeviceOutputFormat.KubectlTable, m.Format));
        Assert.All(modules, m => Assert.Null(m.Status));
        Assert.Equal(new[] { "LoadBalancer", "ClusterIP", "LoadBalancer" }, modules.Select(m => m.ServiceType));
        Assert.Equal(IPAddress.Parse("10.103.52.225"), modules[0].ClusterIp);
        Assert.Equal(IPAddress.Parse("10.128.44.243"), modules[0].ExternalIp);
        Assert.Equal("443:31987/TCP,5671:32336/TCP,8883:30618/TCP", string.Join(",", modules[0].Ports));
        Assert.Null(modules[1].ExternalIp);
        Assert.True(modules[1].IsClusterOnly);
        Assert.Equal(8080, modules[2].Ports.Single().Port);
        Assert.Equal(30976, modules[2].Ports.Single().NodePort);
    }
}

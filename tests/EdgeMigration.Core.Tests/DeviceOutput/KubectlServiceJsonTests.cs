using System.Linq;
using System.Net;
using EdgeMigration.Core.DeviceOutput;
using Xunit;

namespace EdgeMigration.Tests.DeviceOutput;

/// <summary><c>kubectl get svc -n iotedge -o json</c>, as kubectl prints it for the three Service types the device creates.</summary>
public class KubectlServiceJsonTests
{
    internal const string ServiceList = """
        {
            "apiVersion": "v1",
            "items": [
                {
                    "apiVersion": "v1",
                    "kind": "Service",
                    "metadata": { "name": "edgehub", "namespace": "iotedge" },
                    "spec": {
                        "clusterIP": "10.103.52.225",
                        "ports": [
                            { "name": "hostport-443-tcp", "nodePort": 31987, "port": 443, "protocol": "TCP", "targetPort": 443 },
                            { "name": "hostport-5671-tcp", "nodePort": 32336, "port": 5671, "protocol": "TCP", "targetPort": 5671 }
                        ],
                        "type": "LoadBalancer"
                    },
                    "status": { "loadBalancer": { "ingress": [ { "ip": "10.128.44.243" } ] } }
                },
                {
                    "apiVersion": "v1",
                    "kind": "Service",
                    "metadata": { "name": "iotedged", "namespace": "iotedge" },
                    "spec": {
                        "clusterIP": "10.107.236.20",
                        "ports": [ { "name": "management", "port": 35000, "protocol": "TCP" }, { "name": "workload", "port": 35001 } ],
                        "type": "ClusterIP"
                    },
                    "status": { "loadBalancer": {} }
                },
                {
                    "apiVersion": "v1",
                    "kind": "Service",
                    "metadata": { "name": "opcpublisher", "namespace": "iotedge" },
                    "spec": { "clusterIP": "10.96.0.12", "ports": [ { "nodePort": 31001, "port": 62222, "protocol": "UDP" } ], "type": "NodePort" },
                    "status": { "loadBalancer": {} }
                },
                {
                    "apiVersion": "v1",
                    "kind": "Service",
                    "metadata": { "name": "webserverapp", "namespace": "iotedge" },
                    "spec": { "clusterIP": "10.105.186.35", "ports": [ { "nodePort": 30976, "port": 8080, "protocol": "TCP" } ], "type": "LoadBalancer" },
                    "status": { "loadBalancer": {} }
                }
            ],
            "kind": "List",
            "metadata": { "resourceVersion": "" }
        }
        """;

    [Fact]
    public void EveryServiceTypeIsRead()
    {
        var modules = DeviceOutputReader.Read(ServiceList).Modules;

        Assert.Equal(new[] { "edgehub", "iotedged", "opcpublisher", "webserverapp" }, modules.Select(m => m.Name));
        Assert.All(modules, m => Assert.Equal(DeviceOutputFormat.KubectlJson, m.Format));
        Assert.Equal(new[] { "LoadBalancer", "ClusterIP", "NodePort", "LoadBalancer" }, modules.Select(m => m.ServiceType));

        var hub = modules[0];
        Assert.Equal(IPAddress.Parse("10.128.44.243"), hub.ExternalIp);
        Assert.Equal(IPAddress.Parse("10.103.52.225"), hub.ClusterIp);
        Assert.Equal("443:31987/TCP,5671:32336/TCP", string.Join(",", hub.Ports));

        Assert.True(modules[1].IsClusterOnly);
        Assert.Equal("35000/TCP,35001/TCP", string.Join(",", modules[1].Ports));
        Assert.False(modules[1].IsExternalIpPending);

        Assert.Equal("62222:31001/UDP", modules[2].Ports.Single().ToString());
        Assert.False(modules[2].IsExternalIpPending);

        Assert.Null(modules[3].ExternalIp);
        Assert.True(modules[3].IsExternalIpPending);
    }

    [Fact]
    public void ASingleServiceIsRead()
    {
        var json = """{"kind":"Service","metadata":{"name":"edgehub"},"spec":{"type":"LoadBalancer","ports":[{"port":443,"nodePort":31457}]},"status":{"loadBalancer":{"ingress":[{"hostname":"hub.local"},{"ip":"10.57.48.62"}]}}}""";

        var module = DeviceOutputReader.Read(json).Modules.Single();

        Assert.Equal(IPAddress.Parse("10.57.48.62"), module.ExternalIp);
        Assert.Equal("443:31457/TCP", module.Ports.Single().ToString());
    }

    [Fact]
    public void ExternalIpsOfTheSpecCountWhenNoLoadBalancerAnswered()
    {
        var json = """{"kind":"Service","metadata":{"name":"filter"},"spec":{"type":"ClusterIP","externalIPs":["10.1.2.9"],"ports":[{"port":80}]}}""";

        Assert.Equal(IPAddress.Parse("10.1.2.9"), DeviceOutputReader.Read(json).Modules.Single().ExternalIp);
    }

    [Fact]
    public void ItemsOfOtherKindsAreLeftOutAndAMissingTypeMeansClusterIp()
    {
        var json = """{"kind":"List","items":[{"kind":"Pod","metadata":{"name":"edgehub-5d8"}},{"metadata":{"name":"edgehub"},"spec":{"ports":[{"port":443}]}}]}""";

        var module = DeviceOutputReader.Read(json).Modules.Single();

        Assert.Equal("edgehub", module.Name);
        Assert.Equal("ClusterIP", module.ServiceType);
    }

    [Fact]
    public void PromptLinesAroundTheJsonAreIgnoredAndAnEmptyListHasNoModules()
    {
        var text = "[10.100.10.10]: PS>kubectl get svc -n iotedge -o json\r\n{\r\n  \"kind\": \"List\",\r\n  \"items\": []\r\n}\r\n\r\n[10.100.10.10]: PS>";

        Assert.Empty(DeviceOutputReader.Read(text).Modules);
    }

    [Theory]
    [InlineData("{\n  \"kind\": \"List\",\n  \"items\": [ }\n}", 4, 14, "'}' is an invalid start of a value.")]
    [InlineData("{\r\n  \"kind\": \"Service\",\r\n  \"metadata\": { \"nämé\": tru }\r\n}", 4, 28, "is an invalid JSON literal. Expected the literal 'true'.")]
    [InlineData("{ \"kind\": \"List\", \"items\": [ ", 2, 29, "There is an open JSON object or array that should be closed.")]
    public void InvalidJsonSaysTheInputsLineAndColumnAsTablesDo(string json, int line, int column, string reason)
    {
        var ex = Assert.Single(DeviceOutputReader.Read("[10.100.10.10]: PS>kubectl get svc -n iotedge -o json\n" + json).Errors);

        Assert.Equal(line, ex.Line);
        Assert.Equal(column, ex.Column);
        Assert.StartsWith($"Line {line}, column {column}: ", ex.Message);
        Assert.EndsWith(reason, ex.Message);
        Assert.DoesNotContain("LineNumber", ex.Message);
    }

    [Theory]
    [InlineData("{ \"kind\": \"List\", \"items\": [ ", "not valid JSON")]
    [InlineData("{ \"kind\": \"Deployment\", \"metadata\": {} }", "neither a Kubernetes Service nor a list")]
    [InlineData("{ \"kind\": \"List\", \"items\": [ {\"kind\": \"Pod\", \"metadata\": {\"name\": \"edgehub-5d8\"}}, {\"kind\": \"Pod\"}, {\"kind\": \"Deployment\"} ] }",
        "a list of Pod, Deployment with no Service in it")]
    public void JsonThatIsNotAServiceListIsAnError(string json, string message)
    {
        var ex = Assert.Single(DeviceOutputReader.Read(json).Errors);

        Assert.Contains(message, ex.Message);
        Assert.Equal(1, ex.Line);
    }

    [Fact]
    public void AServiceThatCannotBeReadIsAnErrorInItsPlace()
    {
        var json = """
            {"kind": "List", "items": [
              {"kind": "Service", "metadata": {}},
              {"kind": "Service", "metadata": {"name": "edgehub"}, "spec": {"type": "LoadBalancer", "ports": [{"port": 443}]}},
              {"kind": "Service", "metadata": {"name": "filter"}, "spec": {"ports": [{"name": "x"}]}}
            ]}
            """;

        var entries = DeviceOutputReader.Read(json).Entries;

        Assert.Equal(new[] { null, "edgehub", null }, entries.Select(e => e.Module?.Name));
        Assert.Contains("no metadata.name", entries[0].Error!.Message);
        Assert.Null(entries[0].Error!.ModuleName);
        Assert.Contains("port without a port number", entries[2].Error!.Message);
        Assert.Equal("filter", entries[2].Error!.ModuleName);
    }
}

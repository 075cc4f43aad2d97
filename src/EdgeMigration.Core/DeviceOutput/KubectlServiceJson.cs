using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;

namespace EdgeMigration.Core.DeviceOutput;

/// <summary>
/// Reads <c>kubectl get svc -n iotedge -o json</c> (a List of Services, or one Service): the module's
/// Service type, the load balancer's address (<c>status.loadBalancer.ingress[].ip</c>, else
/// <c>spec.externalIPs</c>) and <c>spec.ports</c>; the Services of other namespaces (<c>-A</c>) are no modules.
/// </summary>
internal static class KubectlServiceJson
{
    /// <summary>
    /// The Services' modules, and in their place an error for each Service that cannot be read; a document that is
    /// not a Service or a list that holds one is an error on <paramref name="line"/>, where it starts.
    /// </summary>
    public static IReadOnlyList<DeviceOutputEntry> Read(JsonElement root, int line)
    {
        var kind = Text(root, "kind");
        IEnumerable<JsonElement> services;
        if (kind == "Service")
        {
            services = new[] { root };
        }
        else if (Child(root, "items") is { ValueKind: JsonValueKind.Array } items)
        {
            // A List may hold other kinds (kubectl get all -o json); only Services carry addresses.
            services = items.EnumerateArray().Where(item => Text(item, "kind") is null or "Service").ToList();
            if (!services.Any() && items.GetArrayLength() > 0)
            {
                // kubectl get pods -o json: output, but of the wrong command (an empty List is "No resources found").
                var kinds = string.Join(", ", items.EnumerateArray().Select(item => Text(item, "kind")).Distinct());
                return Error($"the JSON is a list of {kinds} with no Service in it; expected {DeviceOutputException.Expected}.", line);
            }
        }
        else
        {
            return Error($"the JSON is neither a Kubernetes Service nor a list of them; expected {DeviceOutputException.Expected}.", line);
        }
        return services.Select(ReadService).ToList();
    }

    private static DeviceOutputEntry[] Error(string message, int line) => new[] { DeviceOutputEntry.Of(new DeviceOutputException(message, line)) };

    private static DeviceOutputEntry ReadService(JsonElement service)
    {
        var metadata = Child(service, "metadata");
        if (DeviceOutputEntry.OfOtherNamespace(Text(metadata, "namespace"), Text(metadata, "name") ?? "") is { } otherService)
        {
            return otherService;
        }
        try
        {
            return DeviceOutputEntry.Of(ToEndpoint(service));
        }
        catch (DeviceOutputException ex)
        {
            return DeviceOutputEntry.Of(ex);
        }
    }

    private static ModuleEndpoint ToEndpoint(JsonElement service)
    {
        var name = Text(Child(service, "metadata"), "name")
                   ?? throw new DeviceOutputException("a Service in the JSON has no metadata.name.");
        var spec = Child(service, "spec");
        var ports = Child(spec, "ports") is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Select(port => ToPort(name, port)).ToList()
            : new List<ServicePort>();
        return new ModuleEndpoint(name, DeviceOutputFormat.KubectlJson, Text(spec, "type") ?? ModuleEndpoint.ClusterIpType, ExternalIp(service, spec), ports)
        {
            ClusterIp = IpAddressText.Parse(Text(spec, "clusterIP")),
        };
    }

    private static IPAddress? ExternalIp(JsonElement service, JsonElement? spec)
    {
        var ingress = Child(Child(Child(service, "status"), "loadBalancer"), "ingress");
        var fromIngress = Strings(ingress, item => Text(item, "ip"));
        var fromSpec = Strings(Child(spec, "externalIPs"), item => item.ValueKind == JsonValueKind.String ? item.GetString() : null);
        return fromIngress.Concat(fromSpec).Select(IpAddressText.Parse).FirstOrDefault(ip => ip is not null);
    }

    private static ServicePort ToPort(string service, JsonElement port)
    {
        if (Number(port, "port") is not { } number)
        {
            throw new DeviceOutputException($"Service '{service}' has a port without a port number.") { ModuleName = service };
        }
        return new ServicePort(number, Number(port, "nodePort"), (Text(port, "protocol") ?? "TCP").ToUpperInvariant());
    }

    private static IEnumerable<string?> Strings(JsonElement? array, System.Func<JsonElement, string?> select) =>
        array is { ValueKind: JsonValueKind.Array } items ? items.EnumerateArray().Select(select) : Enumerable.Empty<string?>();

    private static JsonElement? Child(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(name, out var value) ? value : null;

    private static string? Text(JsonElement? parent, string name) =>
        Child(parent, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static int? Number(JsonElement? parent, string name) =>
        Child(parent, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) ? number : null;
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>
/// ExposedPorts and HostConfig.PortBindings as the agent maps them (reference: ExposedPorts, PortBindings and "port key
/// protocol" rows, "Refinements: Ports"): container ports, and Service ports keyed by port number only.
/// </summary>
internal sealed class PortMapping
{
    private static readonly string[] Protocols = { "TCP", "UDP", "SCTP" };

    private readonly RenderContext _context;

    /// <summary>Service ports by port number: a later port of the same number replaces an earlier one, as in the agent.</summary>
    private readonly Dictionary<long, (JObject Port, string Location)> _servicePorts = new();

    private PortMapping(RenderContext context) => _context = context;

    public List<JObject> ContainerPorts { get; } = new();

    /// <summary>True when createOptions have PortBindings at all, even empty: the Service then gets the port-mapping type.</summary>
    public bool HasPortBindings { get; private set; }

    public IEnumerable<JObject> ServicePorts => _servicePorts.Values.Select(p => p.Port);

    public static PortMapping Read(RenderContext context)
    {
        var mapping = new PortMapping(context);
        var exposed = context.Module.Options().ObjectOf("ExposedPorts");
        foreach (var member in exposed?.Members ?? Enumerable.Empty<JMember>())
        {
            var location = JsonPath.Member("ExposedPorts", member.Name);
            if (mapping.Parse(member.Name, location, member.Value) is { } key)
            {
                mapping.ContainerPorts.Add(JsonBuild.Object(("containerPort", JValue.Number(key.Port)), ("protocol", JValue.String(key.Protocol))));
                mapping.AddServicePort(JsonBuild.Object(("name", JValue.String(Name("exposedport", key.Port, key.Protocol))),
                    ("port", JValue.Number(key.Port)), ("protocol", JValue.String(key.Protocol))), location);
            }
        }
        mapping.ReadBindings(context.Module.HostConfig()?.FindIgnoreCase("PortBindings"));
        return mapping;
    }

    private void ReadBindings(JMember? portBindings)
    {
        if (portBindings is null || portBindings.Value is JValue { Kind: JValueKind.Null })
        {
            return;
        }
        HasPortBindings = true;
        foreach (var member in (portBindings.Value as JObject)?.Members ?? Enumerable.Empty<JMember>())
        {
            var location = JsonPath.Member("HostConfig." + portBindings.Name, member.Name);
            if (Parse(member.Name, location, member.Value) is not { } key)
            {
                continue;
            }
            var bindings = (member.Value as JArray)?.OfType<JObject>().ToList() ?? new List<JObject>();
            for (var i = 0; i < bindings.Count; i++)
            {
                ReadBinding(bindings[i], key, JsonPath.Index(location, i));
            }
        }
    }

    private void ReadBinding(JObject binding, (long Port, string Protocol) key, string location)
    {
        if (binding.StringOf("HostIp") is { Length: > 0 } hostIp)
        {
            _context.Drop(JsonPath.Member(location, "HostIp"), JValue.String(hostIp), DropEffect.Ignored,
                $"HostIp {hostIp} is ignored: the Service listens on the external IP the device gives it.",
                "To choose the IP, set k8s-experimental.serviceOptions.loadBalancerIP (inside the device's Kubernetes external service IP range).");
        }
        var hostPort = binding.GetIgnoreCase("HostPort");
        if (!long.TryParse((hostPort as JValue)?.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            _context.Drop(JsonPath.Member(location, "HostPort"), hostPort, DropEffect.Ignored,
                $"HostPort {hostPort?.ToCompactJson() ?? "(none)"} is not a port number; the agent skips this binding with a warning.",
                "Give the HostPort as a number in a string, e.g. \"8080\".");
            return;
        }
        AddServicePort(JsonBuild.Object(("name", JValue.String(Name("hostport", key.Port, key.Protocol))), ("port", JValue.Number(port)),
            ("protocol", JValue.String(key.Protocol)), ("targetPort", JValue.Number(key.Port))), location);
    }

    /// <summary>"&lt;port&gt;[/tcp|udp|sctp]" in any case, TCP when no protocol is given; anything else is skipped.</summary>
    private (long Port, string Protocol)? Parse(string key, string location, JNode value)
    {
        var parts = key.Split('/');
        var protocol = parts.Length == 2 ? Protocols.FirstOrDefault(p => string.Equals(p, parts[1], StringComparison.OrdinalIgnoreCase)) : parts.Length == 1 ? "TCP" : null;
        if (protocol is not null && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            if (port is >= 1 and <= 65535)
            {
                return (port, protocol);
            }
            _context.Fail(location, value, $"Port {port} is outside 1-65535; the API server refuses the module's objects.", "Use a port from 1 to 65535.");
            return null;
        }
        _context.Drop(location, value, DropEffect.Ignored, $"'{key}' is not <port>[/tcp|udp|sctp]; the agent skips it.", "Write it as \"8080/tcp\".");
        return null;
    }

    private void AddServicePort(JObject port, string location)
    {
        var number = PortOf(port);
        if (number is < 1 or > 65535)
        {
            _context.Fail(location, port["port"], $"Service port {number} is outside 1-65535; the API server refuses the Service.", "Use a HostPort from 1 to 65535.");
            return;
        }
        // A binding replacing the exposed port of the same protocol is the agent's intent: host ports override exposed ports.
        if (_servicePorts.TryGetValue(number, out var earlier) && !(NameOf(earlier.Port).StartsWith("exposedport-", StringComparison.Ordinal) && ProtocolOf(earlier.Port) == ProtocolOf(port)))
        {
            _context.Drop(earlier.Location, earlier.Port, DropEffect.Ignored,
                $"Service port {number} ({NameOf(earlier.Port)}) is replaced by {NameOf(port)} from {location}: the agent keys Service ports by number only, so two bindings of one number, or TCP and UDP on it, collide.",
                "Use different port numbers.");
        }
        var clash = _servicePorts.Where(p => p.Key != number && NameOf(p.Value.Port) == NameOf(port)).Select(p => p.Key).FirstOrDefault();
        if (clash != 0)
        {
            _context.Fail(location, port, $"Service ports {clash} and {number} both get the name '{NameOf(port)}' (one container port bound to two HostPorts); the API server refuses the Service.",
                "Bind each container port to one HostPort.");
        }
        _servicePorts[number] = (port, location);
    }

    private static long PortOf(JObject port) => ((JValue)port["port"]!).TryGetInt64(out var n) ? n : 0;

    private static string NameOf(JObject port) => ((JValue)port["name"]!).Text;

    private static string ProtocolOf(JObject port) => ((JValue)port["protocol"]!).Text;

    private static string Name(string prefix, long port, string protocol) =>
        prefix + "-" + port.ToString(CultureInfo.InvariantCulture) + "-" + protocol.ToLowerInvariant();
}

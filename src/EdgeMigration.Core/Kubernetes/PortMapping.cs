using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using EdgeMigration.Core.Rules.Network;
using EdgeMigration.Core.Rules.Other;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>
/// ExposedPorts and HostConfig.PortBindings as the agent maps them (reference: ExposedPorts, PortBindings and "port key
/// protocol" rows, "Refinements: Ports"), read with the network rules' <see cref="ModulePorts"/>: container ports, and
/// Service ports keyed by port number only.
/// </summary>
internal sealed class PortMapping
{
    private readonly RenderContext _context;

    /// <summary>Service ports by port number: a later port of the same number replaces an earlier one, as in the agent.</summary>
    private readonly Dictionary<long, (JObject Port, PortKey Key, string Location)> _servicePorts = new();

    private PortMapping(RenderContext context) => _context = context;

    public List<JObject> ContainerPorts { get; } = new();

    /// <summary>True when createOptions have PortBindings at all, even empty: the Service then gets the port-mapping type.</summary>
    public bool HasPortBindings { get; private set; }

    public IEnumerable<JObject> ServicePorts => _servicePorts.Values.Select(p => p.Port);

    /// <summary>The Service's port numbers, as other modules connect to them.</summary>
    public ICollection<long> ServicePortNumbers => _servicePorts.Keys;

    /// <summary>The Service port whose target is container port <paramref name="containerPort"/> (an exposed port's is itself), or null.</summary>
    public long? ServicePortTo(long containerPort)
    {
        foreach (var entry in _servicePorts)
        {
            var target = entry.Value.Port["targetPort"] is JValue value && value.TryGetInt64(out var number) ? number : entry.Key;
            if (target == containerPort)
            {
                return entry.Key;
            }
        }
        return null;
    }

    public static PortMapping Read(RenderContext context)
    {
        var mapping = new PortMapping(context);
        foreach (var exposed in ModulePorts.Exposed(context.Module))
        {
            if (mapping.Valid(exposed.Key, exposed.Location, exposed.Member.Value, exposed: true))
            {
                mapping.ContainerPorts.Add(JsonBuild.Object(("containerPort", JValue.Number(exposed.Key.Number!.Value)), ("protocol", JValue.String(Protocol(exposed.Key)))));
                mapping.AddServicePort(ServicePort("exposedport", exposed.Key, exposed.Key.Number.Value, null), exposed.Key, exposed.Location);
            }
        }
        mapping.ReadBindings();
        return mapping;
    }

    private void ReadBindings()
    {
        var member = ModulePorts.PortBindingsMember(_context.Module);
        if (member is null || member.Value is JValue { Kind: JValueKind.Null })
        {
            return;
        }
        HasPortBindings = true;
        if (member.Value is not JObject)
        {
            if (TemplateText.StandsForValue(member.Value))
            {
                _context.Pending(ModulePorts.LocationOf(member), member.Value, "an object of ports");
                return;
            }
            _context.StopDeployment(ModulePorts.LocationOf(member), member.Value, $"{member.Name} is not an object; {InvalidCreateOptionsRule.WholeDeploymentRefused}.", "Write it as {\"<port>/tcp\": [{\"HostPort\": \"<port>\"}]}.");
            return;
        }
        foreach (var entry in ModulePorts.Bindings(_context.Module).Where(e => Valid(e.Key, e.Location, e.Member.Value, exposed: false)))
        {
            if (entry.Member.Value is JValue { Kind: JValueKind.Null })
            {
                _context.StopDeployment(entry.Location, entry.Member.Value, $"{entry.Location} is null, not an array of bindings; {ModulePorts.NullStopsDeployment}.", "Write it as [{\"HostPort\": \"<port>\"}], or remove the port.");
                continue;
            }
            if (entry.Member.Value is not JArray)
            {
                if (TemplateText.StandsForValue(entry.Member.Value))
                {
                    _context.Pending(entry.Location, entry.Member.Value, "an array of bindings");
                    continue;
                }
                _context.StopDeployment(entry.Location, entry.Member.Value, $"{entry.Location} is not an array of bindings; {InvalidCreateOptionsRule.WholeDeploymentRefused}.", "Write it as [{\"HostPort\": \"<port>\"}].");
                continue;
            }
            foreach (var binding in entry.Bindings)
            {
                ReadBinding(binding, entry.Key);
            }
        }
    }

    private void ReadBinding(PortBinding binding, PortKey key)
    {
        if (binding.Node is JValue { Kind: JValueKind.Null })
        {
            _context.StopDeployment(binding.Location, binding.Node, $"{binding.Location} is null, not a binding object; {ModulePorts.NullStopsDeployment}.", "Write it as {\"HostPort\": \"<port>\"}, or remove it.");
            return;
        }
        if (binding.Node is not JObject fields)
        {
            if (TemplateText.StandsForValue(binding.Node))
            {
                _context.Pending(binding.Location, binding.Node, "a binding");
                return;
            }
            _context.StopDeployment(binding.Location, binding.Node, $"{binding.Location} is not a binding object; {InvalidCreateOptionsRule.WholeDeploymentRefused}.", "Write it as {\"HostPort\": \"<port>\"}.");
            return;
        }
        if (_context.StopDeployment(MistypedFields.OfBinding(fields, binding.Location)))
        {
            return;
        }
        if (!string.IsNullOrEmpty(binding.HostIp) && binding.HostIp is not ("0.0.0.0" or "::"))
        {
            _context.Drop(JsonPath.Member(binding.Location, "HostIp"), JValue.String(binding.HostIp!), DropEffect.Ignored,
                $"HostIp {binding.HostIp} is ignored on the GPU device: the Service listens on the external IP the device assigns to the module.",
                "To choose that IP, set k8s-experimental.serviceOptions.loadBalancerIP (inside the device's Kubernetes external service IP range).");
        }
        if (binding.HostPortIsPlaceholder && fields.FindIgnoreCase("HostPort") is { } hostPortMember)
        {
            // Rule K10 judges it once the template is expanded too.
            _context.Pending(JsonPath.Member(binding.Location, hostPortMember.Name), hostPortMember.Value, "a HostPort");
            return;
        }
        if ((binding.HostPortText is { } text ? ModulePorts.ToNumber(text) : null) is not { } hostPort)
        {
            _context.Drop(binding.Location, binding.Node, DropEffect.Ignored, binding.HasHostPort
                    ? binding.HostPortSkippedBecause
                    : $"The binding has no HostPort; the device's agent skips it, so port {key.Name} is not exposed (rule N1).",
                binding.HasHostPort ? PortBinding.HostPortSkippedAdvice : $"Bind it to a HostPort, for example [{{\"HostPort\":\"{key.Number}\"}}].");
            return;
        }
        AddServicePort(ServicePort("hostport", key, hostPort, key.Number), key, binding.Location);
    }

    /// <summary>
    /// True for a port key the agent reads and Kubernetes takes; a key whose number is no port fails (rule K10), unless
    /// Kubernetes takes it (a bound port 0, <see cref="PortKey.RefusedBecause"/>); any other key is skipped (rule K10).
    /// </summary>
    private bool Valid(PortKey key, string location, JNode value, bool exposed)
    {
        if (key.IsOutOfRange)
        {
            if (key.RefusedBecause(exposed) is { } refused)
            {
                _context.StopDeployment(location, value, refused, PortKey.RefusedAdvice);
                return false;
            }
            return true;
        }
        if (!key.IsValid && TemplateText.HasPlaceholder(key.Text))
        {
            // Rule K10 judges it once the template is expanded too.
            _context.Pending(location, JValue.String(key.Text), "a port");
        }
        else if (!key.IsValid)
        {
            _context.Drop(location, value, DropEffect.Ignored, key.IgnoredBecause, key.IgnoredAdvice);
        }
        return key.IsValid;
    }

    private void AddServicePort(JObject port, PortKey key, string location)
    {
        var number = PortOf(port);
        if (number is < 1 or > 65535)
        {
            _context.StopDeployment(location, port["port"], PortKey.HostPortRefusedBecause(number.ToString(CultureInfo.InvariantCulture)), "Give a port from 1 to 65535.");
            return;
        }
        if (_servicePorts.TryGetValue(number, out var earlier))
        {
            var exposed = NameOf(earlier.Port).StartsWith("exposedport-", StringComparison.Ordinal) && ProtocolOf(earlier.Port) == ProtocolOf(port);
            if (exposed && key.Number != number)
            {
                _context.Drop(earlier.Location, earlier.Port, DropEffect.Ignored,
                    $"Service port {number} ({NameOf(earlier.Port)}) is replaced by {NameOf(port)} from {location}, which sends it to container port {key.Number}: the agent keys Service ports by number only, so no port of the module's Service reaches container port {number}.",
                    "Bind the container port to a HostPort that is not the number of another exposed port.");
            }
            // A binding replacing the exposed port of its own container port is the agent's intent: host ports override exposed ports.
            else if (!exposed)
            {
                _context.Drop(earlier.Location, earlier.Port, DropEffect.Ignored,
                    $"Service port {number} ({NameOf(earlier.Port)}) is replaced by {NameOf(port)} from {location}: the agent keys Service ports by number only, so two bindings of one number, or TCP and UDP on it, collide.",
                    "Use different port numbers.");
            }
        }
        var clash = _servicePorts.Where(p => p.Key != number && NameOf(p.Value.Port) == NameOf(port)).Select(p => (Number: p.Key, p.Value.Key)).FirstOrDefault();
        if (clash.Key is not null)
        {
            // Only a host port can share a name with a port of another number: its name has the container port.
            var keys = clash.Key.Text == key.Text ? new[] { key.Text } : new[] { clash.Key.Text, key.Text };
            var (reason, advice) = PortSettingsRule.SameServicePortName(key, keys, new[] { clash.Number, number });
            _context.StopDeployment(location, port, reason, advice);
        }
        _servicePorts[number] = (port, key, location);
    }

    /// <summary>exposedport-&lt;port&gt;-&lt;protocol&gt; or hostport-&lt;container port&gt;-&lt;protocol&gt;, with the container port as target of a binding.</summary>
    private static JObject ServicePort(string prefix, PortKey key, long port, long? targetPort) =>
        JsonBuild.Object(("name", JValue.String(prefix + "-" + key.Number!.Value.ToString(CultureInfo.InvariantCulture) + "-" + key.Protocol)),
            ("port", JValue.Number(port)), ("protocol", JValue.String(Protocol(key))), ("targetPort", targetPort is { } target ? JValue.Number(target) : null));

    private static string Protocol(PortKey key) => key.Protocol!.ToUpperInvariant();

    private static long PortOf(JObject port) => ((JValue)port["port"]!).TryGetInt64(out var n) ? n : 0;

    private static string NameOf(JObject port) => ((JValue)port["name"]!).Text;

    private static string ProtocolOf(JObject port) => ((JValue)port["protocol"]!).Text;
}

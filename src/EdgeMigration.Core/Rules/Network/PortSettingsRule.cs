using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules.Other;

namespace EdgeMigration.Core.Rules.Network;

/// <summary>
/// K10: ports as the device's agent maps them. Port keys other than <c>&lt;port&gt;[/&lt;tcp|udp|sctp&gt;]</c> are ignored (a
/// port without a protocol is TCP, as to Docker: K16), and one whose number is not a port from 1 to 65535 is refused by
/// Kubernetes (<see cref="PortKey.RefusedBecause"/>); a HostPort that is not a whole number is skipped with a warning in the agent's
/// log, and one outside 1–65535 is refused by Kubernetes; a container port bound to several HostPorts, under one key or
/// under keys whose protocol differs only in case ("80/TCP" and "80/tcp", one port to the agent), gives the Service
/// two ports of the same name (hostport-&lt;port&gt;-&lt;protocol&gt;), which Kubernetes refuses; HostIp is not mapped. PortBindings that are not
/// objects and arrays, and a HostPort or HostIp that is an object or an array (<see cref="MistypedFields.OfBinding"/>), keep every
/// agent from reading the deployment, as rule K4 says of other fields. Template placeholders are judged once expanded.
/// </summary>
public sealed class PortSettingsRule : ModuleRule
{
    public override string Id => "K10";
    public override string Title => "Port settings the device's agent skips or refuses";
    public override Severity DefaultSeverity => Severity.Error;
    public override string Section => "network";
    internal override bool FindsStoppedDeployments => true;

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, List<Finding> findings)
    {
        if (module.IsEdgeAgent)
        {
            return;
        }
        if (ModulePorts.PortBindingsMember(module) is { } member && member.Value is not (JObject or JValue { Kind: JValueKind.Null }))
        {
            findings.Add(TemplateText.StandsForValue(member.Value)
                ? PendingFinding(module, ModulePorts.LocationOf(member), member.Value, "an object of ports")
                : Finding(module, ModulePorts.LocationOf(member),
                    $"{member.Name} is {member.Value.ToCompactJson()}, not an object; {InvalidCreateOptionsRule.WholeDeploymentRefused}.",
                    "Write it as {\"<port>/tcp\": [{\"HostPort\": \"<port>\"}]}.", stopsDeployment: true));
            return;
        }
        foreach (var exposed in ModulePorts.Exposed(module))
        {
            AddIfInvalid(module, exposed.Key, exposed.Location, exposed.Member.Name, true, findings);
        }
        foreach (var entry in ModulePorts.Bindings(module))
        {
            AddIfInvalid(module, entry.Key, entry.Location, entry.Member.Name, false, findings);
        }
        foreach (var entry in ModulePorts.Bindings(module))
        {
            CheckEntry(module, entry, findings);
        }
    }

    private void AddIfInvalid(EdgeModule module, PortKey key, string location, string name, bool exposed, List<Finding> findings)
    {
        if (key.IsOutOfRange)
        {
            if (key.RefusedBecause(exposed) is { } refused)
            {
                findings.Add(Finding(module, location, refused, PortKey.RefusedAdvice, stopsDeployment: true));
            }
        }
        else if (!key.IsValid && !TemplateText.HasPlaceholder(name))
        {
            findings.Add(Finding(module, location, key.IgnoredBecause, key.IgnoredAdvice, Severity.Warning));
        }
    }

    private void CheckEntry(EdgeModule module, PortBindingsEntry entry, List<Finding> findings)
    {
        if (entry.Member.Value is not (JArray or JValue { Kind: JValueKind.Null }))
        {
            findings.Add(TemplateText.StandsForValue(entry.Member.Value)
                ? PendingFinding(module, entry.Location, entry.Member.Value, "an array of bindings")
                : Finding(module, entry.Location,
                    $"{entry.Location} is {entry.Member.Value.ToCompactJson()}, not an array of bindings; {InvalidCreateOptionsRule.WholeDeploymentRefused}.",
                    "Write it as [{\"HostPort\": \"<port>\"}].", stopsDeployment: true));
            return;
        }
        foreach (var binding in entry.Bindings)
        {
            // Of a key the agent does not read, it reads no binding either.
            if (binding.Node is JValue { Kind: JValueKind.Null } && entry.Key.Protocol is not null)
            {
                findings.Add(Finding(module, binding.Location,
                    $"{binding.Location} is null, not a binding object; {ModulePorts.NullStopsDeployment}.",
                    "Write it as {\"HostPort\": \"<port>\"}, or remove it.", stopsDeployment: true));
                continue;
            }
            if (binding.Node is not (JObject or JValue { Kind: JValueKind.Null }))
            {
                findings.Add(TemplateText.StandsForValue(binding.Node)
                    ? PendingFinding(module, binding.Location, binding.Node, "a binding")
                    : Finding(module, binding.Location,
                        $"{binding.Location} is {binding.Node.ToCompactJson()}, not a binding object; {InvalidCreateOptionsRule.WholeDeploymentRefused}.",
                        "Write it as {\"HostPort\": \"<port>\"}.", stopsDeployment: true));
                continue;
            }
            if (binding.Node is JObject fields && MistypedFields.OfBinding(fields, binding.Location) is { Count: > 0 } mistyped)
            {
                findings.AddRange(mistyped.Select(field => Finding(module, field)));
                continue;
            }
            if (binding.HasHostPort && binding.HostPort is null && !TemplateText.HasPlaceholder(binding.HostPortText!))
            {
                var number = ModulePorts.ToNumber(binding.HostPortText!);
                findings.Add(number is null
                    ? Finding(module, binding.Location, binding.HostPortSkippedBecause, PortBinding.HostPortSkippedAdvice, Severity.Warning)
                    : Finding(module, binding.Location,
                        PortKey.HostPortRefusedBecause(binding.HostPortText!),
                        "Give a port from 1 to 65535.", stopsDeployment: true));
            }
            if (!string.IsNullOrEmpty(binding.HostIp) && binding.HostIp is not ("0.0.0.0" or "::"))
            {
                findings.Add(Finding(module, binding.Location,
                    $"HostIp {binding.HostIp} is ignored on the GPU device: the Service listens on the external IP the device assigns to the module.",
                    "To choose that IP, set \"k8s-experimental\": {\"serviceOptions\": {\"type\": \"LoadBalancer\", \"loadBalancerIP\": \"<ip in the device's Kubernetes external service IP range>\"}}.",
                    Severity.Information));
            }
        }
        if (entry.Key.IsValid && SameNamedHostPorts(module, entry) is { } sameName)
        {
            findings.Add(Finding(module, entry.Location, sameName.Message, sameName.Advice, stopsDeployment: true));
        }
    }

    /// <summary>
    /// When <paramref name="entry"/> is the last key of its port (keys in any case of the protocol are one port to the
    /// agent, "80/TCP" and "80/tcp") and the port is bound to more than one HostPort: why Kubernetes refuses the Service.
    /// </summary>
    private static (string Message, string Advice)? SameNamedHostPorts(EdgeModule module, PortBindingsEntry entry)
    {
        // Nearly every port has one key and one HostPort: tell that without a list, as every check asks of every key.
        var bindings = ModulePorts.Bindings(module);
        var last = entry;
        long? firstHostPort = null;
        var several = false;
        foreach (var other in bindings)
        {
            if (other.Key.IsValid && other.Key.Name == entry.Key.Name)
            {
                last = other;
                foreach (var binding in other.Bindings)
                {
                    several |= binding.HostPort is { } hostPort && firstHostPort is { } first && hostPort != first;
                    firstHostPort ??= binding.HostPort;
                }
            }
        }
        if (!several || !ReferenceEquals(last, entry))
        {
            return null;
        }
        var keys = new List<string>();
        var hostPorts = new List<long>();
        foreach (var other in bindings)
        {
            if (!other.Key.IsValid || other.Key.Name != entry.Key.Name)
            {
                continue;
            }
            foreach (var binding in other.Bindings)
            {
                if (binding.HostPort is { } hostPort)
                {
                    if (!keys.Contains(other.Member.Name))
                    {
                        keys.Add(other.Member.Name);
                    }
                    if (!hostPorts.Contains(hostPort))
                    {
                        hostPorts.Add(hostPort);
                    }
                }
            }
        }
        return SameServicePortName(entry.Key, keys, hostPorts);
    }

    /// <summary>
    /// Why Kubernetes refuses a Service whose HostPorts <paramref name="hostPorts"/> all get the name of container port
    /// <paramref name="key"/>, bound under the port keys <paramref name="keys"/> as written; the preview says it too.
    /// </summary>
    internal static (string Message, string Advice) SameServicePortName(PortKey key, IReadOnlyList<string> keys, IReadOnlyList<long> hostPorts)
    {
        var name = $"hostport-{key.Number}-{key.Protocol}";
        return keys.Count < 2
            ? ($"Container port {key.Name} is bound to HostPorts {string.Join(", ", hostPorts)}; the device names each Service port {name}, and Kubernetes refuses two ports of the same name; {PortKey.ServiceRefused}.",
                "Bind each container port to one HostPort.")
            : ($"Port keys {ProseList.Joined(keys.Select(k => "'" + k + "'").ToList())} are one container port, {key.Name}, to the device's agent, which reads the protocol in any case; bound to HostPorts {string.Join(", ", hostPorts)}, it gives the Service two ports named {name}, and Kubernetes refuses two ports of the same name; {PortKey.ServiceRefused}.",
                $"Write the port once, as \"{key.Name}\", bound to one HostPort.");
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Network;

/// <summary>
/// K16: a port key of ExposedPorts or PortBindings without a protocol ("80"). Docker, on the FPGA device, takes it for
/// TCP; the GPU device's agent reads only &lt;port&gt;/&lt;protocol&gt; (PortAndProtocol.Parse splits the key on '/' and
/// wants two parts) and ignores it, so the port is not exposed. The fix writes the TCP Docker meant ("80/tcp"), unless
/// the object already has a key of that name: the two would then be one port written twice, for the user to settle.
/// </summary>
public sealed class PortProtocolRule : ModuleRule
{
    public override string Id => "K16";
    public override string Title => "Port keys without a protocol";
    public override Severity DefaultSeverity => Severity.Warning;
    public override string Section => "network";
    public override bool CanFix => true;

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, List<Finding> findings)
    {
        if (module.IsEdgeAgent)
        {
            return;
        }
        var keys = WithoutProtocol(module);
        for (var i = 0; i < keys.Count; i++)
        {
            var (container, _, key, location) = keys[i];
            // "80" and "080" are both port 80: the fix writes the first as "80/tcp" and then leaves the second.
            // The twin as written: "80/TCP" beside "80" is named so, not "80/tcp".
            var twin = container.FindIgnoreCase(key.DockerName)?.Name ?? EarlierOfItsPort(keys, i);
            findings.Add(Finding(module, location, key.IgnoredBecause,
                twin is null
                    ? $"Write it as \"{key.Number}/tcp\", as ConvertTo-GpuEdgeManifest does."
                    : $"Remove it: \"{twin}\" beside it is the same port to Docker.",
                fixable: twin is null));
        }
    }

    public override void Fix(ConversionContext context)
    {
        foreach (var module in context.Manifest.Modules.Where(m => m.CreateOptions is { Error: null } && !m.IsEdgeAgent))
        {
            foreach (var (container, member, key, location) in WithoutProtocol(module))
            {
                if (TcpName(container, key) is { } name)
                {
                    var before = JValue.String(member.Name);
                    container.Rename(member, name);
                    context.Record(this, module, location, before, JValue.String(name),
                        $"Port '{key.Text}' had no protocol, which the GPU device's agent ignores; it is TCP, as Docker read it.");
                }
            }
        }
    }

    /// <summary>The keys of ExposedPorts and PortBindings without a protocol, each with the object that holds it.</summary>
    private static IReadOnlyList<(JObject Container, JMember Member, PortKey Key, string Location)> WithoutProtocol(EdgeModule module)
    {
        var exposed = module.Options().ObjectOf(ModulePorts.ExposedPortsName);
        var bindings = ModulePorts.PortBindingsMember(module)?.Value as JObject;
        // The fix runs outside a check, where the port views are read afresh for every module: most have no such key.
        if (!HasKeyWithoutProtocol(exposed) && !HasKeyWithoutProtocol(bindings))
        {
            return Array.Empty<(JObject, JMember, PortKey, string)>();
        }
        var found = new List<(JObject, JMember, PortKey, string)>();
        foreach (var port in ModulePorts.Exposed(module).Where(p => p.Key.LacksProtocol))
        {
            found.Add((exposed!, port.Member, port.Key, port.Location));
        }
        foreach (var entry in ModulePorts.Bindings(module).Where(e => e.Key.LacksProtocol))
        {
            found.Add((bindings!, entry.Member, entry.Key, entry.Location));
        }
        return found;
    }

    private static bool HasKeyWithoutProtocol(JObject? ports)
    {
        var members = ports?.MemberList;
        for (var i = 0; members is not null && i < members.Count; i++)
        {
            if (PortKey.LengthWithoutProtocol(members[i].Name) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The text of a key before the one at <paramref name="index"/> in the same object and of the same port, if any.</summary>
    private static string? EarlierOfItsPort(IReadOnlyList<(JObject Container, JMember Member, PortKey Key, string Location)> keys, int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (keys[i].Container == keys[index].Container && keys[i].Key.Number == keys[index].Key.Number)
            {
                return keys[i].Key.Text;
            }
        }
        return null;
    }

    /// <summary>"&lt;port&gt;/tcp", or null when <paramref name="container"/> already has a key of that name.</summary>
    private static string? TcpName(JObject container, PortKey key)
    {
        var name = key.DockerName;
        return container.FindIgnoreCase(name) is null ? name : null;
    }
}

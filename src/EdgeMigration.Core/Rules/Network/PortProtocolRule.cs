using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Network;

/// <summary>
/// K16: a port key of ExposedPorts or PortBindings without a protocol ("80"). Docker, on the FPGA device, takes it for
/// TCP, and so does the GPU device's agent (PortAndProtocol.Parse defaults to TCP since Azure/iotedge PR 2929, 2020;
/// reference: "port key protocol"); agents built before that ignored it. Information only: the fix writes the TCP both
/// read ("80/tcp"), unless the object already has a key of that name: the two are then one port written twice, for
/// the user to settle.
/// </summary>
public sealed class PortProtocolRule : ModuleRule
{
    public override string Id => "K16";
    public override string Title => "Port keys without a protocol";
    public override Severity DefaultSeverity => Severity.Information;
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
            var twin = container.FindIgnoreCase(key.Name)?.Name ?? EarlierOfItsPort(keys, i);
            findings.Add(Finding(module, location,
                $"Port '{key.Text}' has no protocol: Docker and the device's agent both take it for {key.Name} (agents built before Azure/iotedge PR 2929, of 2020, ignored it).",
                twin is null
                    ? $"Nothing to change; writing it as \"{key.Name}\" (ConvertTo-GpuEdgeManifest does) says so to every reader."
                    : $"Remove it: \"{twin}\" beside it is the same port.",
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
                        $"Port '{key.Text}' had no protocol; it is TCP, as Docker and the GPU device's agent read it.");
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
        var name = key.Name;
        return container.FindIgnoreCase(name) is null ? name : null;
    }
}

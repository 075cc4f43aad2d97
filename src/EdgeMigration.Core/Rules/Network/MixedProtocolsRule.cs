using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Network;

/// <summary>
/// N4: the how-to says port mappings for TCP and UDP in the same module do not work. The device's agent also keys a
/// module's Service ports by number alone, so TCP and UDP on the same number collide and only the last one stays: of
/// bound ports, and of exposed ones (the Kubernetes preview shows the other dropped).
/// </summary>
public sealed class MixedProtocolsRule : ModuleRule
{
    public override string Id => "N4";
    public override string Title => "TCP and UDP port bindings in one module";
    public override Severity DefaultSeverity => Severity.Warning;
    public override string Section => "network";

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, List<Finding> findings)
    {
        CheckExposed(module, findings);
        CheckBindings(module, findings);
    }

    /// <summary>An exposed port whose number a later exposed port of another protocol has: the Service keeps the last.</summary>
    private void CheckExposed(EdgeModule module, List<Finding> findings)
    {
        var exposed = ModulePorts.Exposed(module);
        for (var i = 0; i < exposed.Count - 1; i++)
        {
            var key = exposed[i].Key;
            if (!key.IsValid)
            {
                continue;
            }
            var kept = exposed[LastOfNumber(exposed, key.Number)];
            // The same port twice in two spellings ("80/tcp", "80/TCP") is K10's.
            if (!ReferenceEquals(kept, exposed[i]) && !string.Equals(kept.Key.Protocol, key.Protocol, System.StringComparison.OrdinalIgnoreCase))
            {
                findings.Add(Finding(module, exposed[i].Location,
                    $"Port {key.Number} is exposed over {key.Protocol!.ToUpperInvariant()} and {kept.Key.Protocol!.ToUpperInvariant()} ({kept.Location}); the device keys Service ports by number, so the module's Service keeps only {kept.Key.Name}, and {key.Name} cannot be reached through it.",
                    "Move the ports of one protocol (usually UDP) to a module of their own.", Severity.Error));
            }
        }
    }

    /// <summary>The index of the last valid exposed port numbered <paramref name="number"/>, which one of them has: the one the Service keeps.</summary>
    private static int LastOfNumber(IReadOnlyList<ExposedPort> exposed, int? number)
    {
        var last = exposed.Count - 1;
        while (!(exposed[last].Key.IsValid && exposed[last].Key.Number == number))
        {
            last--;
        }
        return last;
    }

    private void CheckBindings(EdgeModule module, List<Finding> findings)
    {
        // Protocols and port numbers in the order they first appear; written out rather than grouped with LINQ, whose
        // groupings by a nullable number the JIT compiled for this rule alone.
        var protocols = new List<string>();
        var numbersByProtocol = new List<List<string>>();
        var numbers = new List<string>();
        var protocolsByNumber = new List<List<string>>();
        foreach (var entry in ModulePorts.Bindings(module))
        {
            var key = entry.Key;
            if (!key.IsValid)
            {
                continue;
            }
            var number = key.Number!.Value.ToString(CultureInfo.InvariantCulture);
            AddTo(protocols, numbersByProtocol, key.Protocol!, number);
            AddTo(numbers, protocolsByNumber, number, key.Protocol!);
        }
        if (protocols.Count < 2 || ModulePorts.PortBindingsMember(module) is not { } member)
        {
            return;
        }
        // A ClusterIP Service may mix protocols (Kubernetes restricts only load balancers): what remains is the ports that collide.
        var clusterOnly = ModulePorts.IsClusterOnly(module);
        var byProtocol = string.Join("; ", protocols.Select((protocol, i) => $"{protocol.ToUpperInvariant()} {string.Join(", ", numbersByProtocol[i])}"));
        var shared = new List<string>();
        for (var i = 0; i < numbers.Count; i++)
        {
            if (protocolsByNumber[i].Count > 1)
            {
                shared.Add(numbers[i]);
            }
        }
        if (shared.Count == 0 && clusterOnly)
        {
            return;
        }
        findings.Add(shared.Count > 0
            ? Finding(module, ModulePorts.LocationOf(member),
                $"The module binds ports of more than one protocol ({byProtocol}); the how-to says that does not work, and the device keys Service ports by number, so port {string.Join(", ", shared)} keeps only its last protocol.",
                "Move the ports of one protocol (usually UDP) to a module of their own, or bind them to other HostPorts.", Severity.Error)
            : Finding(module, ModulePorts.LocationOf(member),
                $"The module binds ports of more than one protocol ({byProtocol}); the how-to says TCP and UDP port mappings in the same module do not work.",
                "Move the ports of one protocol (usually UDP) to a module of their own; where one process serves both and only other modules on the device reach them, keep them and make the Service ClusterIP, which may mix protocols (\"k8s-experimental\": {\"serviceOptions\": {\"type\": \"ClusterIP\"}}); or test the module on the GPU device."));
    }

    /// <summary>Adds <paramref name="value"/> to the distinct values under <paramref name="key"/>, keys and values in first-seen order.</summary>
    private static void AddTo(List<string> keys, List<List<string>> values, string key, string value)
    {
        var index = keys.IndexOf(key);
        if (index < 0)
        {
            keys.Add(key);
            values.Add(new List<string>());
            index = keys.Count - 1;
        }
        if (!values[index].Contains(value))
        {
            values[index].Add(value);
        }
    }
}

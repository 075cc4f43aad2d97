using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Network;

/// <summary>
/// N4: the how-to says port mappings for TCP and UDP in the same module do not work. The device's agent also keys a
/// module's Service ports by number alone, so TCP and UDP on the same number collide and only the last one stays.
/// </summary>
public sealed class MixedProtocolsRule : ModuleRule
{
    public override string Id => "N4";
    public override string Title => "TCP and UDP port bindings in one module";
    public override Severity DefaultSeverity => Severity.Warning;
    public override string Section => "network";

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, List<Finding> findings)
    {
        var keys = ModulePorts.Bindings(module).Select(e => e.Key).Where(k => k.IsValid).ToList();
        var protocols = keys.GroupBy(k => k.Protocol).ToList();
        if (protocols.Count < 2 || ModulePorts.PortBindingsMember(module) is not { } member)
        {
            return;
        }
        var byProtocol = string.Join("; ", protocols.Select(g => $"{g.Key!.ToUpperInvariant()} {string.Join(", ", g.Select(k => k.Number).Distinct())}"));
        var shared = keys.GroupBy(k => k.Number).Where(g => g.Select(k => k.Protocol).Distinct().Count() > 1).Select(g => g.Key).ToList();
        findings.Add(shared.Count > 0
            ? Finding(module, ModulePorts.LocationOf(member),
                $"The module binds ports of more than one protocol ({byProtocol}); the how-to says that does not work, and the device keys Service ports by number, so port {string.Join(", ", shared)} keeps only its last protocol.",
                "Move the ports of one protocol (usually UDP) to a module of their own.", Severity.Error)
            : Finding(module, ModulePorts.LocationOf(member),
                $"The module binds ports of more than one protocol ({byProtocol}); the how-to says TCP and UDP port mappings in the same module do not work.",
                "Move the ports of one protocol (usually UDP) to a module of their own, or test the module on the GPU device."));
    }
}

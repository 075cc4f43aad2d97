using System.Collections.Generic;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Network;

/// <summary>
/// N2: module-to-module traffic on the GPU device goes through the module's Service, whose port is the HostPort
/// (the agent maps port = HostPort, targetPort = container port). On Docker, modules on the same network reach each
/// other at the container port. Where the two numbers differ, callers must switch to the HostPort.
/// </summary>
public sealed class MappedPortRule : ModuleRule
{
    public override string Id => "N2";
    public override string Title => "Other modules must connect to the HostPort";
    public override Severity DefaultSeverity => Severity.Warning;
    public override string Section => "network";

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, List<Finding> findings)
    {
        if (module.IsEdgeAgent)
        {
            return;
        }
        foreach (var entry in ModulePorts.Bindings(module))
        {
            foreach (var binding in entry.Bindings)
            {
                // A port also exposed (or bound to its own number too) is served at its own number as well: callers need not change.
                if (entry.Key.IsValid && binding.HostPort is { } hostPort && hostPort != entry.Key.Number && !ServedAtItsOwnNumber(module, entry.Key))
                {
                    var service = KubernetesNames.NameShown(module.Name);
                    findings.Add(Finding(module, binding.Location,
                        $"Container port {entry.Key.Name} is bound to HostPort {hostPort}. On the GPU device other modules reach it at '{service}:{hostPort}' (the Service port is the HostPort), not at port {entry.Key.Number} as on Docker's module network.",
                        $"Make the modules that call it use port {hostPort}; or bind it to HostPort {entry.Key.Number} instead, or also expose it (\"ExposedPorts\": {{\"{entry.Key.Name}\": {{}}}}, which keeps HostPort {hostPort} too), so that both devices agree."));
                }
            }
        }
    }

    /// <summary>
    /// True when the module's Service also has the port at its own number: the agent keys Service ports by number, a later
    /// one replacing an earlier (exposed ports first, then the bindings in order), so the last of that number must go to
    /// this container port over the same protocol. Read from the views the other rules read, without mapping the Service.
    /// </summary>
    private static bool ServedAtItsOwnNumber(EdgeModule module, PortKey key)
    {
        var bindings = ModulePorts.Bindings(module);
        for (var i = bindings.Count - 1; i >= 0; i--)
        {
            if (!bindings[i].Key.IsValid)
            {
                continue;
            }
            for (var j = bindings[i].Bindings.Count - 1; j >= 0; j--)
            {
                if (bindings[i].Bindings[j].HostPort == key.Number)
                {
                    return bindings[i].Key.Name == key.Name;
                }
            }
        }
        var exposed = ModulePorts.Exposed(module);
        for (var i = exposed.Count - 1; i >= 0; i--)
        {
            if (exposed[i].Key.IsValid && exposed[i].Key.Number == key.Number)
            {
                return exposed[i].Key.Name == key.Name;
            }
        }
        return false;
    }
}

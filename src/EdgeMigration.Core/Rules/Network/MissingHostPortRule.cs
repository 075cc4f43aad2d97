using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Network;

/// <summary>
/// N1: the how-to says a HostPort is required to expose a module's service inside and outside the cluster. A
/// binding without one is published by Docker on a random host port (if the port is exposed: by ExposedPorts or the image's
/// EXPOSE), but skipped by the device's agent; a PortBindings
/// entry with no binding at all (null or []) Docker publishes on no host port, and the agent makes no Service port of it.
/// The fix binds the container port's own number, the only choice that needs nobody's decision; for an entry without a
/// binding that also exposes the port outside the device, which the finding says. A port only in
/// ExposedPorts becomes a ClusterIP Service (exposedport-&lt;port&gt;-&lt;protocol&gt;) reachable only inside the
/// cluster: the article and the agent disagree on whether other modules can use it, hence a warning and no fix.
/// </summary>
public sealed class MissingHostPortRule : ModuleRule
{
    public override string Id => "N1";
    public override string Title => "Exposed ports need a HostPort";
    public override Severity DefaultSeverity => Severity.Warning;
    public override string Section => "network";
    internal override bool FindsStoppedDeployments => true;
    public override bool CanFix => true;

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, List<Finding> findings)
    {
        if (module.IsEdgeAgent)
        {
            return;
        }
        var bindings = ModulePorts.Bindings(module).ToList();
        foreach (var (entry, binding) in Missing(bindings))
        {
            var bind = $"Bind it to a HostPort, for example {Binding(entry.Key).ToCompactJson()} (ConvertTo-GpuEdgeManifest binds the container port's number).";
            // Null, unlike [], the agent's Service mapping throws on.
            var isNull = entry.Member.Value is JValue { Kind: JValueKind.Null };
            findings.Add(binding is null
                ? Finding(module, entry.Location,
                    isNull
                        ? $"{entry.Location} is null, not an array of bindings; Docker publishes the port on no host port, and {ModulePorts.NullStopsDeployment}."
                        : $"{entry.Location} has no binding; Docker publishes the port on no host port (other modules reach it on the module network), and the GPU device's agent skips it, so port {entry.Key.Name} is not exposed.",
                    bind + " That also exposes it outside the device, which Docker did not; to keep it inside the cluster, add \"k8s-experimental\": {\"serviceOptions\": {\"type\": \"ClusterIP\"}}.",
                    isNull ? Severity.Error : null, stopsDeployment: isNull)
                : Finding(module, binding.Location,
                    $"{entry.Location} binding {binding.Index} has no HostPort; Docker publishes the port on a random host port{IfExposedByTheImage(module, entry.Key)}, but the GPU device's agent skips it, so port {entry.Key.Name} is not exposed.",
                    bind));
        }
        // Bindings a template fills in may bind every exposed port.
        if (ModulePorts.IsClusterOnly(module) || ModulePorts.PortBindingsMember(module) is { } member && TemplateText.StandsForValue(member.Value))
        {
            return;
        }
        foreach (var exposed in ModulePorts.Exposed(module).Where(e => e.Key.IsValid && !bindings.Any(b => b.Key.Name == e.Key.Name)))
        {
            findings.Add(Finding(module, exposed.Location,
                $"Port {exposed.Key.Name} is exposed without a HostPort; the device gives it a ClusterIP Service (exposedport-{exposed.Key.Number}-{exposed.Key.Protocol}), reachable only inside the cluster, and the how-to says a HostPort is required to expose a service inside and outside the cluster.",
                $"To reach it from outside the device (or as the how-to asks, from other modules), add \"HostConfig\": {{\"PortBindings\": {{\"{exposed.Member.Name}\": {Binding(exposed.Key).ToCompactJson()}}}}}; to keep it inside the cluster, say so with \"k8s-experimental\": {{\"serviceOptions\": {{\"type\": \"ClusterIP\"}}}}.",
                fixable: false));
        }
    }

    /// <summary>
    /// Docker publishes only exposed ports and ignores the bindings of others (moby#39934); where createOptions'
    /// ExposedPorts does not name the port, only the image's EXPOSE, which the manifest does not show, can.
    /// </summary>
    private static string IfExposedByTheImage(EdgeModule module, PortKey port) =>
        ModulePorts.Exposed(module).Any(e => e.Key.Name == port.Name) ? ""
            : " if the image exposes it (Docker ignores the bindings of a port that neither ExposedPorts nor the image's EXPOSE names)";

    public override void Fix(ConversionContext context)
    {
        foreach (var module in context.Manifest.Modules.Where(m => m.CreateOptions is { Error: null } && !m.IsEdgeAgent))
        {
            foreach (var (entry, binding) in Missing(ModulePorts.Bindings(module).ToList()))
            {
                var port = JValue.String(entry.Key.Number!.Value.ToString(CultureInfo.InvariantCulture));
                var why = $"Port {entry.Key.Name} had no HostPort, so the GPU device did not expose it; it is bound to the same number.";
                if (binding?.Node is JObject existing)
                {
                    var name = existing.FindIgnoreCase("HostPort")?.Name ?? "HostPort";
                    var before = existing.GetIgnoreCase(name);
                    existing.Set(name, port);
                    context.Record(this, module, JsonPath.Member(binding.Location, name), before, port, why);
                }
                else
                {
                    var before = entry.Member.Value;
                    entry.Member.Value = Binding(entry.Key);
                    context.Record(this, module, entry.Location, before, entry.Member.Value, why);
                }
            }
        }
    }

    /// <summary>Entries with no binding (binding null), and bindings without a HostPort, of valid container ports.</summary>
    private static IEnumerable<(PortBindingsEntry Entry, PortBinding? Binding)> Missing(IEnumerable<PortBindingsEntry> entries)
    {
        var found = new List<(PortBindingsEntry Entry, PortBinding? Binding)>();
        foreach (var entry in entries.Where(e => e.Key.IsValid))
        {
            if (entry.Member.Value is JValue { Kind: JValueKind.Null } or JArray { Count: 0 })
            {
                found.Add((entry, null));
            }
            // A HostPort the agent cannot read at all is rule K10's: it stops the whole deployment.
            foreach (var binding in entry.Bindings.Where(b => b.Node is JObject fields && !b.HasHostPort && MistypedFields.OfBinding(fields, b.Location).Count == 0))
            {
                found.Add((entry, binding));
            }
        }
        return found;
    }

    private static JArray Binding(PortKey key) => ModulePorts.HostPortBinding(key.Number!.Value);


}

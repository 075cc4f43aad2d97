using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using EdgeMigration.Core.Rules.Other;
using EdgeMigration.Core.Rules.Resources;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>
/// A module's k8s-experimental section as the agent reads it (reference: "The k8s-experimental section"): the key
/// matched exactly, its keys in any case (the last spelling wins), each value through the Kubernetes type it holds.
/// Unknown keys, and a section that is not an object, are <see cref="IgnoredSettings"/>. What the typed reading cannot read fails the module's createOptions:
/// the preview fails the module for it and rule K3 reports it (<see cref="UnreadableOrPending"/>), from this one reading,
/// as it does a template placeholder standing for an object or a list, pending until the template is expanded.
/// </summary>
internal sealed class KubernetesExtensions
{
    /// <summary>The Service types the agent knows (PortMapServiceType), matched in any case.</summary>
    private static readonly string[] ServiceTypes = { "ClusterIP", "NodePort", "LoadBalancer" };

    // Each an object, or a template's placeholder kept as written.
    public JNode? Resources { get; private set; }
    public JNode? Strategy { get; private set; }
    public JNode? SecurityContext { get; private set; }
    public JNode? NodeSelector { get; private set; }
    public List<KubernetesVolume> Volumes { get; } = new();
    public List<KubernetesVolumeMount> VolumeMounts { get; } = new();

    /// <summary>serviceOptions.type in the agent's spelling, when it is one the agent knows.</summary>
    public string? ServiceType { get; private set; }

    public string? LoadBalancerIp { get; private set; }

    public string? LoadBalancerIpLocation { get; private set; }

    /// <summary>Where serviceOptions.type is, with the section's keys as written (<c>k8s-experimental.ServiceOptions.type</c>).</summary>
    public string? ServiceTypeLocation { get; private set; }

    /// <summary>True when the typed reading recorded a failure: the agent then sends no objects of the module.</summary>
    private bool _unreadable;

    /// <summary>False when the typed reading recorded a failure: the agent then sends no objects of the module to refuse.</summary>
    public bool IsReadable => !_unreadable;

    /// <summary>The <see cref="UnreadableOrPending"/> settings of a section read without a rendering (<see cref="ReadAlone"/>); a rendering has them among its own.</summary>
    private IReadOnlyList<DroppedSetting> Problems { get; set; } = Array.Empty<DroppedSetting>();

    /// <summary>
    /// The settings of the module's k8s-experimental section the agent cannot read, each of which fails its createOptions
    /// (<see cref="DropEffect.Fails"/>), and the template placeholders standing for an object or a list (<see cref="DropEffect.Pending"/>).
    /// </summary>
    public static IReadOnlyList<DroppedSetting> UnreadableOrPending(EdgeModule module) =>
        ReadAlone(module)?.Problems ?? (IReadOnlyList<DroppedSetting>)Array.Empty<DroppedSetting>();

    /// <summary>
    /// The section as the checks read it, outside a rendering: once per check, as K3, K12 and K13 (its volumes) ask of
    /// every module; null when the module has none (most have none: nothing to read, no context to make).
    /// </summary>
    public static KubernetesExtensions? ReadAlone(EdgeModule module) =>
        module.Options()?.Find(CreateOptionsAccess.KubernetesSection) is null ? null : CheckScope.Read(module, AloneView, (m, _) => ReadWithoutRendering(m));

    /// <summary>The key of <see cref="ReadAlone(EdgeModule)"/> in a check's views.</summary>
    private static readonly object AloneView = new();

    private static KubernetesExtensions ReadWithoutRendering(EdgeModule module)
    {
        var context = RenderContext.Alone(module);
        var extensions = Read(context);
        extensions.Problems = context.Dropped.Where(d => d.Effect != DropEffect.Ignored).ToList();
        return extensions;
    }

    /// <summary>The section as the agent's typed model reads it; what it cannot read is recorded as a failure in <paramref name="context"/>.</summary>
    public static KubernetesExtensions Read(RenderContext context)
    {
        var failures = context.Dropped.Count(d => d.Effect == DropEffect.Fails);
        var extensions = new KubernetesExtensions();
        extensions.ReadSection(context);
        extensions._unreadable = context.Dropped.Count(d => d.Effect == DropEffect.Fails) > failures;
        return extensions;
    }

    private void ReadSection(RenderContext context)
    {
        var section = context.Module.Options()?.Find(CreateOptionsAccess.KubernetesSection);
        if (section is null)
        {
            return;
        }
        var reader = new TypedReader(context);
        if (section.Value is JObject settings)
        {
            foreach (var member in settings.Members.Where(m => AgentCreateOptions.IsKnownKubernetesKey(m.Name)))
            {
                ReadOption(context, reader, member, JsonPath.Member(CreateOptionsAccess.KubernetesSection, member.Name));
            }
        }
        else if (TemplateText.IsPlaceholder(section.Value))
        {
            reader.RecordPending(CreateOptionsAccess.KubernetesSection, section.Value, "an object of Kubernetes settings");
        }
        // Any other value is ignored whole by the agent, as IgnoredSettings says.
    }

    private void ReadOption(RenderContext context, TypedReader reader, JMember member, string location)
    {
        switch (member.Name.ToLowerInvariant())
        {
            case "resources":
                Resources = reader.ReadObject(member.Value, KubernetesSchema.ResourceRequirements, location);
                break;
            case "strategy":
                Strategy = reader.ReadObject(member.Value, KubernetesSchema.DeploymentStrategy, location);
                break;
            case "securitycontext":
                SecurityContext = reader.ReadObject(member.Value, KubernetesSchema.PodSecurityContext, location);
                break;
            case "nodeselector":
                NodeSelector = reader.Read(member.Value, new SchemaField("nodeSelector", FieldType.StringMap), location);
                break;
            case "volumes":
                ReadVolumes(reader, member.Value, location);
                break;
            case "serviceoptions":
                ReadServiceOptions(context, reader.ReadObject(member.Value, KubernetesSchema.ServiceOptions, location) as JObject, location);
                break;
        }
    }

    /// <summary>
    /// True when the agent cannot read the module's k8s-experimental section (rule K3): it then sends no Deployment, so
    /// the checks of what the API server refuses of one (K12, K17) judge none.
    /// </summary>
    public static bool IsUnreadable(EdgeModule module) => UnreadableOrPending(module).Any(setting => setting.Effect == DropEffect.Fails);

    /// <summary>
    /// What the API server refuses when it validates the Deployment's strategy (<see cref="StrategyRefusals"/>) and the pod
    /// template's resources (<see cref="ResourceRefusals"/>): it refuses the Deployment, as rules K17 and K12 say, in
    /// their words and quoting the values as the user wrote them. Not judged when the section could not be read: the
    /// agent then sends no Deployment, and a quantity it could not read would look missing.
    /// </summary>
    public void FailRefused(RenderContext context)
    {
        if (_unreadable)
        {
            return;
        }
        foreach (var refusal in StrategyRefusals.Of(context.Module))
        {
            context.Fail(refusal.Location, refusal.Value, refusal.PreviewReason, refusal.Remedy);
        }
        foreach (var refusal in ResourceRefusals.Of(context.Module))
        {
            context.Fail(refusal.Location, refusal.Value, ApiServerRefusal.PreviewReasonOf(refusal.Problem), refusal.Remedy);
        }
    }

    private void ReadVolumes(TypedReader reader, JNode value, string location)
    {
        Volumes.Clear();
        VolumeMounts.Clear();
        var field = new SchemaField("volumes", FieldType.ObjectList, KubernetesSchema.VolumeSpec);
        if (value is not JArray specs)
        {
            // A placeholder, null, or what the agent cannot read as a list: recorded as the list's reading records it.
            reader.Read(value, field, location);
            return;
        }
        // Each spec read as the list's reading reads it, with its place kept for the volume (rule K13 and the preview name it).
        var item = new SchemaField(field.Name, FieldType.Object, field.Item);
        for (var i = 0; i < specs.Count; i++)
        {
            var specLocation = JsonPath.Index(location, i);
            if (reader.Read(specs[i], item, specLocation) is not JObject spec)
            {
                continue;
            }
            if (spec["volume"] is JObject volume)
            {
                Volumes.Add(new KubernetesVolume(volume, specLocation));
            }
            var mounts = spec["volumeMounts"] as JArray;
            for (var j = 0; mounts is not null && j < mounts.Count; j++)
            {
                if (mounts[j] is JObject mount)
                {
                    VolumeMounts.Add(new KubernetesVolumeMount(mount, JsonPath.Index(JsonPath.Member(specLocation, "volumeMounts"), j)));
                }
            }
        }
    }

    private void ReadServiceOptions(RenderContext context, JObject? options, string location)
    {
        ServiceType = null;
        LoadBalancerIp = (options?["loadBalancerIP"] as JValue)?.Text;
        LoadBalancerIpLocation = JsonPath.Member(location, "loadBalancerIP");
        ServiceTypeLocation = JsonPath.Member(location, "type");
        if (options?["type"] is JValue type)
        {
            ServiceType = ServiceTypes.FirstOrDefault(t => string.Equals(t, type.Text.Trim(), StringComparison.OrdinalIgnoreCase));
            if (ServiceType is null)
            {
                context.Drop(ServiceTypeLocation, type, DropEffect.Ignored,
                    $"Service type '{type.Text}' is not one the agent knows ({string.Join(", ", ServiceTypes)}); the default applies.",
                    "Use ClusterIP, NodePort or LoadBalancer.");
            }
        }
    }
}

/// <summary>A k8s-experimental volume as the agent's typed model reads it, and where its spec is (<c>k8s-experimental.volumes[0]</c>).</summary>
internal sealed record KubernetesVolume(JObject Volume, string Location);

/// <summary>A k8s-experimental volumeMount as the agent's typed model reads it, and where it is (<c>k8s-experimental.volumes[0].volumeMounts[0]</c>).</summary>
internal sealed record KubernetesVolumeMount(JObject Mount, string Location)
{
    /// <summary>The name of the pod volume it mounts, as the typed model reads it; null when it has none.</summary>
    public string? Name => (Mount["name"] as JValue)?.Text;
}

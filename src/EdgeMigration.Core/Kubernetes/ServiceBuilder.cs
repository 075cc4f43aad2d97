using System.Linq;
using EdgeMigration.Core.Json;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>
/// A module's Service (KubernetesServiceMapper; reference: ExposedPorts and PortBindings rows): made when the module has
/// ports, named like the module, selecting its pod by the module's labels. Only ExposedPorts: ClusterIP. PortBindings:
/// k8s-experimental.serviceOptions.type, else the device's default for port mappings (LoadBalancer on Azure Stack Edge).
/// </summary>
internal static class ServiceBuilder
{
    private const string ClusterIp = "ClusterIP";
    private const string LoadBalancer = "LoadBalancer";

    public static JObject? Build(RenderContext context, ModuleParts parts)
    {
        var ports = parts.Ports.ServicePorts.ToList();
        var extensions = parts.Extensions;
        if (ports.Count == 0)
        {
            DropServiceOptions(context, extensions);
            return null;
        }
        var type = parts.Ports.HasPortBindings ? extensions.ServiceType ?? context.Options.DefaultServiceType : ClusterIp;
        if (!parts.Ports.HasPortBindings && extensions.ServiceType is { } asked && asked != ClusterIp)
        {
            context.Drop(extensions.ServiceTypeLocation!, JValue.String(asked), DropEffect.Ignored,
                "With ExposedPorts only (no PortBindings) the agent makes a ClusterIP Service; serviceOptions.type applies to port bindings.",
                "Bind the port (HostConfig.PortBindings) to expose it outside the cluster.");
        }
        var loadBalancerIp = extensions.LoadBalancerIp;
        if (loadBalancerIp is not null && type != LoadBalancer)
        {
            context.Drop(extensions.LoadBalancerIpLocation!, JValue.String(loadBalancerIp), DropEffect.Ignored,
                $"loadBalancerIP applies only to a LoadBalancer Service; this one is {type}.",
                "Set serviceOptions.type LoadBalancer, or remove loadBalancerIP.");
            loadBalancerIp = null;
        }
        return JsonBuild.Object(
            ("apiVersion", JValue.String("v1")),
            ("kind", JValue.String("Service")),
            ("metadata", parts.Metadata(context.Name, parts.Annotations)),
            ("spec", JsonBuild.Object(
                ("type", JValue.String(type)),
                ("ports", new JArray(ports)),
                ("selector", JsonBuild.Strings(parts.Labels)),
                ("loadBalancerIP", JsonBuild.Text(loadBalancerIp)))));
    }

    /// <summary>serviceOptions of a module without ports: the agent makes no Service for them to apply to.</summary>
    private static void DropServiceOptions(RenderContext context, KubernetesExtensions extensions)
    {
        const string Reason = "The module has no ports (ExposedPorts or PortBindings), so the agent makes no Service for serviceOptions to apply to.";
        const string Fix = "Expose or bind a port, or remove serviceOptions.";
        if (extensions.ServiceType is { } type)
        {
            context.Drop(extensions.ServiceTypeLocation!, JValue.String(type), DropEffect.Ignored, Reason, Fix);
        }
        if (extensions.LoadBalancerIp is { } loadBalancerIp)
        {
            context.Drop(extensions.LoadBalancerIpLocation!, JValue.String(loadBalancerIp), DropEffect.Ignored, Reason, Fix);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Rules;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>
/// A module's Deployment as the agent builds it (KubernetesDeploymentMapper): one replica, none for a stopped module;
/// the strategy from k8s-experimental; a pod with the module's container, its volumes, the image pull secret, the
/// pod security context, node selector and host namespaces. The agent also adds a sidecar container "proxy" with its
/// two config volumes and a creation-string annotation; their content depends on the device, so they are not shown.
/// </summary>
internal static class DeploymentBuilder
{
    public const string OriginalModuleIdAnnotation = "net.azure-devices.edge.original-moduleid";

    public static JObject Build(RenderContext context, ModuleParts parts)
    {
        var module = context.Module;
        var podAnnotations = parts.Annotations.Append(new KeyValuePair<string, string>(OriginalModuleIdAnnotation, module.Name));
        var template = JsonBuild.Object(
            ("metadata", JsonBuild.Object(("name", JValue.String(context.Name)), ("labels", JsonBuild.Strings(parts.Labels)), ("annotations", JsonBuild.Strings(podAnnotations)))),
            ("spec", PodSpec(context, parts)));
        return JsonBuild.Object(
            ("apiVersion", JValue.String("apps/v1")),
            ("kind", JValue.String("Deployment")),
            ("metadata", parts.Metadata(context.Name)),
            ("spec", JsonBuild.Object(
                ("replicas", JValue.Number(module.IsStopped ? 0 : 1)),
                ("selector", JsonBuild.Object(("matchLabels", JsonBuild.Strings(parts.Labels)))),
                ("strategy", JsonBuild.OrNull(parts.Extensions.Strategy)),
                ("template", template))));
    }

    private static JObject PodSpec(RenderContext context, ModuleParts parts)
    {
        var hostConfig = context.Module.HostConfig();
        var host = AgentCreateOptions.HostModes.ToDictionary(mode => mode.Value, mode => HostMode(hostConfig, mode.Key));
        return JsonBuild.Object(
            ("containers", new JArray { Container(context, parts) }),
            ("volumes", JsonBuild.ArrayOrNull(parts.Volumes.Volumes)),
            ("imagePullSecrets", parts.PullSecret is { } secret ? new JArray { JsonBuild.Object(("name", JValue.String(secret))) } : null),
            ("securityContext", parts.Extensions.SecurityContext),
            ("serviceAccountName", JValue.String(context.Name)),
            ("nodeSelector", parts.Extensions.NodeSelector),
            ("hostIPC", host["hostIPC"]),
            ("hostNetwork", host["hostNetwork"]),
            ("hostPID", host["hostPID"]),
            // Reference: NetworkMode host also needs the cluster's DNS through the host network.
            ("dnsPolicy", host["hostNetwork"] is { Kind: JValueKind.True } ? JValue.String("ClusterFirstWithHostNet") : null));
    }

    private static JObject Container(RenderContext context, ModuleParts parts)
    {
        var options = context.Module.Options();
        var privileged = options.ObjectOf("HostConfig").IsTrue("Privileged");
        return JsonBuild.Object(
            ("name", JValue.String(context.Name)),
            ("image", JsonBuild.Text(context.Module.Image)),
            ("command", Strings(context, options, "Entrypoint")),
            ("args", Strings(context, options, "Cmd")),
            ("workingDir", JsonBuild.Text((options?.Find("WorkingDir")?.Value as JValue)?.AsString())),
            ("env", ContainerEnvironment.Build(context)),
            ("ports", JsonBuild.ArrayOrNull(parts.Ports.ContainerPorts)),
            ("resources", parts.Extensions.Resources),
            ("securityContext", privileged ? JsonBuild.Object(("privileged", JValue.Boolean(true))) : null),
            ("volumeMounts", JsonBuild.ArrayOrNull(parts.Volumes.Mounts)));
    }

    /// <summary>Entrypoint and Cmd, spelled exactly (<see cref="AgentCreateOptions.ExactTopLevel"/>): the agent reads them only as arrays of strings; anything else fails (rule O3).</summary>
    private static JArray? Strings(RenderContext context, JObject? options, string name)
    {
        var member = options?.Find(name);
        switch (member?.Value)
        {
            case null:
            case JValue { Kind: JValueKind.Null }:
                return null;
            case JArray array when array.All(item => item is JValue { IsString: true }):
                return JsonBuild.Array(array.Cast<JValue>().Select(item => item.Text));
            default:
                // Read with every module's createOptions before the agent pushes any (EdgeDeploymentCommand): it throws, and none is deployed.
                context.StopDeployment(member.Name, member.Value,
                    $"{member.Name} is {Manifests.CreateOptions.Describe(member.Value)}; the agent reads it only as an array of strings, so the whole deployment fails.",
                    "Write it as an array of strings (ConvertTo-GpuEdgeManifest splits simple strings, rule O3).");
                return null;
        }
    }

    /// <summary>true for "host" (any case), false for another mode, nothing when the mode is not set.</summary>
    private static JValue? HostMode(JObject? hostConfig, string name) =>
        hostConfig.StringOf(name) is { } mode ? JValue.Boolean(string.Equals(mode, AgentCreateOptions.HostMode, StringComparison.OrdinalIgnoreCase)) : null;
}

using System;
using System.Collections.Generic;
using EdgeMigration.Core.Kubernetes;

namespace EdgeMigration.Core.Rules.Storage;

/// <summary>Why the agent cannot give a pod the volume a bind or a mount asks for: a finding's message and recommendation.</summary>
/// <summary>Why a pod volume's name fails; <paramref name="StopsDeployment"/> when the agent cannot name it at all, which stops the whole deployment.</summary>
public sealed record VolumeNameProblem(string Message, string Recommendation, bool StopsDeployment = false);

/// <summary>
/// The names the device's agent gives a pod's volumes (KubernetesDeploymentMapper.CollectModuleVolumes): a bind's
/// hostPath volume and a volume mount's claim are named after their Source as KubeUtils.SanitizeDNSLabel makes it
/// (<see cref="DnsNames.Label"/>), beside the volumes of the proxy sidecar, which come first in every pod.
/// </summary>
public static class PodVolumeNames
{
    /// <summary>The names of the volumes the agent gives the proxy sidecar of every pod.</summary>
    public static IReadOnlyList<string> Reserved { get; } = Array.AsReadOnly(new[] { "config-volume", "trust-bundle-volume" });

    public static bool IsReserved(string name)
    {
        // A loop: every bind and mount of every check asks.
        foreach (var reserved in Reserved)
        {
            if (string.Equals(name, reserved, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The volume the agent names after a bind's or mount's Source, or null and why it cannot (the agent's message).</summary>
    public static string? Of(string source, out string? problem)
    {
        problem = null;
        try
        {
            return DnsNames.Label(source);
        }
        catch (KubernetesNameException ex)
        {
            problem = ex.Message;
            return null;
        }
    }

    /// <summary>
    /// What is wrong with the name of the k8s-experimental volume at <paramref name="location"/>, null when it has none:
    /// the agent sends it as written, and Kubernetes refuses a volume without a name and a name that is not a DNS label
    /// (RFC 1123). Null for a DNS label (K13 and the preview report those the agent uses itself), and for a template
    /// placeholder, which K13 leaves out.
    /// </summary>
    public static VolumeNameProblem? WrittenProblem(string? name, string location)
    {
        if (name is null)
        {
            return new VolumeNameProblem(
                $"The volume of {location} has no name; the agent sends the k8s-experimental volume as written, and Kubernetes refuses the Deployment (volumes[].name: Required value).",
                "Name the volume with a DNS label (lower-case letters, digits and '-'), and its volumeMounts the same.");
        }
        if (TemplateText.HasPlaceholder(name) || IsLabel(name))
        {
            return null;
        }
        var label = Of(name, out _);
        return new VolumeNameProblem(
            $"Volume name '{name}' is not a DNS label (lower-case letters, digits and '-', starting and ending with a letter or digit, at most {KubernetesNames.MaxLabelLength} characters); the agent sends the k8s-experimental volume as written, and the API server refuses the Deployment.",
            label is null || IsReserved(label)
                ? "Name the volume and its volumeMounts with a DNS label."
                : $"Name the volume and its volumeMounts '{label}'.");
    }

    /// <summary>Whether the API server takes <paramref name="name"/> as a volume's: a DNS label (RFC 1123), which may start with a digit.</summary>
    private static bool IsLabel(string name) => name.Length <= KubernetesNames.MaxLabelLength && DnsNames.IsLowerLabel(name);

    /// <summary>
    /// What is wrong with the volume named after <paramref name="source"/>, a share (Type volume) or a host path (a bind):
    /// no DNS label, or a name of the proxy's own volumes; either fails the deployment. Null when the name, given in
    /// <paramref name="name"/>, can be used (K9 and K13 report these, for mounts and for Binds).
    /// </summary>
    public static VolumeNameProblem? Problem(string source, bool share, out string? name)
    {
        name = Of(source, out var problem);
        if (name is not null && !IsReserved(name))
        {
            return null;
        }
        var what = share ? $"Volume '{source}'" : $"Host path '{source}'";
        if (name is null)
        {
            return new VolumeNameProblem(
                $"{what} gives a {(share ? "claim" : "volume")} name that is not a DNS label of 1 to {KubernetesNames.MaxLabelLength} characters ({problem}); the whole deployment fails.",
                share
                    ? "Use a share whose name is a short DNS label (lower-case letters, digits and '-')."
                    : "Mount a directory whose path has at most 63 letters, digits and '-' (a parent directory), or use a share (Type volume).",
                StopsDeployment: true);
        }
        return new VolumeNameProblem($"{what} becomes '{name}', a volume name the agent uses itself in every pod; the deployment fails.",
            share ? "Use a share of another name." : "Mount the directory from another path.");
    }
}

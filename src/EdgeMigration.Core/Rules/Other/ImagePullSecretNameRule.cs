using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// K8: the device's agent stores each registry credential as an image pull secret named
/// <c>&lt;username&gt;-&lt;registry host&gt;</c>; its first DNS label (the username, '-', and the host's first label)
/// must fit in 63 characters or the deployment fails (Azure/iotedge PR 4724, seen on Azure Stack Edge). Only the
/// username and address are read: the password never appears in a finding.
/// </summary>
public sealed class ImagePullSecretNameRule : MigrationRule
{
    public override string Id => "K8";
    public override string Title => "Registry credentials whose pull secret name is too long";
    public override Severity DefaultSeverity => Severity.Error;
    public override string Section => "other-differences";

    public override IEnumerable<Finding> Check(ManifestDocument manifest)
    {
        var credentials = manifest.EdgeAgentDesired.ObjectOf("runtime").ObjectOf("settings").ObjectOf("registryCredentials");
        if (credentials is null)
        {
            yield break;
        }
        var path = JsonPath.Member(JsonPath.Member(JsonPath.Member(manifest.EdgeAgentDesiredPath!, "runtime"), "settings"), "registryCredentials");
        foreach (var member in credentials.Members)
        {
            var credential = member.Value as JObject;
            var username = credential.StringOf("username");
            var address = credential.StringOf("address");
            if (username is null || address is null || username.IndexOf('$') >= 0 || address.IndexOf('$') >= 0)
            {
                continue;
            }
            var label = FirstLabel(username.ToLowerInvariant() + "-" + Host(address));
            if (label.Length > KubernetesNames.MaxLabelLength)
            {
                yield return Finding(null, JsonPath.Member(path, member.Name),
                    $"Registry credential '{member.Name}' becomes the image pull secret '{label}…' on the device; its first label is {label.Length} characters, over the {KubernetesNames.MaxLabelLength} Kubernetes allows, so the deployment fails.",
                    "Use a registry user with a shorter name (for Azure Container Registry, a token or service principal with a short name).");
            }
        }
    }

    /// <summary>The registry host as the agent writes it: no scheme, no path, ':' before a port as '-'.</summary>
    private static string Host(string address)
    {
        var host = address.ToLowerInvariant();
        foreach (var scheme in new[] { "https://", "http://" })
        {
            if (host.StartsWith(scheme, StringComparison.Ordinal))
            {
                host = host.Substring(scheme.Length);
            }
        }
        return host.Split('/')[0].Replace(':', '-');
    }

    /// <summary>The first DNS label of the secret name, with the characters a DNS label cannot hold dropped.</summary>
    private static string FirstLabel(string name) =>
        new string(name.Split('.')[0].Where(c => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-').ToArray()).Trim('-');
}

using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>A registry credential of <c>$edgeAgent</c>'s runtime settings: its key, user and address (never the password).</summary>
public sealed record RegistryCredential(string Key, string Username, string Address, string Location);

/// <summary>
/// How the device's agent turns registry credentials into image pull secrets (ImagePullSecretName): one Secret per
/// credential, named <c>&lt;username&gt;-&lt;registry host&gt;</c> as a DNS subdomain, and given to the pods whose image
/// comes from that registry (the first credential whose address is the image's registry host).
/// </summary>
public static class ImagePullSecrets
{
    /// <summary>Where Docker images without a registry host come from, as the agent compares it.</summary>
    public const string DockerHubAddress = "https://index.docker.io/v1/";

    /// <summary>The credentials with a user name and address; ones still holding template placeholders ($…) are skipped.</summary>
    public static IEnumerable<RegistryCredential> Credentials(ManifestDocument manifest)
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
            if (username is not null && address is not null && username.IndexOf('$') < 0 && address.IndexOf('$') < 0)
            {
                yield return new RegistryCredential(member.Name, username, address, JsonPath.Member(path, member.Name));
            }
        }
    }

    /// <summary>The name before sanitizing: the user name in lower case, '-', and the registry host (no scheme or path, ':' as '-').</summary>
    public static string RawName(RegistryCredential credential)
    {
        var host = credential.Address.ToLowerInvariant();
        foreach (var scheme in new[] { "https://", "http://" })
        {
            if (host.StartsWith(scheme, StringComparison.Ordinal))
            {
                host = host.Substring(scheme.Length);
                break;
            }
        }
        return credential.Username.ToLowerInvariant() + "-" + host.Split('/')[0].Replace(':', '-');
    }

    /// <summary>The Secret's name; <see cref="KubernetesNameException"/> when the agent cannot make one (the deployment fails).</summary>
    public static string Name(RegistryCredential credential) => DnsNames.Subdomain(RawName(credential));

    /// <summary>The credential the agent gives a module whose image is <paramref name="image"/>, or null.</summary>
    public static RegistryCredential? For(string image, IEnumerable<RegistryCredential> credentials) =>
        RegistryHost(image) is { } host
            ? credentials.FirstOrDefault(c => string.Equals(c.Address, host, StringComparison.OrdinalIgnoreCase))
            : null;

    /// <summary>
    /// The image's registry as the agent reads it: the first path component when it has a '.' or ':', Docker Hub for
    /// other images with a path, none for a bare name (a public Docker Hub image).
    /// </summary>
    private static string? RegistryHost(string image)
    {
        var parts = image.Split('/');
        if (parts.Length < 2)
        {
            return null;
        }
        return parts[0].IndexOf('.') >= 0 || parts[0].IndexOf(':') >= 0 ? parts[0] : DockerHubAddress;
    }
}

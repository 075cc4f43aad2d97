using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using EdgeMigration.Core.Json;

namespace EdgeMigration.Core.Manifests;

/// <summary>
/// Collects the secrets of a manifest so output can be redacted: every text value under a registryCredentials key
/// (the plain and the layered, dotted forms) except the username and the address, which name the registry in image
/// names and pull secrets and are shown by the Azure tools themselves.
/// </summary>
internal static class RegistrySecrets
{
    private const string CredentialsKey = "registryCredentials";

    public static IReadOnlyCollection<string> Collect(JNode root)
    {
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        Walk(root, false, secrets);
        return new SecretSet(secrets);
    }

    [MethodImpl(HotPath.Optimized)]
    private static void Walk(JNode node, bool underCredentials, HashSet<string> secrets)
    {
        switch (node)
        {
            case JObject obj:
                foreach (var member in obj.MemberList)
                {
                    // The length first: most names are shorter than the key, and a search ignoring case is slow.
                    var credentials = underCredentials ||
                        (member.Name.Length >= CredentialsKey.Length && member.Name.IndexOf(CredentialsKey, StringComparison.OrdinalIgnoreCase) >= 0);
                    if (credentials && member.Value is JValue { Kind: JValueKind.String } v && v.Text.Length > 0 && !NamesTheRegistry(member.Name))
                    {
                        secrets.Add(v.Text);
                    }
                    Walk(member.Value, credentials, secrets);
                }
                break;
            case JArray array:
                foreach (var element in array.Elements)
                {
                    Walk(element.Value, underCredentials, secrets);
                }
                break;
        }
    }

    /// <summary>username or address, also as the last part of a dotted layered key.</summary>
    private static bool NamesTheRegistry(string name)
    {
        var leaf = name.Substring(name.LastIndexOf('.') + 1);
        return string.Equals(leaf, "username", StringComparison.OrdinalIgnoreCase) || string.Equals(leaf, "address", StringComparison.OrdinalIgnoreCase);
    }
}

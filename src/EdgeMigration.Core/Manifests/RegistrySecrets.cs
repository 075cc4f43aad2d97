using System;
using System.Collections.Generic;
using EdgeMigration.Core.Json;

namespace EdgeMigration.Core.Manifests;

/// <summary>Collects registry passwords (anything under a registryCredentials key) so output can be redacted.</summary>
internal static class RegistrySecrets
{
    public static IReadOnlyCollection<string> Collect(JNode root)
    {
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        Walk(root, false, secrets);
        return secrets;
    }

    private static void Walk(JNode node, bool underCredentials, HashSet<string> secrets)
    {
        switch (node)
        {
            case JObject obj:
                foreach (var member in obj.Members)
                {
                    var credentials = underCredentials || member.Name.IndexOf("registryCredentials", StringComparison.OrdinalIgnoreCase) >= 0;
                    if (credentials && member.Value is JValue { Kind: JValueKind.String } v &&
                        member.Name.EndsWith("password", StringComparison.OrdinalIgnoreCase) && v.Text.Length > 0)
                    {
                        secrets.Add(v.Text);
                    }
                    Walk(member.Value, credentials, secrets);
                }
                break;
            case JArray array:
                foreach (var item in array)
                {
                    Walk(item, underCredentials, secrets);
                }
                break;
        }
    }
}

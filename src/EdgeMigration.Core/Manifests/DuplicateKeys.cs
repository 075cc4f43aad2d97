using System;
using System.Collections.Generic;
using EdgeMigration.Core.Json;

namespace EdgeMigration.Core.Manifests;

/// <summary>Finds names that appear twice in one object: kept as written, but only the last one counts.</summary>
internal static class DuplicateKeys
{
    public static void Find(JNode node, string path, List<ManifestDiagnostic> diagnostics)
    {
        switch (node)
        {
            case JObject obj:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var member in obj.Members)
                {
                    var memberPath = JsonPath.Member(path, member.Name);
                    if (!seen.Add(member.Name))
                    {
                        diagnostics.Add(new ManifestDiagnostic("DuplicateKey",
                            $"The key '{member.Name}' appears more than once in the same object; the last value is used, as most JSON readers do, and IoT Hub may reject the manifest.",
                            memberPath));
                    }
                    Find(member.Value, memberPath, diagnostics);
                }
                break;
            case JArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Find(array[i], JsonPath.Index(path, i), diagnostics);
                }
                break;
        }
    }
}

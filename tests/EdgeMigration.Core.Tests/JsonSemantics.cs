using System;
using System.Linq;
using EdgeMigration.Core.Json;

namespace EdgeMigration.Tests;

/// <summary>JSON equality as Kubernetes and Docker read it: member order does not matter, array order does.</summary>
public static class JsonSemantics
{
    public static bool Equal(JNode? a, JNode? b) => (a, b) switch
    {
        (JObject x, JObject y) => x.Count == y.Count &&
            x.Members.All(m => y.Find(m.Name, StringComparison.Ordinal) is { } other && Equal(m.Value, other.Value)),
        (JArray x, JArray y) => x.Count == y.Count && x.Zip(y, Equal).All(same => same),
        (JValue x, JValue y) => x.ValueEquals(y),
        _ => false,
    };
}

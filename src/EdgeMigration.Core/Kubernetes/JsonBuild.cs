using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Json;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>Small constructors for the Kubernetes objects' JSON trees; members and items given as null are left out.</summary>
internal static class JsonBuild
{
    public static JObject Object(params (string Name, JNode? Value)[] members)
    {
        var obj = new JObject();
        foreach (var (name, value) in members)
        {
            if (value is not null)
            {
                obj.Add(name, value);
            }
        }
        return obj;
    }

    /// <summary>An object of string values (labels, annotations, selectors); null when empty, as the agent's model leaves it out.</summary>
    public static JObject? Strings(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var obj = new JObject();
        foreach (var pair in pairs)
        {
            obj.Set(pair.Key, JValue.String(pair.Value));
        }
        return obj.Count == 0 ? null : obj;
    }

    public static JValue? Text(string? value) => value is null ? null : JValue.String(value);

    /// <summary>An array of the items; null when there are none.</summary>
    public static JArray? ArrayOrNull(IEnumerable<JNode> items)
    {
        var array = new JArray(items);
        return array.Count == 0 ? null : array;
    }

    /// <summary>The value; null when it is an object without members.</summary>
    public static JNode? OrNull(JNode? value) => value is JObject { Count: 0 } ? null : value;

    public static JArray Array(IEnumerable<string> items) => new(items.Select(JValue.String));
}

using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace EdgeMigration.Tests;

/// <summary>Walking and editing System.Text.Json node trees, for tests that damage manifests on purpose.</summary>
public static class JsonNodeEdits
{
    /// <summary>Every node, depth first, the root first; JSON nulls appear as null.</summary>
    public static IEnumerable<JsonNode?> DepthFirst(JsonNode? node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array,
            _ => Enumerable.Empty<JsonNode?>(),
        };
        foreach (var descendant in children.ToList().SelectMany(DepthFirst))
        {
            yield return descendant;
        }
    }

    /// <summary>Puts <paramref name="replacement"/> where <paramref name="node"/> is in its parent.</summary>
    public static void Replace(JsonNode node, JsonNode? replacement)
    {
        switch (node.Parent)
        {
            case JsonObject parent:
                parent[node.GetPropertyName()] = replacement;
                break;
            case JsonArray parent:
                parent[node.GetElementIndex()] = replacement;
                break;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeMigration.Tests.Fuzz;

/// <summary>
/// Mutations that keep a manifest valid JSON, so that they reach past the reader into the rules and the converter:
/// values replaced by odd ones, members removed or renamed to keys the rules read, and the text inside strings
/// (createOptions above all) mutated byte by byte, so createOptions become hostile while the manifest stays JSON.
/// </summary>
public sealed class TreeMutator
{
    private static readonly string[] Keys =
    {
        "createOptions", "createOptions01", "createOptions99", "createOptions100", "Env", "HostConfig", "k8s-experimental", "IpcMode", "Binds",
        "PortBindings", "Memory", "NanoCpus", "Cmd", "Entrypoint", "env", "settings", "modules", "systemModules", "routes", "registryCredentials",
        "password", "strategy", "resources", "limits", "microsoft.com/fpga_catapult", "Devices", "https_proxy", "no_proxy", "Storage:Target", "é", "",
    };

    private static readonly string[] Values =
    {
        "null", "true", "0", "-1", "1e400", "9223372036854775808", "\"\"", "\"host\"", "\"container:filter\"", "\"A:B=1\"", "\"python app.py\"", "[]", "{}",
        "[\"WIRESERVER_ADDRESS=1\"]", "{\"limits\": {\"microsoft.com/fpga_catapult\": 1}}", "\"{\\\"HostConfig\\\":{\\\"IpcMode\\\":\\\"host\\\"}}\"", "\"${X}\"",
    };

    private readonly Random _random;
    private readonly Func<byte[], byte[]> _mutateBytes;

    public TreeMutator(Random random, Func<byte[], byte[]> mutateBytes)
    {
        _random = random;
        _mutateBytes = mutateBytes;
    }

    /// <summary>The seed with one to four tree mutations, or null when the seed is not plain JSON (templates with placeholders).</summary>
    public byte[]? Mutate(byte[] seed)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(seed, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException)
        {
            return null;
        }
        for (var n = _random.Next(1, 5); n > 0 && root is not null; n--)
        {
            var nodes = JsonNodeEdits.DepthFirst(root).OfType<JsonNode>().ToList();
            var node = nodes[_random.Next(nodes.Count)];
            if (node.Parent is null)
            {
                continue;
            }
            Mutate(node);
        }
        return Encoding.UTF8.GetBytes(root?.ToJsonString(new JsonSerializerOptions { WriteIndented = _random.Next(2) == 0 }) ?? "null");
    }

    private void Mutate(JsonNode node)
    {
        switch (_random.Next(4))
        {
            case 0:
                JsonNodeEdits.Replace(node, JsonNode.Parse(Values[_random.Next(Values.Length)]));
                break;
            case 1 when node.Parent is JsonObject parent:
                var name = node.GetPropertyName();
                parent.Remove(name);
                var key = Keys[_random.Next(Keys.Length)];
                if (!parent.ContainsKey(key))
                {
                    parent[key] = node;
                }
                break;
            case 2 when node is JsonValue value && value.TryGetValue<string>(out var text):
                var mutated = Encoding.UTF8.GetString(_mutateBytes(Encoding.UTF8.GetBytes(text)));
                JsonNodeEdits.Replace(node, JsonValue.Create(mutated));
                break;
            default:
                JsonNodeEdits.Replace(node, null);
                break;
        }
    }
}

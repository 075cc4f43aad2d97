using System.Collections.Generic;
using EdgeMigration.Core.Json;

namespace EdgeMigration.Core.Manifests;

/// <summary>One element of a JSON list of deployments: its own JSON text, and its id when it has one.</summary>
public sealed record DeploymentListEntry(int Index, string Text, string? Id);

/// <summary>
/// A JSON text that is a list of deployments, as <c>az iot edge deployment list</c> prints it: no manifest is an array, so
/// each element is read as a manifest of its own, laid out as it was written.
/// </summary>
public static class DeploymentList
{
    /// <summary>The elements of <paramref name="text"/> when it is a JSON array; null for anything else, valid JSON or not.</summary>
    public static IReadOnlyList<DeploymentListEntry>? Read(string text)
    {
        // Only text that opens with '[' is parsed here; any other text is read once, as a manifest.
        if (!text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith("[", System.StringComparison.Ordinal))
        {
            return null;
        }
        JNode root;
        try
        {
            root = JDocument.Parse(text).Root;
        }
        catch (JsonReadException)
        {
            return null;
        }
        if (root is not JArray list)
        {
            return null;
        }
        var entries = new List<DeploymentListEntry>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var element = list[i];
            entries.Add(new DeploymentListEntry(i, element.ToJson(), IdOf(element)));
        }
        return entries;
    }

    /// <summary>The id of a deployment (a JSON object with a non-empty string "id"), or null.</summary>
    internal static string? IdOf(JNode node) =>
        node is JObject deployment && deployment.Find("id")?.Value is JValue { IsString: true } value && value.Text.Length > 0 ? value.Text : null;
}

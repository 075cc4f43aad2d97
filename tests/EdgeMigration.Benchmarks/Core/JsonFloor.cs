using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeMigration.Benchmarks.Core;

/// <summary>
/// The floor: what System.Text.Json alone costs for the work every conversion must do. It parses the manifest,
/// joins and parses each module's createOptions (one string or createOptions01… pieces), writes the createOptions
/// back as text re-split by the 512-character rule, and writes the manifest back. It keeps no layout and runs
/// no rules, so nothing that reads and writes manifests can be faster.
/// </summary>
public static class JsonFloor
{
    private const string PieceName = "createOptions";
    private const int PieceLength = 512;

    private static readonly JsonDocumentOptions ReadOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private static readonly JsonWriterOptions ManifestWriting = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions CreateOptionsWriting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions NodeManifestWriting = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions NodeCreateOptionsWriting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>With the read-only <see cref="JsonDocument"/> (pooled buffers) and <see cref="Utf8JsonWriter"/>: the lowest floor.</summary>
    public static byte[] RoundTripDocument(byte[] manifest)
    {
        using var document = JsonDocument.Parse(manifest, ReadOptions);
        var output = new ArrayBufferWriter<byte>(manifest.Length);
        using (var writer = new Utf8JsonWriter(output, ManifestWriting))
        {
            WriteElement(document.RootElement, writer);
        }
        return output.WrittenSpan.ToArray();
    }

    /// <summary>With the editable <see cref="JsonNode"/> tree, System.Text.Json's counterpart of the module's own tree.</summary>
    public static byte[] RoundTripNodes(byte[] manifest)
    {
        var root = JsonNode.Parse(manifest, documentOptions: ReadOptions)!;
        RewriteCreateOptions(root);
        return JsonSerializer.SerializeToUtf8Bytes(root, NodeManifestWriting);
    }

    private static void WriteElement(JsonElement element, Utf8JsonWriter writer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                StringBuilder? createOptions = null;
                foreach (var property in element.EnumerateObject())
                {
                    var name = property.Name;
                    if (property.Value.ValueKind == JsonValueKind.String && IsPiece(name))
                    {
                        (createOptions ??= new StringBuilder()).Append(property.Value.GetString());
                        continue;
                    }
                    writer.WritePropertyName(name);
                    WriteElement(property.Value, writer);
                }
                if (createOptions is not null)
                {
                    foreach (var (name, piece) in Split(RewriteText(createOptions.ToString())))
                    {
                        writer.WriteString(name, piece);
                    }
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteElement(item, writer);
                }
                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    private static string RewriteText(string createOptions)
    {
        if (string.IsNullOrWhiteSpace(createOptions))
        {
            return createOptions;
        }
        using var document = JsonDocument.Parse(createOptions, ReadOptions);
        var output = new ArrayBufferWriter<byte>(createOptions.Length);
        using (var writer = new Utf8JsonWriter(output, CreateOptionsWriting))
        {
            document.RootElement.WriteTo(writer);
        }
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static void RewriteCreateOptions(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                List<string>? pieceNames = null;
                var text = new StringBuilder();
                foreach (var property in obj)
                {
                    if (IsPiece(property.Key) && property.Value is JsonValue value && value.TryGetValue(out string? piece))
                    {
                        (pieceNames ??= new List<string>()).Add(property.Key);
                        text.Append(piece);
                    }
                    else if (property.Value is not null)
                    {
                        RewriteCreateOptions(property.Value);
                    }
                }
                if (pieceNames is not null)
                {
                    pieceNames.ForEach(name => obj.Remove(name));
                    var joined = text.ToString();
                    var rewritten = string.IsNullOrWhiteSpace(joined) ? joined : JsonNode.Parse(joined, documentOptions: ReadOptions)!.ToJsonString(NodeCreateOptionsWriting);
                    foreach (var (name, piece) in Split(rewritten))
                    {
                        obj[name] = piece;
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        RewriteCreateOptions(item);
                    }
                }
                break;
        }
    }

    private static bool IsPiece(string name) => name.StartsWith(PieceName, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<(string Name, string Piece)> Split(string text)
    {
        for (int start = 0, index = 0; start < text.Length || index == 0; start += PieceLength, index++)
        {
            yield return (index == 0 ? PieceName : PieceName + index.ToString("00", CultureInfo.InvariantCulture),
                text.Substring(start, Math.Min(PieceLength, text.Length - start)));
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeMigration.Tests;

namespace EdgeMigration.Benchmarks.Fleet;

/// <summary>
/// A fleet of deployment manifests made from the corpus with a fixed seed: a quarter are corpus files as they
/// are (comments, layout and all); the rest are varied per device: image tags, env names with ':', binds of
/// FPGA shares, privileged mode and memory limits added to createOptions.
/// </summary>
public static class FleetGenerator
{
    public const int Seed = 7;

    /// <summary>Changes whenever the generator makes other manifests from the same seed, so kept fleets are made again.</summary>
    public const int Version = 1;

    private static readonly JsonDocumentOptions ReadOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="count"/> manifests into <paramref name="folder"/> (emptied first).</summary>
    public static void Generate(string folder, int count)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        Directory.CreateDirectory(folder);
        var templates = Templates();
        var random = new Random(Seed);
        for (var i = 0; i < count; i++)
        {
            var template = templates[random.Next(templates.Count)];
            var bytes = random.Next(4) == 0 ? template : Vary(template, random);
            File.WriteAllBytes(Path.Combine(folder, $"device-{i:D5}.json"), bytes);
        }
    }

    /// <summary>Corpus deployment manifests with a modules section that System.Text.Json reads (no bare placeholders or duplicate keys).</summary>
    private static List<byte[]> Templates()
    {
        var templates = new List<byte[]>();
        foreach (var file in TestPaths.CorpusFiles())
        {
            var bytes = File.ReadAllBytes(file);
            try
            {
                if (Modules(JsonNode.Parse(bytes, documentOptions: ReadOptions)) is { Count: > 0 })
                {
                    templates.Add(bytes);
                }
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
            {
                // Not readable by System.Text.Json: left out of the fleet.
            }
        }
        return templates;
    }

    private static JsonObject? Modules(JsonNode? root) =>
        root?["modulesContent"]?["$edgeAgent"]?["properties.desired"]?["modules"] as JsonObject;

    private static byte[] Vary(byte[] template, Random random)
    {
        var root = JsonNode.Parse(template, documentOptions: ReadOptions)!;
        foreach (var (name, node) in Modules(root)!.ToList())
        {
            if (node is not JsonObject module)
            {
                continue;
            }
            if (module["settings"] is JsonObject settings)
            {
                if (settings["image"] is JsonValue image && image.TryGetValue(out string? imageName))
                {
                    settings["image"] = imageName.Split(':')[0] + ":1." + random.Next(50);
                }
                if (settings["createOptions"] is JsonValue text && text.TryGetValue(out string? createOptions))
                {
                    settings["createOptions"] = VaryCreateOptions(createOptions, random, name);
                }
            }
            if (random.Next(3) == 0)
            {
                Child(module, "env", () => new JsonObject())["Logging:LogLevel:Default"] = new JsonObject { ["value"] = "Information" };
            }
        }
        return JsonSerializer.SerializeToUtf8Bytes(root, Indented);
    }

    private static string VaryCreateOptions(string createOptions, Random random, string moduleName)
    {
        JsonObject options;
        try
        {
            options = string.IsNullOrWhiteSpace(createOptions) ? new JsonObject() : JsonNode.Parse(createOptions, documentOptions: ReadOptions) as JsonObject ?? new JsonObject();
        }
        catch (JsonException)
        {
            return createOptions;
        }
        var hostConfig = Child(options, "HostConfig", () => new JsonObject());
        if (random.Next(2) == 0)
        {
            Child(hostConfig, "Binds", () => new JsonArray()).Add($"/home/hcsshares/{moduleName.ToLowerInvariant()}{random.Next(3)}:/data");
        }
        if (random.Next(3) == 0)
        {
            hostConfig["Privileged"] = true;
        }
        if (random.Next(2) == 0)
        {
            hostConfig["Memory"] = 268435456L * (1 + random.Next(8));
        }
        if (random.Next(4) == 0)
        {
            Child(options, "Env", () => new JsonArray()).Add("Storage:Folder=/data");
        }
        return options.ToJsonString(Compact);
    }

    /// <summary>The object or array under <paramref name="name"/>, added (or put in place of another kind of value) when missing.</summary>
    private static T Child<T>(JsonObject parent, string name, Func<T> create) where T : JsonNode
    {
        if (parent[name] is T existing)
        {
            return existing;
        }
        var created = create();
        parent[name] = created;
        return created;
    }
}

using System;
using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EdgeMigration.Benchmarks.Inputs;

/// <summary>
/// A deterministic large deployment manifest: 50 modules whose createOptions are long enough (about 2 KB each)
/// that they are chunked into createOptions, createOptions01… as the IoT Edge tools write them, with
/// settings that many rules look at (binds, ports, env names with ':', FPGA resources, privileged, memory).
/// </summary>
public static class LargeManifest
{
    public const int ModuleCount = 50;

    private const int PieceLength = 512;

    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Create()
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output, Indented))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("modulesContent");
            writer.WriteStartObject("$edgeAgent");
            writer.WriteStartObject("properties.desired");
            writer.WriteString("schemaVersion", "1.1");
            WriteRuntime(writer);
            writer.WriteStartObject("systemModules");
            WriteModule(writer, "edgeAgent", -1, system: true);
            WriteModule(writer, "edgeHub", -2, system: true);
            writer.WriteEndObject();
            writer.WriteStartObject("modules");
            for (var i = 0; i < ModuleCount; i++)
            {
                WriteModule(writer, $"Module_{i:D2}", i, system: false);
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartObject("$edgeHub");
            writer.WriteStartObject("properties.desired");
            writer.WriteString("schemaVersion", "1.1");
            writer.WriteStartObject("routes");
            for (var i = 0; i < ModuleCount; i++)
            {
                writer.WriteString($"route{i:D2}", $"FROM /messages/modules/Module_{i:D2}/outputs/* INTO $upstream");
            }
            writer.WriteEndObject();
            writer.WriteStartObject("storeAndForwardConfiguration");
            writer.WriteNumber("timeToLiveSecs", 7200);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return output.WrittenSpan.ToArray();
    }

    private static void WriteRuntime(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("runtime");
        writer.WriteString("type", "docker");
        writer.WriteStartObject("settings");
        writer.WriteString("minDockerVersion", "v1.25");
        writer.WriteString("loggingOptions", "");
        writer.WriteStartObject("registryCredentials");
        writer.WriteStartObject("contosoacr");
        writer.WriteString("username", "contosoacr");
        writer.WriteString("password", "large-manifest-registry-password");
        writer.WriteString("address", "contosoacr.azurecr.io");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteModule(Utf8JsonWriter writer, string name, int index, bool system)
    {
        writer.WriteStartObject(name);
        if (!system)
        {
            writer.WriteString("version", "1.0");
        }
        writer.WriteString("type", "docker");
        if (name != "edgeAgent")
        {
            writer.WriteString("status", "running");
            writer.WriteString("restartPolicy", "always");
        }
        writer.WriteStartObject("env");
        for (var e = 0; e < 4; e++)
        {
            // Every fifth module uses .NET configuration names, which Kubernetes rejects (rule O4).
            var variable = index % 5 == 0 && e == 0 ? "Logging:LogLevel:Default" : $"SETTING_{e}";
            writer.WriteStartObject(variable);
            writer.WriteString("value", $"value-{index}-{e}");
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
        writer.WriteStartObject("settings");
        writer.WriteString("image", system ? $"mcr.microsoft.com/azureiotedge-{name.Substring(4).ToLowerInvariant()}:1.4" : $"contosoacr.azurecr.io/{name.ToLowerInvariant()}:1.{index}");
        var pieces = Chunk(CreateOptions(index));
        for (var p = 0; p < pieces.Length; p++)
        {
            writer.WriteString(p == 0 ? "createOptions" : $"createOptions{p:D2}", pieces[p]);
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>About 2 KB of Docker createOptions, different for every module.</summary>
    private static string CreateOptions(int index)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output, Compact))
        {
            writer.WriteStartObject();
            writer.WriteString("Hostname", $"module-{index}");
            writer.WriteStartArray("Env");
            for (var e = 0; e < 12; e++)
            {
                writer.WriteStringValue(index % 3 == 0 && e == 0 ? $"Storage:Target=/home/output/{index}" : $"MODULE_{index}_VARIABLE_{e}=some configuration value number {e}");
            }
            writer.WriteEndArray();
            writer.WriteStartObject("ExposedPorts");
            writer.WriteStartObject($"{8000 + index}/tcp");
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartObject("Labels");
            for (var l = 0; l < 6; l++)
            {
                writer.WriteString($"com.contoso.label{l}", $"label value {l} for module {index}");
            }
            writer.WriteEndObject();
            writer.WriteStartObject("HostConfig");
            writer.WriteBoolean("Privileged", index % 4 == 0);
            writer.WriteStartArray("Binds");
            writer.WriteStringValue($"/home/hcsshares/input{index % 3}:/home/input");
            writer.WriteStringValue($"/home/hcsshares/output{index % 3}:/home/output:ro");
            writer.WriteStringValue("/etc/localtime:/etc/localtime:ro");
            writer.WriteEndArray();
            writer.WriteStartObject("PortBindings");
            writer.WriteStartArray($"{8000 + index}/tcp");
            writer.WriteStartObject();
            writer.WriteString("HostPort", (9000 + index).ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteNumber("Memory", 536870912L * (1 + index % 4));
            writer.WriteNumber("NanoCpus", 500000000L * (1 + index % 3));
            writer.WriteStartObject("LogConfig");
            writer.WriteString("Type", "json-file");
            writer.WriteStartObject("Config");
            writer.WriteString("max-size", "10m");
            writer.WriteString("max-file", "3");
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
            if (index % 2 == 0)
            {
                writer.WriteStartObject("k8s-experimental");
                writer.WriteStartObject("resources");
                writer.WriteStartObject("limits");
                writer.WriteNumber("microsoft.com/fpga_catapult", 1 + index % 2);
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static string[] Chunk(string text)
    {
        var pieces = new string[(text.Length + PieceLength - 1) / PieceLength];
        for (var p = 0; p < pieces.Length; p++)
        {
            pieces[p] = text.Substring(p * PieceLength, Math.Min(PieceLength, text.Length - p * PieceLength));
        }
        return pieces;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace EdgeMigration.Core.DeviceOutput;

/// <summary>
/// A JSON document among captured lines, as kubectl prints one: it starts on a line that starts with '{' and ends
/// where its value ends, so that what follows (a prompt, another command's table) is read on its own.
/// </summary>
internal static class JsonInText
{
    public static bool Starts(SourceLine line) => line.Text.TrimStart().StartsWith("{", StringComparison.Ordinal);

    /// <summary>
    /// Reads the document that starts on <c>lines[start]</c> into <paramref name="entries"/> and returns the index of
    /// its last line; when it is not valid JSON its end is unknown, and the rest of the lines go with its error.
    /// </summary>
    public static int Read(IReadOnlyList<SourceLine> lines, int start, List<DeviceOutputEntry> entries)
    {
        // Prompt lines become blank lines, so JSON line numbers stay those of the input.
        var json = string.Join("\n", lines.Skip(start).Select(l => l.IsPrompt ? "" : l.Text));
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes);
        JsonDocument document;
        try
        {
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            entries.Add(DeviceOutputEntry.Of(JsonSyntaxError.From(ex, json, lines[start].Number)));
            return lines.Count - 1;
        }
        using (document)
        {
            entries.AddRange(KubectlServiceJson.Read(document.RootElement, lines[start].Number));
        }
        var lineBreaks = 0;
        for (var i = 0; i < reader.BytesConsumed; i++)
        {
            lineBreaks += bytes[i] == (byte)'\n' ? 1 : 0;
        }
        return start + lineBreaks;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace EdgeMigration.Core.DeviceOutput;

/// <summary>
/// Reads what a user captured from the GPU device: <c>iotedge list</c> or <c>kubectl get svc -n iotedge</c>
/// tables and <c>kubectl get svc -n iotedge -o json</c> documents, one or several, with or without the device's
/// prompt lines, kubectl's warnings or a transcript's header around them.
/// </summary>
public static class DeviceOutputReader
{
    private const string NoServices = "No resources found";

    /// <summary>
    /// The modules of every table and JSON document in the text, and errors for the rows, tables and documents that
    /// cannot be read, in input order. A table runs from its header to the next blank line, prompt, header or JSON
    /// document; a JSON document to the end of its value; other lines are skipped.
    /// </summary>
    /// <exception cref="DeviceOutputException">The text holds no table, no JSON document and no "No resources found".</exception>
    public static ParsedDeviceOutput Read(string text)
    {
        var lines = SourceLine.Split(text);
        if (lines.All(l => l.IsBlank || l.IsPrompt))
        {
            throw new DeviceOutputException($"The input holds no command output; expected {DeviceOutputException.Expected}.");
        }
        var entries = new List<DeviceOutputEntry>();
        var skipped = new List<int>();
        var recognized = false;
        TableReader? table = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsBlank || line.IsPrompt)
            {
                Finish();
            }
            else if (TableLayout.IsHeader(line))
            {
                Finish();
                SourceLine? dashes = i + 1 < lines.Count && TableLayout.IsDashLine(lines[i + 1]) ? lines[++i] : null;
                table = TableReader.Start(line, dashes);
                recognized = true;
            }
            else if (JsonInText.Starts(line))
            {
                Finish();
                i = JsonInText.Read(lines, i, entries);
                recognized = true;
            }
            else if (table is not null)
            {
                table.Add(line);
            }
            else if (line.Text.StartsWith(NoServices, StringComparison.Ordinal))
            {
                // kubectl's answer for a namespace without Services: an empty result, not garbage.
                recognized = true;
            }
            else
            {
                skipped.Add(line.Number);
            }
        }
        Finish();
        if (!recognized)
        {
            throw new DeviceOutputException($"The input is not device output; expected {DeviceOutputException.Expected} (a header with NAME and EXTERNAL-IP).");
        }
        return new ParsedDeviceOutput(entries, skipped);

        void Finish()
        {
            if (table is not null)
            {
                entries.AddRange(table.Entries());
                table = null;
            }
        }
    }
}

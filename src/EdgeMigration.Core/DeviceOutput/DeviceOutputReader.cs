using System;
using System.Collections.Generic;
using System.Linq;

namespace EdgeMigration.Core.DeviceOutput;

/// <summary>
/// Reads what a user captured from the GPU device: <c>iotedge list</c> or <c>kubectl get svc -n iotedge</c>
/// tables (one or more, with or without the device's prompt lines) or <c>kubectl get svc -n iotedge -o json</c>.
/// </summary>
public static class DeviceOutputReader
{
    private const string NoServices = "No resources found";

    /// <summary>The modules, and errors for the rows and tables that cannot be read, in input order.</summary>
    /// <exception cref="DeviceOutputException">The text holds no such output, or the JSON is damaged or of other objects.</exception>
    public static ParsedDeviceOutput Read(string text)
    {
        var lines = SourceLine.Split(text);
        var firstOutput = lines.Where(l => !l.IsBlank && !l.IsPrompt).Select(l => l.Text).FirstOrDefault();
        if (firstOutput is null)
        {
            throw new DeviceOutputException($"The input holds no command output; expected {DeviceOutputException.Expected}.");
        }
        if (firstOutput.TrimStart().StartsWith("{", StringComparison.Ordinal))
        {
            // Prompt lines become blank lines, so JSON line numbers stay those of the input.
            var json = string.Join("\n", lines.Select(l => l.IsPrompt ? "" : l.Text));
            return new ParsedDeviceOutput(KubectlServiceJson.Read(json), Array.Empty<int>());
        }
        return ReadTables(lines);
    }

    /// <summary>A table runs from its header to the next blank line, prompt or header.</summary>
    private static ParsedDeviceOutput ReadTables(List<SourceLine> lines)
    {
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

using System;
using System.Linq;

namespace EdgeMigration.Tests.DeviceOutput;

/// <summary>Builds Format-Table style text (padded columns, optional dash line) so one table can be tried at many widths.</summary>
internal static class TableText
{
    public static string Format(string[] headers, string[][] rows, int extraWidth = 0, string gap = " ", bool dashes = true, string newLine = "\n")
    {
        var widths = headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max() + extraWidth).ToArray();
        string Line(string[] cells) => string.Join(gap, cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
        var lines = new[] { Line(headers) }
            .Concat(dashes ? new[] { Line(headers.Select(h => new string('-', h.Length)).ToArray()) } : Array.Empty<string>())
            .Concat(rows.Select(Line));
        return string.Join(newLine, lines) + newLine;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace EdgeMigration.Core.DeviceOutput;

/// <summary>
/// The columns of one table, from its header and (Format-Table style) dash line: where each starts and what
/// it holds. Positions differ between runs, so they are read from every table anew; a column runs to the
/// start of the next one, the last to the end of the line (dashes may be shorter than the cells).
/// </summary>
internal sealed class TableLayout
{
    private static readonly Dictionary<string, ColumnRole> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["NAME"] = ColumnRole.Name,
        ["NAMESPACE"] = ColumnRole.Namespace,
        ["STATUS"] = ColumnRole.Status,
        ["DESCRIPTION"] = ColumnRole.Description,
        ["CONFIG"] = ColumnRole.Image,
        ["EXTERNAL-IP"] = ColumnRole.ExternalIp,
        ["PORT(S)"] = ColumnRole.Ports,
        ["TYPE"] = ColumnRole.ServiceType,
        ["CLUSTER-IP"] = ColumnRole.ClusterIp,
    };

    private readonly int[] _starts;
    private readonly ColumnRole[] _roles;
    private readonly string[] _labels;

    private TableLayout(int headerLine, int[] starts, string[] labels)
    {
        HeaderLine = headerLine;
        _starts = starts;
        _labels = labels;
        _roles = labels.Select(l => Roles.TryGetValue(l, out var role) ? role : ColumnRole.Other).ToArray();
        if (Array.IndexOf(_roles, ColumnRole.Name) < 0)
        {
            throw new DeviceOutputException("the table header has no NAME column.", headerLine);
        }
    }

    public int HeaderLine { get; }

    /// <summary>kubectl's table has TYPE and CLUSTER-IP; iotedge list's has STATUS, DESCRIPTION and CONFIG instead.</summary>
    public DeviceOutputFormat Format =>
        Has(ColumnRole.ServiceType) || Has(ColumnRole.ClusterIp) ? DeviceOutputFormat.KubectlTable : DeviceOutputFormat.IotedgeList;

    public int ColumnCount => _starts.Length;

    /// <summary>A header of either table: words that include NAME and EXTERNAL-IP.</summary>
    public static bool IsHeader(SourceLine line)
    {
        var words = Words(line.Text).Select(w => w.Text).ToList();
        return words.Contains("NAME", StringComparer.OrdinalIgnoreCase) && words.Contains("EXTERNAL-IP", StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Format-Table's line of dashes under the header (kubectl prints none).</summary>
    public static bool IsDashLine(SourceLine line) =>
        line.Text.IndexOf('-') >= 0 && line.Text.All(c => c is '-' or ' ');

    public static TableLayout Create(SourceLine header, SourceLine? dashes)
    {
        // Dash runs give the starts even where a label holds a space; without them every header word is a column.
        var starts = (dashes is { } d ? Words(d.Text) : Words(header.Text)).Select(w => w.Start).ToArray();
        if (dashes is { } dashLine && (!starts.All(s => IsWordStart(header.Text, s)) || Slice(header.Text, 0, starts[0]).Trim().Length > 0))
        {
            throw new DeviceOutputException($"the header and the dashes under it (line {dashLine.Number}) do not line up.", header.Number);
        }
        var labels = starts.Select((s, i) => Slice(header.Text, s, End(starts, i)).Trim()).ToArray();
        return new TableLayout(header.Number, starts, labels);
    }

    public ColumnRole RoleOf(int column) => _roles[column];

    public bool Has(ColumnRole role) => Array.IndexOf(_roles, role) >= 0;

    /// <summary>The line cut at the column starts, each cell trimmed; a word that runs across a column start is an error.</summary>
    public string[] Cells(SourceLine line)
    {
        var text = line.Text;
        for (var i = 0; i < _starts.Length; i++)
        {
            var start = _starts[i];
            var straddles = i == 0
                ? Slice(text, 0, start).Trim().Length > 0
                : start < text.Length && text[start] != ' ' && text[start - 1] != ' ';
            if (straddles)
            {
                throw new DeviceOutputException(
                    $"the text does not line up with the columns of the header on line {HeaderLine} (it crosses the start of column {_labels[i]}).",
                    line.Number);
            }
        }
        return _starts.Select((s, i) => Slice(text, s, End(_starts, i)).Trim()).ToArray();
    }

    private static int End(int[] starts, int column) => column + 1 < starts.Length ? starts[column + 1] : int.MaxValue;

    private static string Slice(string text, int start, int end) =>
        start >= text.Length ? "" : text.Substring(start, Math.Min(end, text.Length) - start);

    private static bool IsWordStart(string text, int index) =>
        index < text.Length && text[index] != ' ' && (index == 0 || text[index - 1] == ' ');

    private static IEnumerable<(int Start, string Text)> Words(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == ' ')
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && text[i] != ' ')
            {
                i++;
            }
            yield return (start, text.Substring(start, i - start));
        }
    }
}

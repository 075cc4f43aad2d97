using System;
using System.Collections.Generic;
using System.Linq;

namespace EdgeMigration.Core.DeviceOutput;

/// <summary>
/// The rows of one iotedge list or kubectl get svc table. A line with a NAME starts a row; a line without
/// one continues the row above (Format-Table wraps long cells, PORT(S) above all, and may cut inside a
/// token: <c>5671:308</c> + <c>81/TCP</c>). A row that cannot be read is an error in its place and the other
/// rows are still read; a table whose header cannot be read is one error.
/// </summary>
internal sealed class TableReader
{
    private readonly TableLayout? _layout;
    private readonly int _nameColumn;
    private readonly List<Row> _rows = new();

    private TableReader(TableLayout layout)
    {
        _layout = layout;
        _nameColumn = Enumerable.Range(0, layout.ColumnCount).First(c => layout.RoleOf(c) == ColumnRole.Name);
    }

    private TableReader(DeviceOutputException headerError) => _rows.Add(new Row(0, null, headerError));

    /// <summary>The table under <paramref name="header"/>; when its columns cannot be found, its lines are that one error.</summary>
    public static TableReader Start(SourceLine header, SourceLine? dashes)
    {
        try
        {
            return new TableReader(TableLayout.Create(header, dashes));
        }
        catch (DeviceOutputException ex)
        {
            return new TableReader(ex);
        }
    }

    public void Add(SourceLine line)
    {
        if (_layout is null)
        {
            return;
        }
        string[] cells;
        try
        {
            cells = _layout.Cells(line);
        }
        catch (DeviceOutputException ex)
        {
            AddUnreadable(line, ex);
            return;
        }
        if (cells[_nameColumn].Length > 0)
        {
            _rows.Add(new Row(line.Number, cells, null));
        }
        else if (_rows.Count == 0)
        {
            _rows.Add(new Row(line.Number, null,
                new DeviceOutputException($"the line has no NAME and no row above it to continue (header on line {_layout.HeaderLine}).", line.Number)));
        }
        else if (_rows[_rows.Count - 1].Cells is { } row)
        {
            for (var column = 0; column < cells.Length; column++)
            {
                if (cells[column].Length > 0)
                {
                    row[column] = JoinWrapped(_layout.RoleOf(column), row[column], cells[column]);
                }
            }
        }
        // else: it continues a row that cannot be read, and is part of that row's error.
    }

    public IEnumerable<DeviceOutputEntry> Entries() =>
        _rows.Select(row => row.Error is { } error ? DeviceOutputEntry.Of(error) : TableRow.Read(_layout!, row.Line, row.Cells!));

    /// <summary>
    /// A line that does not line up is a row that cannot be read, or, when it starts with white space as
    /// continuations do, the end of the row above, which then cannot be read either (its ports would be cut short).
    /// </summary>
    private void AddUnreadable(SourceLine line, DeviceOutputException error)
    {
        if (line.Text.StartsWith(" ", StringComparison.Ordinal) && _rows.Count > 0 && _rows[_rows.Count - 1] is { Cells: { } above } row)
        {
            var name = above[_nameColumn];
            _rows[_rows.Count - 1] = new Row(row.Line, null, new DeviceOutputException(
                $"the row of '{name}' (line {row.Line}) continues on a line that does not line up with the columns of the header on line {_layout!.HeaderLine}; the row is left out.",
                line.Number, error) { ModuleName = name });
            return;
        }
        _rows.Add(new Row(line.Number, null, error));
    }

    /// <summary>Cells whose values hold no spaces were cut anywhere; free text was wrapped at a space.</summary>
    private static string JoinWrapped(ColumnRole role, string first, string more) =>
        role is ColumnRole.Ports or ColumnRole.Image or ColumnRole.ExternalIp or ColumnRole.ClusterIp || first.Length == 0
            ? first + more
            : first + " " + more;

    /// <summary>A row's first line and its cells (continuation lines joined in), or why it cannot be read.</summary>
    private readonly record struct Row(int Line, string[]? Cells, DeviceOutputException? Error);
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;

namespace EdgeMigration.Core.DeviceOutput;

/// <summary>
/// The rows of one iotedge list or kubectl get svc table. A line with a NAME starts a row; a line without
/// one continues the row above (Format-Table wraps long cells, PORT(S) above all, and may cut inside a
/// token: <c>5671:308</c> + <c>81/TCP</c>).
/// </summary>
internal sealed class TableReader
{
    private readonly TableLayout _layout;
    private readonly int _nameColumn;
    private readonly List<(int Line, string[] Cells)> _rows = new();

    public TableReader(TableLayout layout)
    {
        _layout = layout;
        _nameColumn = Enumerable.Range(0, layout.ColumnCount).First(c => layout.RoleOf(c) == ColumnRole.Name);
    }

    public void Add(SourceLine line)
    {
        var cells = _layout.Cells(line);
        if (cells[_nameColumn].Length > 0)
        {
            _rows.Add((line.Number, cells));
            return;
        }
        if (_rows.Count == 0)
        {
            throw new DeviceOutputException($"the line has no NAME and no row above it to continue (header on line {_layout.HeaderLine}).", line.Number);
        }
        var row = _rows[_rows.Count - 1].Cells;
        for (var column = 0; column < cells.Length; column++)
        {
            if (cells[column].Length > 0)
            {
                row[column] = JoinWrapped(_layout.RoleOf(column), row[column], cells[column]);
            }
        }
    }

    public IEnumerable<ModuleEndpoint> Endpoints() => _rows.Select(row => ToEndpoint(row.Line, row.Cells));

    /// <summary>Cells whose values hold no spaces were cut anywhere; free text was wrapped at a space.</summary>
    private static string JoinWrapped(ColumnRole role, string first, string more) =>
        role is ColumnRole.Ports or ColumnRole.Image or ColumnRole.ExternalIp or ColumnRole.ClusterIp || first.Length == 0
            ? first + more
            : first + " " + more;

    private ModuleEndpoint ToEndpoint(int line, string[] cells)
    {
        string Cell(ColumnRole role)
        {
            for (var column = 0; column < cells.Length; column++)
            {
                if (_layout.RoleOf(column) == role)
                {
                    return cells[column];
                }
            }
            return "";
        }
        string? Optional(ColumnRole role) => Cell(role) is { Length: > 0 } text ? text : null;

        var name = Cell(ColumnRole.Name);
        if (name != ModuleNames.Sanitize(name))
        {
            throw new DeviceOutputException($"'{name}' is not a module name as the device shows them (lower case, a-z 0-9 - .).", line);
        }
        var externalIpCell = Cell(ColumnRole.ExternalIp);
        var externalIp = ParseExternalIp(externalIpCell, name, line);
        IReadOnlyList<ServicePort> ports;
        try
        {
            ports = ServicePort.ParseList(Cell(ColumnRole.Ports));
        }
        catch (FormatException ex)
        {
            throw new DeviceOutputException($"PORT(S) of '{name}': {ex.Message}", line, ex);
        }
        var serviceType = _layout.Format == DeviceOutputFormat.KubectlTable ? Optional(ColumnRole.ServiceType) : InferServiceType(externalIpCell, ports);
        return new ModuleEndpoint(name, _layout.Format, serviceType, externalIp, ports)
        {
            Status = Optional(ColumnRole.Status),
            Description = Optional(ColumnRole.Description),
            Image = Optional(ColumnRole.Image),
            ClusterIp = IpAddressText.Parse(Cell(ColumnRole.ClusterIp)),
        };
    }

    /// <summary>
    /// iotedge list prints kubectl's EXTERNAL-IP: an address (or &lt;pending&gt;) for a LoadBalancer, &lt;none&gt; for
    /// ClusterIP and for NodePort. Only a NodePort Service has node ports and no address (a ClusterIP Service has no node
    /// ports), so &lt;none&gt; with a node port in PORT(S) is NodePort.
    /// </summary>
    private static string? InferServiceType(string externalIpCell, IReadOnlyList<ServicePort> ports) => externalIpCell switch
    {
        "" => null,
        "<none>" => ports.Any(p => p.NodePort is not null) ? ModuleEndpoint.NodePortType : ModuleEndpoint.ClusterIpType,
        _ => ModuleEndpoint.LoadBalancerType,
    };

    private static IPAddress? ParseExternalIp(string cell, string name, int line)
    {
        if (cell is "" or "<none>" or "<pending>")
        {
            return null;
        }
        // kubectl joins several addresses with commas; the first is the one clients use.
        return IpAddressText.Parse(cell.Split(',')[0])
               ?? throw new DeviceOutputException($"EXTERNAL-IP '{cell}' of '{name}' is not an IP address.", line);
    }
}

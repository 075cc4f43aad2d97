using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;

namespace EdgeMigration.Core.DeviceOutput;

/// <summary>One row of an iotedge list or kubectl get svc table as the module it describes, or why it does not describe one.</summary>
internal static class TableRow
{
    /// <summary>kubectl prefixes names with their kind when it prints several kinds (get all, get svc,deploy, --show-kind).</summary>
    private const string ServiceKind = "service/";

    public static DeviceOutputEntry Read(TableLayout layout, int line, string[] cells)
    {
        var name = Cell(layout, cells, ColumnRole.Name);
        if (layout.Format == DeviceOutputFormat.KubectlTable && name.StartsWith(ServiceKind, StringComparison.Ordinal))
        {
            name = name.Substring(ServiceKind.Length);
        }
        // kubectl get svc -A: NAMESPACE first; another namespace's row is no module, even one that could not be read.
        if (DeviceOutputEntry.OfOtherNamespace(Cell(layout, cells, ColumnRole.Namespace), name) is { } otherService)
        {
            return otherService;
        }
        try
        {
            return DeviceOutputEntry.Of(ToEndpoint(layout, line, cells, name));
        }
        catch (DeviceOutputException ex)
        {
            return DeviceOutputEntry.Of(ex);
        }
    }

    private static string Cell(TableLayout layout, string[] cells, ColumnRole role)
    {
        for (var column = 0; column < cells.Length; column++)
        {
            if (layout.RoleOf(column) == role)
            {
                return cells[column];
            }
        }
        return "";
    }

    private static ModuleEndpoint ToEndpoint(TableLayout layout, int line, string[] cells, string name)
    {
        string Cell(ColumnRole role) => TableRow.Cell(layout, cells, role);
        string? Optional(ColumnRole role) => Cell(role) is { Length: > 0 } text ? text : null;

        if (name != ModuleNames.Sanitize(name))
        {
            throw new DeviceOutputException($"'{name}' is not a module name as the device shows them (lower case, a-z 0-9 - .).", line);
        }
        var externalIpCell = Cell(ColumnRole.ExternalIp);
        var externalIp = ParseExternalIp(externalIpCell, name, line);
        var portsCell = Cell(ColumnRole.Ports);
        IReadOnlyList<ServicePort> ports;
        try
        {
            ports = ServicePort.ParseList(portsCell);
        }
        catch (FormatException ex)
        {
            throw new DeviceOutputException($"PORT(S) of '{name}': {ex.Message}{CutOffHint(portsCell)}", line, ex) { ModuleName = name };
        }
        var serviceType = layout.Format == DeviceOutputFormat.KubectlTable ? Optional(ColumnRole.ServiceType) : InferServiceType(externalIpCell, ports);
        return new ModuleEndpoint(name, layout.Format, serviceType, externalIp, ports)
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

    /// <summary>
    /// An address, or none (&lt;none&gt;, &lt;pending&gt;, empty). The device's agent makes only ClusterIP, NodePort and
    /// LoadBalancer Services, so a host name (an ExternalName Service made by hand) is an error like any other text.
    /// </summary>
    private static IPAddress? ParseExternalIp(string cell, string name, int line)
    {
        if (cell is "" or "<none>" or "<pending>")
        {
            return null;
        }
        // kubectl joins several addresses with commas; the first is the one clients use.
        return IpAddressText.Parse(cell.Split(',')[0])
               ?? throw new DeviceOutputException($"EXTERNAL-IP '{cell}' of '{name}' is not an IP address.{CutOffHint(cell)}", line) { ModuleName = name };
    }

    /// <summary>Format-Table ends a cell it has no room for with '…' (Windows PowerShell: '...').</summary>
    private static string CutOffHint(string cell) =>
        cell.EndsWith("…", StringComparison.Ordinal) || cell.EndsWith("...", StringComparison.Ordinal)
            ? " The cell was cut off where the captured table was too narrow: capture it wider (Out-File -Width 4096), or use kubectl get svc -n iotedge -o json."
            : "";
}

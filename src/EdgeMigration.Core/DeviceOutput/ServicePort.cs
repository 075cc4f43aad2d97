using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace EdgeMigration.Core.DeviceOutput;

/// <summary>One port of a module's Kubernetes Service: the Service port, the node port if any, and the protocol.</summary>
public sealed class ServicePort
{
    private static readonly Regex Entry = new(@"^(?<port>\d{1,5})(:(?<node>\d{1,5}))?/(?<protocol>[A-Za-z]+)$", RegexOptions.CultureInvariant);

    public ServicePort(int port, int? nodePort, string protocol)
    {
        Port = port;
        NodePort = nodePort;
        Protocol = protocol;
    }

    /// <summary>The Service port: on the device, the HostPort of the module's PortBindings.</summary>
    public int Port { get; }

    /// <summary>The port opened on every node, or null when the Service has none (ClusterIP).</summary>
    public int? NodePort { get; }

    /// <summary>TCP, UDP or SCTP.</summary>
    public string Protocol { get; }

    /// <summary>As kubectl prints it: <c>443:31457/TCP</c> or <c>35000/TCP</c>.</summary>
    public override string ToString() =>
        NodePort is { } node ? $"{Port}:{node}/{Protocol}" : $"{Port}/{Protocol}";

    /// <summary>
    /// Reads a PORT(S) cell: comma-separated <c>port:nodePort/PROTO</c> or <c>port/PROTO</c> entries;
    /// empty or <c>&lt;none&gt;</c> means no ports.
    /// </summary>
    public static IReadOnlyList<ServicePort> ParseList(string cell)
    {
        var ports = new List<ServicePort>();
        if (cell.Length == 0 || cell == "<none>")
        {
            return ports;
        }
        foreach (var entry in cell.Split(','))
        {
            var match = Entry.Match(entry.Trim());
            if (!match.Success || !TryParsePort(match.Groups["port"].Value, out var port))
            {
                throw new FormatException($"'{entry}' is not a port entry (port:nodePort/PROTOCOL or port/PROTOCOL).");
            }
            int? nodePort = null;
            if (match.Groups["node"].Success)
            {
                if (!TryParsePort(match.Groups["node"].Value, out var node))
                {
                    throw new FormatException($"'{entry}' has a node port outside 1-65535.");
                }
                nodePort = node;
            }
            ports.Add(new ServicePort(port, nodePort, match.Groups["protocol"].Value.ToUpperInvariant()));
        }
        return ports;
    }

    private static bool TryParsePort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 1 and <= 65535;
}

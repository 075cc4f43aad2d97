using System.Net;
using System.Net.Sockets;

namespace EdgeMigration.Core.DeviceOutput;

internal static class IpAddressText
{
    /// <summary>A whole IPv4 or IPv6 address, else null; IPAddress.TryParse alone also takes "10" or "10.1".</summary>
    public static IPAddress? Parse(string? text) =>
        text is not null && IPAddress.TryParse(text, out var address) &&
        (address.AddressFamily == AddressFamily.InterNetworkV6 || text.Split('.').Length == 4)
            ? address
            : null;
}

using System.Collections.Generic;

namespace EdgeMigration.Core.Rules.Network;

/// <summary>
/// A network address written in a variable's value: <c>scheme://[user[:password]@]host[:port][/…]</c>, or <c>host:port</c>
/// (without a scheme only with a port: a bare word is no address). <see cref="Text"/> is the address as written;
/// <see cref="HostIndex"/> where its host begins in the value that holds it.
/// </summary>
internal readonly record struct HostAddress(string Text, string Host, int HostIndex, int? Port);

internal static class HostAddresses
{
    /// <summary>
    /// The addresses in <paramref name="value"/>, which may list several (separated by ',', ';', '=', quotes or blanks,
    /// as in "http://a:1,http://b:2" or "Server=db:1433"), whose host <paramref name="isHost"/> accepts. Reads the value
    /// in place: text is made only of the addresses accepted.
    /// </summary>
    public static List<HostAddress>? In(string value, System.Func<string, int, int, bool> isHost)
    {
        List<HostAddress>? found = null;
        for (var start = 0; start < value.Length;)
        {
            var end = start;
            while (end < value.Length && !IsSeparator(value[end]))
            {
                end++;
            }
            if (Read(value, start, end, isHost) is { } address)
            {
                (found ??= new List<HostAddress>()).Add(address);
            }
            start = end + 1;
        }
        return found;
    }

    /// <summary>What ends the host and port: a path, a query or a fragment.</summary>
    private static bool IsPathStart(char c) => c is '/' or '?' or '#';

    private static bool IsSeparator(char c) => c is ',' or ';' or '=' or '"' or '\'' || char.IsWhiteSpace(c);

    private static HostAddress? Read(string value, int start, int end, System.Func<string, int, int, bool> isHost)
    {
        var hostStart = start;
        var scheme = value.IndexOf("://", start, end - start, System.StringComparison.Ordinal);
        if (scheme > start)
        {
            hostStart = scheme + 3;
        }
        // user[:password]@host: the host follows the last '@' before the path, past a password's ':'.
        for (var i = hostStart; i < end && !IsPathStart(value[i]); i++)
        {
            if (value[i] == '@')
            {
                hostStart = i + 1;
            }
        }
        var hostEnd = hostStart;
        while (hostEnd < end && value[hostEnd] != ':' && !IsPathStart(value[hostEnd]))
        {
            hostEnd++;
        }
        var portEnd = hostEnd + 1;
        while (portEnd < end && Ascii.IsDigit(value[portEnd]))
        {
            portEnd++;
        }
        var hasPort = hostEnd < end && value[hostEnd] == ':' && portEnd > hostEnd + 1 && (portEnd == end || IsPathStart(value[portEnd]));
        if (hostEnd == hostStart || (scheme <= start && !hasPort) || !isHost(value, hostStart, hostEnd - hostStart))
        {
            return null;
        }
        var port = hasPort ? ModulePorts.ToPort(value.Substring(hostEnd + 1, portEnd - hostEnd - 1)) : null;
        return new HostAddress(value.Substring(start, end - start), value.Substring(hostStart, hostEnd - hostStart), hostStart, port);
    }
}

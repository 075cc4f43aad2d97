using System.Collections.Generic;

namespace EdgeMigration.Core.Rules.Network;

/// <summary>
/// A network address written in a variable's value: <c>scheme://[user[:password]@]host[:port][/…]</c>, or <c>host:port</c>
/// (without a scheme only with a port: a bare word is no address). <see cref="Text"/> is the address as written;
/// <see cref="HostIndex"/> where its host begins in the value that holds it; <see cref="Target"/> what the host names.
/// </summary>
internal readonly record struct HostAddress<T>(string Text, string Host, int HostIndex, int? Port, T Target);

internal static class HostAddresses
{
    /// <summary>
    /// The addresses in <paramref name="value"/>, which may list several (separated by ',', ';', '=', quotes or blanks,
    /// as in "http://a:1,http://b:2" or "Server=db:1433"), whose host <paramref name="resolve"/> names something (it is
    /// given the value, where the host begins and its length). Reads the value in place: text is made only of the
    /// addresses resolved.
    /// </summary>
    public static List<HostAddress<T>>? In<T>(string value, System.Func<string, int, int, T?> resolve) where T : class
    {
        List<HostAddress<T>>? found = null;
        for (var start = 0; start < value.Length;)
        {
            var end = start;
            while (end < value.Length && !IsSeparator(value[end]))
            {
                end++;
            }
            if (Read(value, start, end, resolve) is { } address)
            {
                (found ??= new List<HostAddress<T>>()).Add(address);
            }
            start = end + 1;
        }
        return found;
    }

    /// <summary>What ends the host and port: a path, a query or a fragment.</summary>
    private static bool IsPathStart(char c) => c is '/' or '?' or '#';

    private static bool IsSeparator(char c) => c is ',' or ';' or '=' or '"' or '\'' || char.IsWhiteSpace(c);

    /// <summary>True when the <paramref name="length"/> characters of <paramref name="text"/> from <paramref name="start"/> are <paramref name="name"/> in any case, as host names are read.</summary>
    public static bool IsHost(string text, int start, int length, string name) =>
        name.Length == length && string.Compare(text, start, name, 0, length, System.StringComparison.OrdinalIgnoreCase) == 0;

    private static HostAddress<T>? Read<T>(string value, int start, int end, System.Func<string, int, int, T?> resolve) where T : class
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
        if (hostEnd == hostStart || (scheme <= start && !hasPort) || resolve(value, hostStart, hostEnd - hostStart) is not { } target)
        {
            return null;
        }
        var port = hasPort ? ModulePorts.ToPort(value.Substring(hostEnd + 1, portEnd - hostEnd - 1)) : null;
        return new HostAddress<T>(value.Substring(start, end - start), value.Substring(hostStart, hostEnd - hostStart), hostStart, port, target);
    }
}

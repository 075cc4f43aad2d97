using System.Collections.Generic;

namespace EdgeMigration.Core.Rules.Network;

/// <summary>
/// A network address written in a variable's value: <c>scheme://[user[:password]@]host[:port][/…]</c>, <c>host:port</c>
/// (without a scheme only with a port: a bare word is no address), or the server of a connection string,
/// <c>Server=[tcp:]host[\instance][,port]</c> as SQL Server writes it (or <c>Host=host;Port=port</c>). <see cref="Text"/> is the address as written;
/// <see cref="HostIndex"/> where its host begins in the value that holds it; <see cref="Target"/> what the host names.
/// </summary>
internal readonly record struct HostAddress<T>(string Text, string Host, int HostIndex, int? Port, T Target);

internal static class HostAddresses
{
    /// <summary>True when <paramref name="text"/> may hold an address from <paramref name="start"/>: every address has a ':' (a scheme's or a port's) or follows a connection string's '='.</summary>
    public static bool MayHoldAddress(string text, int start) => text.IndexOfAny(AddressMarks, start) >= 0;

    private static readonly char[] AddressMarks = { ':', '=' };

    /// <summary>
    /// The addresses in <paramref name="value"/>, which may list several (separated by ',', ';', '=', quotes or blanks,
    /// as in "http://a:1,http://b:2" or "Server=db:1433"), whose host <paramref name="resolve"/> names something (it is
    /// given the value, where the host begins and its length). Reads the value in place: text is made only of the
    /// addresses resolved.
    /// </summary>
    public static List<HostAddress<T>>? In<T>(string value, System.Func<string, int, int, T?> resolve) where T : class
    {
        List<HostAddress<T>>? found = null;
        int? portKey = null;
        var portKeyRead = false;
        for (var start = 0; start < value.Length;)
        {
            var end = start;
            while (end < value.Length && !IsSeparator(value[end]))
            {
                end++;
            }
            // A connection string's server follows its key; SQL Server's "tcp:" also marks one written alone.
            var serverEnd = 0;
            var server = end < value.Length && value[end] == '=' && IsServerKey(value, end) ? ReadServer(value, end + 1, resolve, out serverEnd)
                : HasTcpPrefix(value, start) ? ReadServer(value, start, resolve, out serverEnd)
                : null;
            if (server is not null)
            {
                if (server.Value.Port is null)
                {
                    // Read once for the value, however many servers it names: a value may hold many '='.
                    portKey = portKeyRead ? portKey : PortOfKey(value);
                    portKeyRead = true;
                    server = portKey is { } port ? server.Value with { Port = port, Text = $"{server.Value.Text} (Port={port})" } : server;
                }
                (found ??= new List<HostAddress<T>>()).Add(server.Value);
                start = serverEnd;
                continue;
            }
            if (Read(value, start, end, resolve) is { } address)
            {
                (found ??= new List<HostAddress<T>>()).Add(address);
            }
            start = end + 1;
        }
        return found;
    }

    /// <summary>
    /// The keys of a connection string that name the server: SqlConnection's synonyms, and Host, as PostgreSQL's (Npgsql
    /// "Host=pg;Port=5432", libpq "host=pg port=5432") and MySQL's drivers write it.
    /// </summary>
    private static readonly string[] ServerKeys = { "Server", "Data Source", "Address", "Addr", "Network Address", "Host" };

    private const string PortKeyName = "Port";

    /// <summary>
    /// The port of the value's first "Port=" key: MySQL's, Npgsql's and libpq's connection strings give the port apart from
    /// the server ("Server=db;Port=3306", "host=pg port=5432"); null for none, or one that is no port.
    /// </summary>
    private static int? PortOfKey(string value)
    {
        for (var at = value.IndexOf(PortKeyName, System.StringComparison.OrdinalIgnoreCase); at >= 0;
             at = value.IndexOf(PortKeyName, at + PortKeyName.Length, System.StringComparison.OrdinalIgnoreCase))
        {
            if (at > 0 && !(value[at - 1] is ';' or '"' or '\'' || char.IsWhiteSpace(value[at - 1])))
            {
                continue;
            }
            var equals = SkipBlanks(value, at + PortKeyName.Length);
            if (equals < value.Length && value[equals] == '=')
            {
                var digits = SkipBlanks(value, equals + 1);
                var end = digits;
                while (end < value.Length && Ascii.IsDigit(value[end]))
                {
                    end++;
                }
                return end > digits && (end == value.Length || IsSeparator(value[end])) ? ModulePorts.ToPort(value.Substring(digits, end - digits)) : null;
            }
        }
        return null;
    }

    private static int SkipBlanks(string value, int start)
    {
        while (start < value.Length && char.IsWhiteSpace(value[start]))
        {
            start++;
        }
        return start;
    }

    /// <summary>SQL Server's protocol prefix of a server: <c>tcp:sql,1433</c>.</summary>
    private const string TcpPrefix = "tcp:";

    /// <summary>True when the text from <paramref name="start"/> begins with <see cref="TcpPrefix"/>, in any case.</summary>
    private static bool HasTcpPrefix(string value, int start) =>
        value.Length - start >= TcpPrefix.Length && IsHost(value, start, TcpPrefix.Length, TcpPrefix);

    /// <summary>
    /// True when the key that ends at the '=' at <paramref name="equals"/> (after the ';' or quote before it, blanks
    /// aside) names a connection string's server. Reads back no further than the key and the blanks around it, as a
    /// value may hold many '='.
    /// </summary>
    private static bool IsServerKey(string value, int equals)
    {
        var end = equals;
        while (end > 0 && char.IsWhiteSpace(value[end - 1]))
        {
            end--;
        }
        foreach (var key in ServerKeys)
        {
            var start = end - key.Length;
            if (start >= 0 && IsHost(value, start, key.Length, key))
            {
                while (start > 0 && char.IsWhiteSpace(value[start - 1]))
                {
                    start--;
                }
                // A connection string may be quoted within a value (JSON, a command line).
                if (start == 0 || value[start - 1] is ';' or '"' or '\'')
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// A connection string's server from <paramref name="start"/>: <c>[tcp:]host[\instance][,port]</c>, ending where
    /// <paramref name="end"/> says; null for another form (a URL, "host:port"), read as other addresses are. No port is
    /// taken for one not written (a named instance's is found at run time; MySQL's "Server=db;Port=3306" gives it apart:
    /// <see cref="PortOfKey"/>).
    /// </summary>
    private static HostAddress<T>? ReadServer<T>(string value, int start, System.Func<string, int, int, T?> resolve, out int end) where T : class
    {
        start = SkipBlanks(value, start);
        var hostStart = HasTcpPrefix(value, start) ? start + TcpPrefix.Length : start;
        var hostEnd = hostStart;
        while (hostEnd < value.Length && !IsSeparator(value[hostEnd]) && value[hostEnd] is not ('\\' or ':' or '/'))
        {
            hostEnd++;
        }
        // A port written after an instance is the one connected to: the instance is looked up only without one.
        var instanceEnd = hostEnd;
        while (instanceEnd < value.Length && value[hostEnd] == '\\' && !IsSeparator(value[instanceEnd]))
        {
            instanceEnd++;
        }
        // SqlClient reads "sql, 1433" as "sql,1433".
        var portStart = SkipBlanks(value, instanceEnd + 1);
        var portEnd = portStart;
        while (portEnd < value.Length && Ascii.IsDigit(value[portEnd]))
        {
            portEnd++;
        }
        var hasPort = instanceEnd < value.Length && value[instanceEnd] == ',' && portEnd > portStart;
        end = hasPort ? portEnd : hostEnd;
        if (hostEnd == hostStart || hostEnd < value.Length && value[hostEnd] is ':' or '/' || !IsInstanceName(value, hostEnd + 1, instanceEnd) ||
            resolve(value, hostStart, hostEnd - hostStart) is not { } target)
        {
            return null;
        }
        return new HostAddress<T>(value.Substring(start, end - start), value.Substring(hostStart, hostEnd - hostStart), hostStart,
            hasPort ? ModulePorts.ToPort(value.Substring(portStart, portEnd - portStart)) : null, target);
    }

    /// <summary>
    /// True when the text from <paramref name="start"/> to <paramref name="end"/> (empty without an instance) may name a
    /// SQL Server instance: its names hold letters, digits, '_', '$', '&amp;' and '#' only. Anything else after a '\' is a
    /// file path, as SQLite's "Data Source=data\app.db" is: no server at all.
    /// </summary>
    private static bool IsInstanceName(string value, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!(Ascii.IsLetter(value[i]) || Ascii.IsDigit(value[i]) || value[i] is '_' or '$' or '&' or '#'))
            {
                return false;
            }
        }
        return true;
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

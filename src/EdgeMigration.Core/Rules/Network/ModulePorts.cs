using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Network;

/// <summary>
/// A port key of ExposedPorts or PortBindings as the device's agent reads it: <c>&lt;port&gt;[/tcp|udp|sctp]</c>, protocol
/// case-insensitive and TCP by default; anything else is ignored (<see cref="IsValid"/> false).
/// </summary>
public sealed record PortKey(string Text, int? Number, string? Protocol)
{
    private static readonly Regex Pattern = new(@"^(?<port>\d{1,5})(/(?<protocol>tcp|udp|sctp))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public bool IsValid => Number is not null;

    /// <summary>"80/tcp", as the device names the port.</summary>
    public string Name => $"{Number}/{Protocol}";

    public static PortKey Parse(string text)
    {
        var match = Pattern.Match(text.Trim());
        return match.Success && ModulePorts.ToPort(match.Groups["port"].Value) is { } port
            ? new PortKey(text, port, match.Groups["protocol"].Success ? match.Groups["protocol"].Value.ToLowerInvariant() : "tcp")
            : new PortKey(text, null, null);
    }
}

/// <summary>One binding of a PortBindings entry: <c>{"HostIp": …, "HostPort": "8080"}</c>.</summary>
public sealed record PortBinding(int Index, string Location, JNode Node, string? HostPortText, int? HostPort, string? HostIp)
{
    /// <summary>False when HostPort is missing, null or empty: Docker picks a random port, the device's agent none.</summary>
    public bool HasHostPort => !string.IsNullOrEmpty(HostPortText);
}

/// <summary>One PortBindings entry: the container port and its bindings (none when the value is null or not an array).</summary>
public sealed record PortBindingsEntry(JMember Member, PortKey Key, string Location, IReadOnlyList<PortBinding> Bindings);

/// <summary>One ExposedPorts key.</summary>
public sealed record ExposedPort(JMember Member, PortKey Key, string Location);

/// <summary>Reads a module's ExposedPorts and HostConfig.PortBindings, with locations relative to createOptions.</summary>
public static class ModulePorts
{
    public const string PortBindingsName = "PortBindings";
    public const string ExposedPortsName = "ExposedPorts";

    public static JMember? PortBindingsMember(EdgeModule module) => module.HostConfig()?.FindIgnoreCase(PortBindingsName);

    public static string LocationOf(JMember portBindings) => "HostConfig." + portBindings.Name;

    public static IEnumerable<PortBindingsEntry> Bindings(EdgeModule module)
    {
        if (PortBindingsMember(module) is not { Value: JObject bindings } member)
        {
            yield break;
        }
        foreach (var entry in bindings.Members)
        {
            var location = JsonPath.Member(LocationOf(member), entry.Name);
            var list = new List<PortBinding>();
            for (var i = 0; entry.Value is JArray array && i < array.Count; i++)
            {
                var binding = array[i] as JObject;
                var hostPort = binding?.GetIgnoreCase("HostPort") is JValue { Kind: JValueKind.String or JValueKind.Number } value ? value.Text : null;
                list.Add(new PortBinding(i, JsonPath.Index(location, i), array[i], hostPort, hostPort is null ? null : ToPort(hostPort), binding.StringOf("HostIp")));
            }
            yield return new PortBindingsEntry(entry, PortKey.Parse(entry.Name), location, list);
        }
    }

    public static IEnumerable<ExposedPort> Exposed(EdgeModule module) =>
        module.Options().ObjectOf(ExposedPortsName) is { } exposed
            ? exposed.Members.Select(m => new ExposedPort(m, PortKey.Parse(m.Name), JsonPath.Member(module.Options()!.FindIgnoreCase(ExposedPortsName)!.Name, m.Name)))
            : Enumerable.Empty<ExposedPort>();

    /// <summary>A port number Kubernetes accepts (1 to 65535), or null.</summary>
    public static int? ToPort(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535 ? port : null;

    /// <summary>The whole number a HostPort holds (range not checked), or null when it is not one.</summary>
    public static long? ToNumber(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
}

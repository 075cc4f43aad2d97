using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Network;

/// <summary>
/// A port key of ExposedPorts or PortBindings as the device's agent reads it: <c>&lt;port&gt;[/&lt;tcp|udp|sctp&gt;]</c>,
/// protocol case-insensitive, TCP when none is written, as Docker takes it (PortAndProtocol.Parse; reference: "port key
/// protocol"); anything else is ignored (<see cref="IsValid"/> false). The agent checks no range: a number that is no
/// port (<see cref="IsOutOfRange"/>) goes into the module's objects as it is.
/// </summary>
/// <param name="Text">The key as written.</param>
/// <param name="Number">The port as the agent reads it, any whole number; null for a key it ignores.</param>
/// <param name="Protocol">tcp, udp or sctp; null for a key the agent ignores.</param>
/// <param name="LacksProtocol">A port written without a protocol as Docker reads one ("80", "80/"): TCP to both devices (rule K16 writes it out).</param>
public sealed record PortKey(string Text, int? Number, string? Protocol, bool LacksProtocol = false)
{
    /// <summary>A port the agent reads and Kubernetes takes: 1 to 65535, with a protocol.</summary>
    public bool IsValid => Number is >= 1 and <= 65535 && Protocol is not null;

    /// <summary>A key the agent reads whose number is not a port from 1 to 65535 ("0/tcp", "70000/tcp"): see <see cref="RefusedBecause"/>.</summary>
    public bool IsOutOfRange => Number is not null && Protocol is not null && !IsValid;

    /// <summary>
    /// Why the Kubernetes API server refuses what the agent makes of an <see cref="IsOutOfRange"/> key, as the check (K10)
    /// and the preview say it: an exposed port's number becomes the container's port and a Service port, a bound one's the
    /// Service's target port, and Kubernetes (IsValidPortNum, in validateContainerPorts and ValidateService) refuses a
    /// port outside 1 to 65535. Null for a bound port 0, which Kubernetes takes for the Service port itself (SetDefaults_Service).
    /// A refused Service stops the whole deployment (<see cref="ServiceRefused"/>).
    /// </summary>
    public string? RefusedBecause(bool exposed) => exposed
        ? $"Port '{Text}' is not a port from 1 to 65535; the device's agent passes {Number} on as the container's port and a Service port, and the Kubernetes API server refuses the module's Deployment and Service (\"must be between 1 and 65535, inclusive\"); {ServiceRefused}."
        : Number == 0 ? null
        : $"Port '{Text}' is not a port from 1 to 65535; the device's agent passes {Number} on as the target port of the module's Service, and the Kubernetes API server refuses the Service (\"must be between 1 and 65535, inclusive\"); {ServiceRefused}.";

    /// <summary>
    /// What a Service the API server refuses does: the agent applies every module's Service before it applies any
    /// Deployment, and the refusal ends that pass (EdgeDeploymentController.DeployModulesAsync), so no module's Deployment is
    /// applied.
    /// </summary>
    public const string ServiceRefused = "the agent applies every module's Service before any Deployment and stops at a refused one, so the whole deployment fails";

    /// <summary>Why Kubernetes refuses the Service of a HostPort outside 1 to 65535, as the check (K10) and the preview say it.</summary>
    public static string HostPortRefusedBecause(string hostPort) =>
        $"HostPort {hostPort} is not a port from 1 to 65535; Kubernetes refuses the module's Service, and {ServiceRefused}.";

    /// <summary>"80/tcp", as the device names the port: for a key it reads (<see cref="IsValid"/>).</summary>
    public string Name => $"{Number}/{Protocol}";

    /// <summary>Why the device's agent ignores a key it cannot read, as the check and the preview say it.</summary>
    public string IgnoredBecause => $"Port '{Text}' is ignored by the device's agent, which reads only <port>[/<tcp|udp|sctp>].";

    /// <summary>
    /// What to write instead of a key the agent ignores (<see cref="IgnoredBecause"/>): the port the key starts with, so
    /// that the advice followed keeps the port the user meant ("8000-8001/tcp" and "8000/http" become "8000/tcp").
    /// </summary>
    public string IgnoredAdvice
    {
        get
        {
            var trimmed = Text.Trim();
            var digits = 0;
            while (digits < trimmed.Length && Ascii.IsDigit(trimmed[digits]))
            {
                digits++;
            }
            return digits > 0 && ModulePorts.ToPort(trimmed.Substring(0, digits)) is { } port
                ? $"Write it as \"{port}/tcp\" (or \"{port}/udp\"); give each port of a range its own key."
                : "Write it as, for example, \"8080/tcp\"; give each port of a range its own key.";
        }
    }

    /// <summary>What to write instead of an <see cref="IsOutOfRange"/> key.</summary>
    public const string RefusedAdvice = "Give a port from 1 to 65535, such as \"8080/tcp\".";

    private const string Tcp = "tcp";

    private static readonly string[] Protocols = { Tcp, "udp", "sctp" };

    /// <summary>
    /// Reads a key as the agent does: split on '/' leaving out empty parts, which must be one or two; the port read with
    /// int.TryParse, which takes blanks around the digits and a sign (" 80/tcp" is port 80); the protocol as written, in
    /// any case, so "80/tcp " has none the agent knows, and TCP when there is none. A key without a protocol is
    /// <see cref="LacksProtocol"/> only when Docker reads it so too: 1 to 5 digits alone, or followed by an empty protocol
    /// ("80/", <see cref="LengthWithoutProtocol"/>); Docker refused a port with blanks or a sign (" 80").
    /// </summary>
    public static PortKey Parse(string text)
    {
        var parts = text.Split(Slash, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 1 or 2 && ModulePorts.ToNumber(parts[0]) is int port)
        {
            if (parts.Length == 1)
            {
                var length = LengthWithoutProtocol(text);
                return new PortKey(text, port, Tcp, length is >= 1 and <= 5 && ModulePorts.ToPort(text.Substring(0, length)) is not null);
            }
            if (Protocols.FirstOrDefault(p => string.Equals(parts[1], p, StringComparison.OrdinalIgnoreCase)) is { } protocol)
            {
                return new PortKey(text, port, protocol);
            }
        }
        return new PortKey(text, null, null);
    }

    /// <summary>
    /// The length of the port of a key Docker reads without a protocol, or -1: its SplitProtoPort takes TCP for a key
    /// without '/' and for one whose text after the first '/' is empty or starts with '/' ("80/", "80//").
    /// </summary>
    internal static int LengthWithoutProtocol(string text)
    {
        var slash = text.IndexOf('/');
        return slash < 0 ? text.Length
            : slash > 0 && (slash == text.Length - 1 || text[slash + 1] == '/') ? slash
            : -1;
    }

    private static readonly char[] Slash = { '/' };
}

/// <summary>One binding of a PortBindings entry: <c>{"HostIp": …, "HostPort": "8080"}</c>.</summary>
public sealed record PortBinding(int Index, string Location, JNode Node, string? HostPortText, int? HostPort, string? HostIp)
{
    /// <summary>False when HostPort is missing, null or empty: Docker picks a random port, the device's agent none.</summary>
    public bool HasHostPort => !string.IsNullOrEmpty(HostPortText);

    /// <summary>True when a template fills in the HostPort (<c>"${PORT}"</c>): the port it stands for is known once expanded.</summary>
    public bool HostPortIsPlaceholder => HostPortText is { } text && TemplateText.HasPlaceholder(text);

    /// <summary>Why the agent skips a binding whose HostPort is no whole number, as the check and the preview say it.</summary>
    public string HostPortSkippedBecause => $"HostPort '{HostPortText}' is not a whole number; the device's agent skips the binding, so the port is not exposed.";

    /// <summary>What to write instead (<see cref="HostPortSkippedBecause"/>).</summary>
    public const string HostPortSkippedAdvice = "Give one port number; bind each port of a range separately.";
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

    /// <summary>
    /// What a null list of bindings, or a null binding, of a port the agent reads does, as the check and the preview say it:
    /// Json.NET reads null, but the agent's Service mapping (PortExtensions.GetHostPorts) throws on it, before it applies anything.
    /// </summary>
    public const string NullStopsDeployment = "the GPU device's agent reads it, then fails on it as it makes the module's Service, so the whole deployment fails";

    /// <summary>
    /// True when the agent makes the module a Service: it exposes a port the agent reads, or binds one to a HostPort that
    /// is a whole number (a binding without one is skipped); a template placeholder in the port or the HostPort counts
    /// as the port the expanded template gives.
    /// </summary>
    public static bool MakesService(EdgeModule module)
    {
        foreach (var exposed in Exposed(module))
        {
            if (exposed.Key.IsValid || TemplateText.HasPlaceholder(exposed.Key.Text))
            {
                return true;
            }
        }
        foreach (var entry in Bindings(module))
        {
            if ((entry.Key.IsValid || TemplateText.HasPlaceholder(entry.Key.Text)) &&
                entry.Bindings.Any(binding => binding.HostPort is not null || binding.HostPortIsPlaceholder))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The bindings of a container port to the same HostPort, as fixes write them: [{"HostPort": "80"}].</summary>
    internal static JArray HostPortBinding(int port)
    {
        var binding = new JObject();
        binding.Add("HostPort", JValue.String(port.ToString(CultureInfo.InvariantCulture)));
        return new JArray(new JNode[] { binding });
    }

    /// <summary>True when k8s-experimental.serviceOptions.type is ClusterIP: the module means to stay inside the cluster.</summary>
    internal static bool IsClusterOnly(EdgeModule module) =>
        string.Equals(module.Kubernetes().ObjectOf("serviceOptions").StringOf("type"), "ClusterIP", StringComparison.OrdinalIgnoreCase);

    /// <summary>Names the cached views of <see cref="CheckScope"/>.</summary>
    private static readonly object BindingsView = new(), ExposedView = new(), ServiceView = new();

    /// <summary>The module's ports as the agent maps them: its Service's ports and where each goes.</summary>
    internal static PortMapping Service(EdgeModule module) => CheckScope.Read(module, ServiceView, (m, _) => PortMapping.Read(RenderContext.Alone(m)));

    /// <summary>True when a template fills in the module's ports: what its Service serves is known once the template is expanded.</summary>
    internal static bool HasPortPlaceholder(EdgeModule module) =>
        PortBindingsMember(module)?.Value is { } bindings && TemplateText.IsPlaceholder(bindings) ||
        Exposed(module).Any(exposed => TemplateText.HasPlaceholder(exposed.Key.Text)) ||
        Bindings(module).Any(entry => TemplateText.HasPlaceholder(entry.Key.Text) || entry.Bindings.Any(b => b.HostPortIsPlaceholder));

    /// <summary>The PortBindings entries, in order; none when PortBindings is missing or not an object.</summary>
    public static IReadOnlyList<PortBindingsEntry> Bindings(EdgeModule module) => CheckScope.Read(module, BindingsView, (m, _) => ReadBindings(m));

    public static IReadOnlyList<ExposedPort> Exposed(EdgeModule module) => CheckScope.Read(module, ExposedView, (m, _) => ReadExposed(m));

    private static List<PortBindingsEntry> ReadBindings(EdgeModule module)
    {
        var entries = new List<PortBindingsEntry>();
        if (PortBindingsMember(module) is not { Value: JObject bindings } member)
        {
            return entries;
        }
        foreach (var entry in bindings.Members)
        {
            var location = JsonPath.Member(LocationOf(member), entry.Name);
            var list = new List<PortBinding>();
            for (var i = 0; entry.Value is JArray array && i < array.Count; i++)
            {
                var binding = array[i] as JObject;
                // A bare placeholder (${PORT}) is the template's port, as one in quotes is: not a missing HostPort.
                var hostPort = binding?.GetIgnoreCase("HostPort") is JValue { Kind: JValueKind.String or JValueKind.Number or JValueKind.Placeholder } value ? value.Text : null;
                list.Add(new PortBinding(i, JsonPath.Index(location, i), array[i], hostPort, ToNumber(hostPort) is int port and >= 1 and <= 65535 ? port : null, binding.StringOf("HostIp")));
            }
            entries.Add(new PortBindingsEntry(entry, PortKey.Parse(entry.Name), location, list));
        }
        return entries;
    }

    private static List<ExposedPort> ReadExposed(EdgeModule module) =>
        module.Options()?.FindIgnoreCase(ExposedPortsName) is { Value: JObject exposed } member
            ? exposed.Members.Select(m => new ExposedPort(m, PortKey.Parse(m.Name), JsonPath.Member(member.Name, m.Name))).ToList()
            : new List<ExposedPort>();

    /// <summary>A port number Kubernetes accepts (1 to 65535), or null.</summary>
    public static int? ToPort(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535 ? port : null;

    /// <summary>
    /// The whole number a HostPort holds (range not checked), or null when it is not one: read as the agent reads it,
    /// with int.TryParse, which takes blanks around the digits and a sign (" 8080", "+8080").
    /// </summary>
    public static int? ToNumber(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;
}

using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules;

/// <summary>Navigation the rules share. Docker and the agent match createOptions keys case-insensitively, except
/// <c>k8s-experimental</c> itself, which the agent matches exactly.</summary>
public static class CreateOptionsAccess
{
    public const string KubernetesSection = "k8s-experimental";

    private const string ContainerPrefix = "container:";

    public static JObject? Options(this EdgeModule module) => module.CreateOptions?.Root;

    /// <summary>The module id a Docker mode (IpcMode, NetworkMode, PidMode) names as <c>container:&lt;id&gt;</c>, or null for any other mode.</summary>
    public static string? JoinedContainer(string? mode) =>
        mode is not null && mode.StartsWith(ContainerPrefix, System.StringComparison.OrdinalIgnoreCase) ? mode.Substring(ContainerPrefix.Length) : null;

    public static JObject? HostConfig(this EdgeModule module) => module.Options().ObjectOf("HostConfig");

    public static JObject? Kubernetes(this EdgeModule module) => module.Options()?.Find(KubernetesSection)?.Value as JObject;

    public static JObject? ObjectOf(this JObject? obj, string name) => obj?.GetIgnoreCase(name) as JObject;

    public static JArray? ArrayOf(this JObject? obj, string name) => obj?.GetIgnoreCase(name) as JArray;

    public static string? StringOf(this JObject? obj, string name) => (obj?.GetIgnoreCase(name) as JValue)?.AsString();

    /// <summary>
    /// True when the agent reads the Boolean under <paramref name="name"/> (any case) as true: it reads createOptions
    /// into typed models with Json.NET (DockerConfig.GetCreateOptions), so "true" in any case counts as true, as a
    /// nonzero number does (HostConfig.Privileged, a mount's ReadOnly).
    /// </summary>
    public static bool IsTrue(this JObject? obj, string name) => obj?.GetIgnoreCase(name) is { } value && Boolean(value) == true;

    /// <summary>
    /// A value as Json.NET reads it into a Boolean: true and false, a string bool.TryParse takes ("true", " False "), a
    /// number (nonzero is true); null for anything else, which Json.NET cannot convert.
    /// </summary>
    public static bool? Boolean(JNode value) => value switch
    {
        JValue { Kind: JValueKind.True } => true,
        JValue { Kind: JValueKind.False } => false,
        JValue { IsString: true } text when bool.TryParse(text.Text.Trim(), out var flag) => flag,
        JValue number when number.TryGetDecimal(out var n) => n != 0,
        _ => null,
    };

    /// <summary>
    /// A value as Json.NET reads it into a string from createOptions text: a string, or a number, true or false as
    /// written (JsonTextReader.ReadAsString keeps the number's text: 42 is "42", 1e3 is "1e3"); null for anything else
    /// (null, an array, an object).
    /// </summary>
    public static string? Text(JNode value) => value is JValue { Kind: JValueKind.String or JValueKind.Number or JValueKind.True or JValueKind.False } scalar ? scalar.Text : null;

    /// <summary>
    /// The object under <paramref name="name"/> (any case), added when missing or null; null when the user wrote
    /// something else there (a template placeholder, a value of the wrong type): a fix never replaces what the user
    /// wrote, and leaves the finding for the user instead.
    /// </summary>
    public static JObject? GetOrAddObject(this JObject obj, string name) => GetOrAdd(obj, obj.FindIgnoreCase(name), name);

    /// <summary>The object <paramref name="member"/> of <paramref name="obj"/> holds, added under <paramref name="name"/> when it is missing or null; null when it holds something else.</summary>
    internal static JObject? GetOrAdd(JObject obj, JMember? member, string name)
    {
        if (member?.Value is JObject existing)
        {
            return existing;
        }
        if (!CanHoldObject(member))
        {
            return null;
        }
        var created = new JObject();
        obj.Set(member?.Name ?? name, created);
        return created;
    }

    /// <summary>True when <paramref name="member"/> is missing or null (an object may be added) or holds an object.</summary>
    public static bool CanHoldObject(JMember? member) => member?.Value is JObject || HoldsNothing(member);

    /// <summary>True when <paramref name="member"/> is missing or null (an array may be added) or holds an array.</summary>
    public static bool CanHoldArray(JMember? member) => member?.Value is JArray || HoldsNothing(member);

    /// <summary>A JSON null counts as nothing written.</summary>
    private static bool HoldsNothing(JMember? member) => member?.Value is null or JValue { Kind: JValueKind.Null };

    /// <summary>True when <see cref="GetOrAddKubernetes"/> gives a section: a fix can write there.</summary>
    public static bool CanAddKubernetes(this EdgeModule module) => CanHoldObject(module.Options()?.Find(KubernetesSection));

    /// <summary>
    /// The k8s-experimental section of a module's createOptions, created when missing. Matched exactly, as the agent
    /// does: a section spelled in another case is ignored by the device and left for K3 to report; null when it holds
    /// something other than an object, which K3 reports and no fix replaces.
    /// </summary>
    public static JObject? GetOrAddKubernetes(this EdgeModule module)
    {
        var root = module.CreateOptions!.GetOrCreateRoot();
        return GetOrAdd(root, root.Find(KubernetesSection), KubernetesSection);
    }
}

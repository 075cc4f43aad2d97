using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Json;

namespace EdgeMigration.Core.Manifests;

/// <summary>One module of a manifest (system modules edgeAgent and edgeHub included), read from its definition.</summary>
public sealed class EdgeModule
{
    // decoded: the createOptions decoded before a refresh, by their settings object; this module keeps its own while their
    // pieces are unchanged (ManifestDocument.RefreshKeepingCreateOptions).
    internal EdgeModule(string name, bool isSystemModule, JObject definition, string location, JMember member, JObject container, bool preferObjectCreateOptions,
        IReadOnlyDictionary<JObject, CreateOptions>? decoded = null)
    {
        Name = name;
        IsSystemModule = isSystemModule;
        Definition = definition;
        Location = location;
        Member = member;
        Container = container;
        var settingsPath = JsonPath.Member(location, "settings");
        Settings = definition.FindIgnoreCase("settings")?.Value as JObject;
        CreateOptions = Settings is null ? null
            : (decoded is not null && decoded.TryGetValue(Settings, out var kept) ? kept.KeptFor(Settings, settingsPath) : null)
              ?? new CreateOptions(Settings, settingsPath, preferObjectCreateOptions);
    }

    /// <summary>The module id, as IoT Hub knows it.</summary>
    public string Name { get; internal set; }

    public bool IsSystemModule { get; }

    /// <summary>True for the system module edgeAgent, whose image and createOptions the GPU device does not use: it runs its own (K7).</summary>
    public bool IsEdgeAgent => IsSystemModule && Name == "edgeAgent";

    /// <summary>True for the system module edgeHub, which the other modules connect to as 'edgehub' on the GPU device.</summary>
    public bool IsEdgeHub => IsSystemModule && Name == "edgeHub";

    /// <summary>The module's definition object in the manifest (edits change the manifest).</summary>
    public JObject Definition { get; }

    /// <summary>Where the definition lives, as a JSONPath.</summary>
    public string Location { get; internal set; }

    /// <summary>The member holding the definition (its name is the module id, or a layered "properties.desired.modules.&lt;id&gt;" key).</summary>
    internal JMember Member { get; }

    /// <summary>The object that holds <see cref="Member"/>.</summary>
    internal JObject Container { get; }

    public JObject? Settings { get; }

    /// <summary>The decoded createOptions; null when the module has no settings object.</summary>
    public CreateOptions? CreateOptions { get; }

    public string? Image => StringProperty(Settings, "image");
    public string? Type => StringProperty(Definition, "type");
    public string? Status => StringProperty(Definition, "status");

    /// <summary>True for status "stopped": the GPU device deploys the module with no replica, so no pod of it runs (kubernetes-mode.md).</summary>
    public bool IsStopped => string.Equals(Status, "stopped", System.StringComparison.OrdinalIgnoreCase);
    public string? RestartPolicy => StringProperty(Definition, "restartPolicy");

    /// <summary>The module's <c>env</c> section, <c>{"NAME": {"value": …}}</c>; null when absent.</summary>
    public JObject? EnvSection => Definition.FindIgnoreCase("env")?.Value as JObject;

    /// <summary>The variables of the <c>env</c> section (not createOptions' Env strings).</summary>
    public IReadOnlyList<EnvironmentVariable> Env =>
        EnvSection is null
            ? new List<EnvironmentVariable>()
            : EnvSection.Members.Select(m => new EnvironmentVariable(m.Name, EnvValue(m))).ToList();

    /// <summary>The value of an <c>env</c> entry as text: <c>{"value": …}</c>, or a bare value.</summary>
    internal static string? EnvValue(JMember entry) =>
        entry.Value is JObject v ? ValueText(v.FindIgnoreCase("value")?.Value) : ValueText(entry.Value);

    /// <summary>The full JSONPath of a location relative to this module's createOptions, or to its definition.</summary>
    public string PathOf(string relativeLocation, bool inDefinition = false)
    {
        var basePath = inDefinition || CreateOptions is null ? Location : CreateOptions.Location;
        return relativeLocation.Length == 0 ? basePath
            : relativeLocation.StartsWith("[", System.StringComparison.Ordinal) ? basePath + relativeLocation
            : basePath + "." + relativeLocation;
    }

    internal static string? StringProperty(JObject? obj, string name) =>
        obj?.FindIgnoreCase(name)?.Value is JValue v && v.Kind is JValueKind.String or JValueKind.Placeholder ? v.Text : null;

    private static string? ValueText(JNode? node) => node switch
    {
        null => null,
        JValue { Kind: JValueKind.Null } => null,
        JValue v => v.Text,
        _ => node.ToJson(),
    };

    public override string ToString() => Name;
}

/// <summary>An <c>env</c> entry of a module: name and value as text.</summary>
public sealed class EnvironmentVariable
{
    public EnvironmentVariable(string name, string? value)
    {
        Name = name;
        Value = value;
    }

    public string Name { get; }
    public string? Value { get; }
}

/// <summary>A route of <c>$edgeHub</c>: <c>"name": "FROM … INTO …"</c> or, from schema 1.1, <c>{"route": "…", "priority": n}</c>.</summary>
public sealed class EdgeRoute
{
    private readonly JObject _container;
    private readonly JMember _member;

    internal EdgeRoute(string name, JObject container, JMember member, string location)
    {
        Name = name;
        _container = container;
        _member = member;
        Location = location;
    }

    public string Name { get; }
    public string Location { get; }

    public string? Text => _member.Value switch
    {
        JValue { Kind: JValueKind.String } v => v.Text,
        JObject o => EdgeModule.StringProperty(o, "route"),
        _ => null,
    };

    /// <summary>Replaces the route text, keeping the string or object form (and priority, TTL).</summary>
    public void SetText(string text)
    {
        if (_member.Value is JObject o)
        {
            o.Set(o.FindIgnoreCase("route")?.Name ?? "route", JValue.String(text));
        }
        else
        {
            _container.Set(_member.Name, JValue.String(text));
        }
    }

    public override string ToString() => Name + ": " + Text;
}

/// <summary>A module twin section of modulesContent, keyed by module id (<c>"&lt;id&gt;": {"properties.desired": …}</c>).</summary>
public sealed class ModuleTwinSection
{
    internal ModuleTwinSection(JObject modulesContent, JMember member, string location)
    {
        ModulesContent = modulesContent;
        Member = member;
        Location = location;
    }

    public string ModuleId => Member.Name;
    public string Location { get; }
    internal JObject ModulesContent { get; }
    internal JMember Member { get; }
}

/// <summary>
/// A layered deployment's key that sets one setting of a module instead of defining it:
/// <c>"properties.desired.modules.&lt;id&gt;.&lt;setting&gt;"</c> ("…modules.sensor.settings.image", "…modules.sensor.env.LEVEL").
/// Twin property names hold no '.', so the id ends at the first one (outside a template placeholder); IoT Hub merges the
/// value into the module's definition, in whichever deployment for the device defines the module.
/// </summary>
public sealed class ModuleSettingKey
{
    internal ModuleSettingKey(string moduleId, string setting, bool isSystemModule, JObject container, JMember member, string location)
    {
        ModuleId = moduleId;
        Setting = setting;
        IsSystemModule = isSystemModule;
        Container = container;
        Member = member;
        Location = location;
    }

    public string ModuleId { get; }
    public bool IsSystemModule { get; }

    /// <summary>The setting within the module's definition, as the key writes it ("env.LEVEL").</summary>
    public string Setting { get; }

    public string Key => Member.Name;
    public string Location { get; }
    internal JObject Container { get; }
    internal JMember Member { get; }
}

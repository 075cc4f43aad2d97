using System;
using System.Collections.Generic;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules;

/// <summary>A createOptions value the agent's typed model cannot hold: the agent cannot read the module's createOptions.</summary>
public readonly record struct MistypedField(string Location, JNode Value, string Expected, string Advice)
{
    public string Message => $"{Location} is {Shown}, not {Expected}; {Other.InvalidCreateOptionsRule.WholeDeploymentRefused}.";

    /// <summary>
    /// A string where a Boolean belongs is quoted, as the value tells why it cannot be read ("yes" is no Boolean); any
    /// other value is named by its type, as a string where a list belongs may be an Env text with a password in it.
    /// </summary>
    private string Shown => Value is JValue { IsString: true } && Expected == MistypedFields.TrueOrFalse ? "the string " + Value.ToCompactJson() : CreateOptions.Describe(Value);
}

/// <summary>
/// Fields of the wrong JSON type where both devices' agents read createOptions into typed properties: DockerConfig reads
/// them with Json.NET into the agent's CreateContainerParameters and HostConfig (Azure/iotedge, edge-agent's Docker
/// models), property names in any case. Json.NET turns a number or a Boolean into a string and "true" or a number into a
/// Boolean (<see cref="CreateOptionsAccess.Text"/>, <see cref="CreateOptionsAccess.Boolean"/>), but no object or array
/// into a string, and nothing but an array into a list or an object into a dictionary: it throws, and the agent reads
/// nothing of the deployment. Null leaves a property unset, except where the model holds a struct
/// (<see cref="HoldsValueType"/>): Json.NET cannot make null of one and throws too. Rule K4 reports these and the
/// Kubernetes preview stops the whole deployment for them, from this one reading. Binds, Mounts and PortBindings are judged by
/// their own rules (S1, K9, K10), with the fields of a mount and of a port binding read here (<see cref="OfMount"/>,
/// <see cref="OfBinding"/>); a value a template fills in whole (<see cref="TemplateText.StandsForValue"/>) is judged once the template is expanded, but text around a placeholder ("PATH=$PATH:/bin" where a list belongs) stays text.
/// </summary>
public static class MistypedFields
{
    private enum FieldType { String, Boolean, Object, StringList, StringMap, PortMap, ExposedPort }

    /// <summary>What a Boolean's message says belongs there.</summary>
    internal const string TrueOrFalse = "true or false";

    private static readonly (string Name, FieldType Type, string Advice)[] TopLevel =
    {
        ("Env", FieldType.StringList, "Write it as an array of \"NAME=value\" strings."),
        ("ExposedPorts", FieldType.PortMap, "Write it as {\"<port>/tcp\": {}}."),
        ("HostConfig", FieldType.Object, "Write it as an object of Docker host settings."),
        ("Image", FieldType.String, "Write the image name as a string, or remove it: the module's settings.image is the one deployed."),
        ("Labels", FieldType.StringMap, "Write it as an object of label names and string values."),
    };

    private static readonly (string Name, FieldType Type, string Advice)[] InHostConfig =
    {
        ("Privileged", FieldType.Boolean, "Write true or false."),
        ("NetworkMode", FieldType.String, "Write the mode as a string (\"host\")."),
        ("IpcMode", FieldType.String, "Write the mode as a string (\"host\")."),
        ("PidMode", FieldType.String, "Write the mode as a string (\"host\")."),
    };

    /// <summary>The agent's Mount: ReadOnly is a bool, the others strings.</summary>
    private static readonly (string Name, FieldType Type, string Advice)[] InMount =
    {
        ("ReadOnly", FieldType.Boolean, "Write true or false."),
        ("Type", FieldType.String, "Write the type as a string: \"bind\" or \"volume\"."),
        ("Source", FieldType.String, "Write the source as a string: the share's name, or the host directory."),
        ("Target", FieldType.String, "Write the container path as a string."),
    };

    /// <summary>The agent's PortBinding: both strings.</summary>
    private static readonly (string Name, FieldType Type, string Advice)[] InBinding =
    {
        ("HostIp", FieldType.String, "Write the address as a string, or remove it: the GPU device ignores HostIp."),
        ("HostPort", FieldType.String, "Write the port as a string, such as \"8080\"."),
    };

    /// <summary>The mistyped fields of one HostConfig.Mounts entry at <paramref name="location"/> (rule K9).</summary>
    public static IReadOnlyList<MistypedField> OfMount(JObject mount, string location) => Found(mount, location, InMount);

    /// <summary>The mistyped fields of one port binding at <paramref name="location"/> (rule K10).</summary>
    public static IReadOnlyList<MistypedField> OfBinding(JObject binding, string location) => Found(binding, location, InBinding);

    private static IReadOnlyList<MistypedField> Found(JObject obj, string location, (string Name, FieldType Type, string Advice)[] fields)
    {
        List<MistypedField>? found = null;
        Check(obj, location, fields, ref found);
        return found ?? (IReadOnlyList<MistypedField>)Array.Empty<MistypedField>();
    }

    /// <summary>The module's mistyped fields, in the order they are written; empty for nearly every module.</summary>
    public static IReadOnlyList<MistypedField> Of(EdgeModule module)
    {
        List<MistypedField>? found = null;
        if (module.Options() is { } options)
        {
            Check(options, "", TopLevel, ref found);
            // Json.NET reads every spelling of HostConfig in turn ("hostconfig" beside "HostConfig"), so the settings of each must convert.
            foreach (var member in options.MemberList)
            {
                if (member.Value is JObject hostConfig && string.Equals(member.Name, "HostConfig", StringComparison.OrdinalIgnoreCase))
                {
                    Check(hostConfig, member.Name, InHostConfig, ref found);
                }
            }
        }
        return found ?? (IReadOnlyList<MistypedField>)Array.Empty<MistypedField>();
    }

    private static void Check(JObject obj, string location, (string Name, FieldType Type, string Advice)[] fields, ref List<MistypedField>? found)
    {
        foreach (var member in obj.MemberList)
        {
            foreach (var field in fields)
            {
                // Json.NET sets the property once for each spelling, so every one of them must convert.
                if (string.Equals(member.Name, field.Name, StringComparison.OrdinalIgnoreCase))
                {
                    CheckField(member.Value, location, member.Name, field.Type, field.Advice, ref found);
                }
            }
        }
    }

    /// <summary>Checks a field and, in a list or dictionary, its items; locations are made only for what is reported, as every check reads every module.</summary>
    private static void CheckField(JNode value, string parent, string name, FieldType type, string advice, ref List<MistypedField>? found)
    {
        if (Expected(value, type) is { } expected)
        {
            Add(JsonPath.Member(parent, name), value, expected, advice, ref found);
        }
        else if (type == FieldType.StringList && value is JArray items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (Expected(items[i], FieldType.String) is { } itemExpected)
                {
                    Add(JsonPath.Index(JsonPath.Member(parent, name), i), items[i], itemExpected, advice, ref found);
                }
            }
        }
        else if (type is FieldType.StringMap or FieldType.PortMap && value is JObject entries)
        {
            var itemType = type == FieldType.PortMap ? FieldType.ExposedPort : FieldType.String;
            foreach (var entry in entries.MemberList)
            {
                if (Expected(entry.Value, itemType) is { } itemExpected)
                {
                    Add(JsonPath.Member(JsonPath.Member(parent, name), entry.Name), entry.Value, itemExpected, advice, ref found);
                }
            }
        }
    }

    /// <summary>What the model holds where <paramref name="value"/> stands, when it cannot hold the value itself; null when it can.</summary>
    private static string? Expected(JNode value, FieldType type)
    {
        var expected = type switch
        {
            FieldType.String when CreateOptionsAccess.Text(value) is null => "a string",
            FieldType.Boolean when CreateOptionsAccess.Boolean(value) is null => TrueOrFalse,
            FieldType.Object or FieldType.ExposedPort when value is not JObject => "an object",
            FieldType.StringList when value is not JArray => "an array of strings",
            FieldType.StringMap when value is not JObject => "an object of names and strings",
            FieldType.PortMap when value is not JObject => "an object of ports",
            _ => null,
        };
        // Asked last: nearly every value is of its type.
        return expected is null || value is JValue { Kind: JValueKind.Null } && !HoldsValueType(type) || TemplateText.StandsForValue(value) ? null : expected;
    }

    /// <summary>
    /// True where the model holds a struct, which null cannot become: Privileged is a bool, and an exposed port's value
    /// Docker's EmptyStruct, an object whose members are not read.
    /// </summary>
    private static bool HoldsValueType(FieldType type) => type is FieldType.Boolean or FieldType.ExposedPort;

    private static void Add(string location, JNode value, string expected, string advice, ref List<MistypedField>? found) =>
        (found ??= new List<MistypedField>()).Add(new MistypedField(location, value, expected, advice));
}

using System;
using System.Globalization;
using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using EdgeMigration.Core.Rules.Resources;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>
/// Reads a k8s-experimental value the way the agent's typed model does (Json.NET's defaults): field names in any
/// case, fields the type lacks dropped, "true" and "1" taken for a Boolean and a number, numbers for strings. A value
/// that cannot be converted fails the module's createOptions. A template's placeholder ("${GPUS}") is kept as written:
/// what it stands for is known only once the template is expanded. The result uses the Kubernetes field names.
/// </summary>
internal sealed class TypedReader
{
    private readonly RenderContext _context;

    public TypedReader(RenderContext context) => _context = context;

    /// <summary>The object as the type reads it; null when it is null, or not an object (recorded as a failure).</summary>
    public JObject? ReadObject(JNode node, SchemaType type, string location)
    {
        if (node is JValue { Kind: JValueKind.Null })
        {
            return null;
        }
        if (node is not JObject obj)
        {
            Fail(location, node, "an object (" + type.Name + ")");
            return null;
        }
        var result = new JObject();
        foreach (var member in obj.Members)
        {
            var memberLocation = JsonPath.Member(location, member.Name);
            if (type.Find(member.Name) is not { } field)
            {
                _context.Drop(memberLocation, member.Value, DropEffect.Ignored,
                    $"'{member.Name}' is not a field of the Kubernetes {type.Name} (Kubernetes 1.27, the device's version); the agent drops it.",
                    "Check the spelling against the Kubernetes API reference.");
                continue;
            }
            if (Read(member.Value, field, memberLocation) is { } value)
            {
                // Json.NET keeps the last of two spellings of one field.
                result.Set(field.Name, value);
            }
        }
        return result;
    }

    public JNode? Read(JNode value, SchemaField field, string location)
    {
        if (value is JValue { Kind: JValueKind.Null })
        {
            return null;
        }
        if (IsPlaceholder(value, field.Type))
        {
            return value.DeepClone();
        }
        switch (field.Type)
        {
            case FieldType.String:
                return Scalar(value) is { } text ? JValue.String(text) : Fail(location, value, "a string");
            case FieldType.Boolean:
                return Boolean(value) is { } flag ? JValue.Boolean(flag) : Fail(location, value, "a Boolean");
            case FieldType.Integer:
                return Integer(value) is { } number ? JValue.Number(number) : Fail(location, value, "a whole number");
            case FieldType.Quantity:
                return Quantity(value) is { } quantity ? JValue.String(quantity) : Fail(location, value, "a Kubernetes quantity such as \"128Mi\" or \"500m\"");
            case FieldType.IntOrString:
                return value is JValue { Kind: JValueKind.Number } && Integer(value) is { } port ? JValue.Number(port)
                    : Scalar(value) is { } name ? JValue.String(name) : Fail(location, value, "a number or a string");
            case FieldType.StringMap:
            case FieldType.QuantityMap:
                return Map(value, field, location);
            case FieldType.StringList:
            case FieldType.IntegerList:
            case FieldType.ObjectList:
                return List(value, field, location);
            case FieldType.Object:
                return ReadObject(value, field.Item!, location);
            default:
                return value.DeepClone();
        }
    }

    private JNode? Map(JNode value, SchemaField field, string location)
    {
        if (value is not JObject obj)
        {
            return Fail(location, value, "an object of names and values");
        }
        var item = new SchemaField(field.Name, field.Type == FieldType.QuantityMap ? FieldType.Quantity : FieldType.String);
        var result = new JObject();
        foreach (var member in obj.Members)
        {
            if (Read(member.Value, item, JsonPath.Member(location, member.Name)) is { } entry)
            {
                result.Set(member.Name, entry);
            }
        }
        return result;
    }

    private JNode? List(JNode value, SchemaField field, string location)
    {
        if (value is not JArray array)
        {
            return Fail(location, value, "an array");
        }
        var item = field.Type switch
        {
            FieldType.StringList => new SchemaField(field.Name, FieldType.String),
            FieldType.IntegerList => new SchemaField(field.Name, FieldType.Integer),
            _ => new SchemaField(field.Name, FieldType.Object, field.Item),
        };
        var result = new JArray();
        for (var i = 0; i < array.Count; i++)
        {
            if (Read(array[i], item, JsonPath.Index(location, i)) is { } entry)
            {
                result.Add(entry);
            }
        }
        return result;
    }

    private JNode? Fail(string location, JNode value, string expected)
    {
        _context.Fail(location, value,
            $"{location} is {CreateOptions.Describe(value)} where Kubernetes expects {expected}; the agent cannot read the module's createOptions, so the module is not deployed.",
            "Write it as the Kubernetes API reference shows.");
        return null;
    }

    /// <summary>A placeholder where a Boolean, number or quantity goes (strings are read as they are anyway).</summary>
    private static bool IsPlaceholder(JNode value, FieldType type) =>
        type is FieldType.Boolean or FieldType.Integer or FieldType.Quantity && value is JValue { IsString: true } text && TemplateText.HasPlaceholder(text.Text);

    /// <summary>Text for a string field: strings as they are, numbers and Booleans as their JSON text.</summary>
    private static string? Scalar(JNode value) => value is JValue { Kind: not JValueKind.Null } v ? v.Text : null;

    private static bool? Boolean(JNode value) => value switch
    {
        JValue { Kind: JValueKind.True } => true,
        JValue { Kind: JValueKind.False } => false,
        JValue { IsString: true } text when bool.TryParse(text.Text.Trim(), out var flag) => flag,
        JValue number when number.TryGetDecimal(out var n) => n != 0,
        _ => null,
    };

    private static long? Integer(JNode value) => value switch
    {
        JValue { Kind: JValueKind.Number } number when number.TryGetDecimal(out var n) && n == decimal.Truncate(n) && n >= long.MinValue && n <= long.MaxValue => (long)n,
        JValue { IsString: true } text when long.TryParse(text.Text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    /// <summary>A quantity as the Kubernetes client writes it: the text of a number or a valid quantity string.</summary>
    private static string? Quantity(JNode value) => value switch
    {
        JValue { Kind: JValueKind.Number } number => number.Text,
        JValue { IsString: true } text when ParsedQuantity.Parse(text.Text) is not null => text.Text.Trim(),
        _ => null,
    };
}

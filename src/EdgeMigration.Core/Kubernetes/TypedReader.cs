using System.Globalization;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using EdgeMigration.Core.Rules.Resources;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>
/// Reads a k8s-experimental value the way the agent's typed model does (Json.NET's defaults): field names in any
/// case, fields the type lacks dropped, "true" and "1" taken for a Boolean and a number, numbers for strings. A value
/// that cannot be converted fails the module's createOptions. A template's placeholder ("${GPUS}", or "${LIMITS}" for a
/// whole object or list) is kept as written: what it stands for is known only once the template is expanded. The result
/// uses the Kubernetes field names.
/// </summary>
internal sealed class TypedReader
{
    private readonly RenderContext _context;

    public TypedReader(RenderContext context) => _context = context;

    /// <summary>The object as the type reads it, or a placeholder kept as written; null when it is null, or not an object (recorded as a failure).</summary>
    public JNode? ReadObject(JNode node, SchemaType type, string location) => Read(node, new SchemaField(type.Name, FieldType.Object, type), location);

    public JNode? Read(JNode value, SchemaField field, string location)
    {
        if (value is JValue { Kind: JValueKind.Null })
        {
            return null;
        }
        // Strings are read as they are anyway.
        if (field.Type != FieldType.String && TemplateText.IsPlaceholder(value))
        {
            return Placeholder(value, field, location);
        }
        switch (field.Type)
        {
            case FieldType.String:
                return Scalar(value) is { } text ? JValue.String(text) : Fail(location, value, field);
            case FieldType.Boolean:
                return CreateOptionsAccess.Boolean(value) is { } flag ? JValue.Boolean(flag) : Fail(location, value, field);
            case FieldType.Integer:
                return Integer(value) is { } number ? JValue.Number(number) : Fail(location, value, field);
            case FieldType.Quantity:
                return Quantity(value) is { } quantity ? JValue.String(quantity) : Fail(location, value, field);
            case FieldType.IntOrString:
                return value is JValue { Kind: JValueKind.Number } && Integer(value) is { } port ? JValue.Number(port)
                    : Scalar(value) is { } name ? JValue.String(name) : Fail(location, value, field);
            case FieldType.StringMap:
            case FieldType.QuantityMap:
                return Map(value, field, location);
            case FieldType.StringList:
            case FieldType.IntegerList:
            case FieldType.ObjectList:
                return List(value, field, location);
            case FieldType.Object:
                return value is JObject obj ? Members(obj, field.Item!, location) : Fail(location, value, field);
            default:
                return value.DeepClone();
        }
    }

    /// <summary>Records a template placeholder standing where <paramref name="expected"/> belongs as pending: what it holds is judged once the template is expanded.</summary>
    public void RecordPending(string location, JNode value, string expected) => _context.Pending(location, value, expected);

    /// <summary>
    /// The placeholder as the preview writes it: a string, also when written bare. One that stands for an object or a
    /// list is recorded as pending: it hides every setting it stands for from the checks (R1, R2, K12) and the preview.
    /// One that stands for a single value (a quantity) is shown where it stands and hides nothing else.
    /// </summary>
    private JNode Placeholder(JNode value, SchemaField field, string location)
    {
        if (field.Type is not (FieldType.Boolean or FieldType.Integer or FieldType.Quantity or FieldType.IntOrString))
        {
            RecordPending(location, value, Expected(field));
        }
        return JValue.String(((JValue)value).Text);
    }

    private JObject Members(JObject obj, SchemaType type, string location)
    {
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
                // Json.NET keeps the last of two spellings of one field; where both hold objects (limits and Limits) it
                // fills the first with the second's members instead, which is not followed here.
                result.Set(field.Name, value);
            }
        }
        return result;
    }

    private JNode? Map(JNode value, SchemaField field, string location)
    {
        if (value is not JObject obj)
        {
            return Fail(location, value, field);
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
            return Fail(location, value, field);
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

    /// <summary>
    /// The agent reads every module's k8s-experimental section before it pushes any (EdgeDeploymentCommand calls
    /// GetCombinedConfig for each): a value its typed model cannot take throws, and no module is deployed.
    /// </summary>
    private JNode? Fail(string location, JNode value, SchemaField field)
    {
        _context.StopDeployment(location, value,
            $"{location} is {CreateOptions.Describe(value)} where Kubernetes expects {Expected(field)}; the agent cannot read the module's createOptions, so the whole deployment fails.",
            $"Write it as {Expected(field)}.");
        return null;
    }

    /// <summary>What a field holds, as the messages name it.</summary>
    private static string Expected(SchemaField field) => field.Type switch
    {
        FieldType.String => "a string",
        FieldType.Boolean => "a Boolean",
        FieldType.Integer => "a whole number",
        FieldType.Quantity => "a Kubernetes quantity such as \"128Mi\" or \"500m\"",
        FieldType.IntOrString => "a number or a string",
        FieldType.StringMap or FieldType.QuantityMap => "an object of names and values",
        FieldType.StringList or FieldType.IntegerList or FieldType.ObjectList => "an array",
        FieldType.Object => "an object (" + field.Item!.Name + ")",
        _ => "an object",
    };

    /// <summary>Text for a string field: strings as they are, numbers and Booleans as their JSON text.</summary>
    private static string? Scalar(JNode value) => value is JValue { Kind: not JValueKind.Null } v ? v.Text : null;

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

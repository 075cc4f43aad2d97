using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EdgeMigration.Tests.Properties;

/// <summary>
/// JSON as the generators build it, written by its own small writer rather than by the code under test: objects
/// keep duplicate names and order, numbers keep their spelling, and template placeholders are written unquoted.
/// </summary>
public abstract record J
{
    public static J Str(string value) => new JStr(value);
    public static J Num(string raw) => new JNum(raw);
    public static J Num(long value) => new JNum(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    public static J Bool(bool value) => new JLiteral(value ? "true" : "false");
    public static readonly J Null = new JLiteral("null");

    public static JObj Obj(params (string Name, J? Value)[] members) => Obj((IEnumerable<(string, J?)>)members);

    /// <summary>An object of the members whose value is not null (a null value means "leave the member out").</summary>
    public static JObj Obj(IEnumerable<(string Name, J? Value)> members) =>
        new(members.Where(m => m.Value is not null).Select(m => new KeyValuePair<string, J>(m.Name, m.Value!)).ToList());

    public static JArr Arr(IEnumerable<J> items) => new(items.ToList());
}

public sealed record JObj(IReadOnlyList<KeyValuePair<string, J>> Members) : J
{
    public JObj With(string name, J? value) => value is null ? this : new JObj(Members.Append(new KeyValuePair<string, J>(name, value)).ToList());
}

public sealed record JArr(IReadOnlyList<J> Items) : J;

public sealed record JStr(string Value) : J;

public sealed record JNum(string Raw) : J;

public sealed record JLiteral(string Raw) : J;

/// <summary>An unquoted deployment template placeholder such as <c>${TTL}</c>.</summary>
public sealed record JPlaceholder(string Raw) : J;

/// <summary>How generated JSON is laid out: indentation (empty for one line), line break, space after ':', escaping.</summary>
public sealed record JsonLayout(string Indent, string Newline, bool SpaceAfterColon, bool EscapeNonAscii)
{
    public static readonly JsonLayout Compact = new("", "\n", false, false);

    public string Write(J value)
    {
        var text = new StringBuilder();
        Write(value, text, "");
        return text.ToString();
    }

    public string Quote(string value) =>
        "\"" + JsonEncodedText.Encode(value, EscapeNonAscii ? JavaScriptEncoder.Default : JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"";

    private void Write(J value, StringBuilder text, string indent)
    {
        switch (value)
        {
            case JObj obj:
                WriteItems(text, '{', '}', obj.Members.Count, indent, (i, inner) =>
                {
                    text.Append(Quote(obj.Members[i].Key)).Append(SpaceAfterColon ? ": " : ":");
                    Write(obj.Members[i].Value, text, inner);
                });
                break;
            case JArr array:
                WriteItems(text, '[', ']', array.Items.Count, indent, (i, inner) => Write(array.Items[i], text, inner));
                break;
            case JStr s:
                text.Append(Quote(s.Value));
                break;
            case JNum n:
                text.Append(n.Raw);
                break;
            case JLiteral l:
                text.Append(l.Raw);
                break;
            case JPlaceholder p:
                text.Append(p.Raw);
                break;
        }
    }

    private void WriteItems(StringBuilder text, char open, char close, int count, string indent, System.Action<int, string> item)
    {
        text.Append(open);
        var inner = indent + Indent;
        for (var i = 0; i < count; i++)
        {
            if (Indent.Length > 0)
            {
                text.Append(Newline).Append(inner);
            }
            item(i, inner);
            if (i < count - 1)
            {
                text.Append(',');
            }
        }
        if (Indent.Length > 0 && count > 0)
        {
            text.Append(Newline).Append(indent);
        }
        text.Append(close);
    }
}

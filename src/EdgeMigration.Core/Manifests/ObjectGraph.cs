using System;
using System.Collections;
using System.Globalization;
using System.Numerics;
using EdgeMigration.Core.Json;

namespace EdgeMigration.Core.Manifests;

/// <summary>
/// Turns plain .NET object graphs into JSON trees: dictionaries (Hashtable, OrderedDictionary, Dictionary),
/// lists, strings, numbers, Booleans, null, dates, and Newtonsoft JTokens (as Az.IotHub hands them), taken by their JSON text.
/// </summary>
public static class ObjectGraph
{
    /// <summary>
    /// How ConvertTo-Json writes a date (Newtonsoft's ISO format, no trailing zeros): ConvertFrom-Json reads a string such
    /// as "2024-01-02T03:04:05Z" as a DateTime, which is written back as it was written.
    /// </summary>
    private const string IsoDate = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFK";

    private static readonly char[] FractionOrExponent = { '.', 'E', 'e' };

    public static JNode ToNode(object? value, int depth = 0)
    {
        if (depth > Json.JsonLimits.MaxDepth)
        {
            throw new ArgumentException($"The object is nested deeper than {Json.JsonLimits.MaxDepth} levels (or refers to itself).");
        }
        switch (value)
        {
            case null:
            case DBNull:
                return JValue.Null();
            case JNode node:
                return node.DeepClone();
            case string s:
                return JValue.String(s);
            case char c:
                return JValue.String(c.ToString());
            case bool b:
                return JValue.Boolean(b);
            case byte or sbyte or short or ushort or int or uint or long:
                return JValue.Number(Convert.ToInt64(value, CultureInfo.InvariantCulture));
            case ulong or decimal:
                return JValue.Number(Convert.ToDecimal(value, CultureInfo.InvariantCulture));
            case double d:
                return Finite(d, d.ToString("R", CultureInfo.InvariantCulture));
            case float f:
                return Finite(f, f.ToString("R", CultureInfo.InvariantCulture));
            case BigInteger big:
                // ConvertFrom-Json reads integers beyond Int64 so.
                return JValue.NumberFromText(big.ToString(CultureInfo.InvariantCulture));
            case DateTime dt:
                return JValue.String(dt.ToString(IsoDate, CultureInfo.InvariantCulture));
            case DateTimeOffset dto:
                return JValue.String(dto.ToString(IsoDate, CultureInfo.InvariantCulture));
            case Guid g:
                return JValue.String(g.ToString());
            case Enum e:
                return JValue.String(e.ToString());
        }
        if (IsNewtonsoftToken(value.GetType()))
        {
            return JDocument.Parse(value.ToString() ?? "null").Root;
        }
        if (value is IDictionary dictionary)
        {
            var obj = new JObject();
            foreach (DictionaryEntry entry in dictionary)
            {
                obj.Add(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "", ToNode(entry.Value, depth + 1));
            }
            return obj;
        }
        if (value is IEnumerable list)
        {
            var array = new JArray();
            foreach (var item in list)
            {
                array.Add(ToNode(item, depth + 1));
            }
            return array;
        }
        throw new ArgumentException($"A value of type {value.GetType().FullName} cannot be read as JSON.");
    }

    /// <summary>A double keeps a decimal point, as ConvertTo-Json writes it: 1.0 read by ConvertFrom-Json stays a float, not the integer 1.</summary>
    private static JValue Finite(double value, string text) =>
        double.IsNaN(value) || double.IsInfinity(value)
            ? throw new ArgumentException($"{text} is not a JSON number.")
            : JValue.NumberFromText(text.IndexOfAny(FractionOrExponent) < 0 ? text + ".0" : text);

    private static bool IsNewtonsoftToken(Type? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.FullName == "Newtonsoft.Json.Linq.JToken")
            {
                return true;
            }
        }
        return false;
    }
}

using System;
using System.Collections;
using System.Collections.Specialized;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Numerics;
using EdgeMigration.Core.Json;

namespace EdgeMigration.Infrastructure;

/// <summary>Converts between PowerShell object graphs and the core's JSON trees.</summary>
internal static class PowerShellGraph
{
    private static readonly char[] Exponent = { 'e', 'E' };

    /// <summary>
    /// Unwraps PSObjects into plain .NET values the core reads: PSCustomObject (ConvertFrom-Json output in
    /// 5.1 and 7.x) becomes an ordered dictionary; hashtables, lists and primitives pass through.
    /// </summary>
    public static object? ToPlain(object? value, int depth = 0)
    {
        if (depth > JsonLimits.MaxDepth)
        {
            throw new ArgumentException($"The object is nested deeper than {JsonLimits.MaxDepth} levels (or refers to itself).");
        }
        if (value is PSObject ps)
        {
            if (ps.BaseObject is PSCustomObject)
            {
                var ordered = new OrderedDictionary(StringComparer.Ordinal);
                foreach (var property in ps.Properties.Where(p => p.MemberType == PSMemberTypes.NoteProperty))
                {
                    ordered[property.Name] = ToPlain(property.Value, depth + 1);
                }
                return ordered;
            }
            value = ps.BaseObject;
        }
        switch (value)
        {
            case null or string or ValueType:
                return value;
            case IDictionary dictionary:
                var copy = new OrderedDictionary(StringComparer.Ordinal);
                foreach (DictionaryEntry entry in dictionary)
                {
                    copy[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? ""] = ToPlain(entry.Value, depth + 1);
                }
                return copy;
            case JNode:
                return value;
        }
        if (value.GetType().FullName?.StartsWith("Newtonsoft.Json.Linq.", StringComparison.Ordinal) == true)
        {
            return value;
        }
        if (value is IEnumerable list)
        {
            return list.Cast<object?>().Select(item => ToPlain(item, depth + 1)).ToList();
        }
        return value;
    }

    /// <summary>A JSON tree as PowerShell objects: PSCustomObject like ConvertFrom-Json, or ordered hashtables like -AsHashtable.</summary>
    public static object? FromJson(JNode node, bool asHashtable)
    {
        switch (node)
        {
            case JObject obj:
                if (asHashtable)
                {
                    // Keys are case-sensitive, as ConvertFrom-Json -AsHashtable makes them: env http_proxy and HTTP_PROXY,
                    // routes r and R are two entries, and these tables are what is deployed.
                    var table = new OrderedDictionary(StringComparer.Ordinal);
                    foreach (var member in obj.Members)
                    {
                        table[member.Name] = FromJson(member.Value, true);
                    }
                    return table;
                }
                var result = new PSObject();
                foreach (var member in obj.Members)
                {
                    if (result.Properties[member.Name] is { } existing)
                    {
                        // A duplicate key: the last value counts, as for ConvertFrom-Json.
                        existing.Value = FromJson(member.Value, false);
                    }
                    else
                    {
                        result.Properties.Add(new PSNoteProperty(member.Name, FromJson(member.Value, false)));
                    }
                }
                return result;
            case JArray array:
                return array.Select(item => FromJson(item, asHashtable)).ToArray();
            case JValue value:
                return Scalar(value);
            default:
                return null;
        }
    }

    private static object? Scalar(JValue value)
    {
        switch (value.Kind)
        {
            case JValueKind.String:
            case JValueKind.Placeholder:
                return value.Text;
            case JValueKind.True:
                return true;
            case JValueKind.False:
                return false;
            case JValueKind.Null:
                return null;
        }
        if (value.TryGetInt64(out var integer))
        {
            return integer <= int.MaxValue && integer >= int.MinValue ? (int)integer : integer;
        }
        // An integer beyond Int64 is a BigInteger, as ConvertFrom-Json reads it (ConvertTo-Json and Az would write a decimal with ".0");
        // a leading sign is all the parse takes besides digits, so a fraction or an exponent is not one.
        if (BigInteger.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big))
        {
            return big;
        }
        if (value.TryGetDecimal(out var number) && value.Text.IndexOfAny(Exponent) < 0)
        {
            return number;
        }
        return double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : value.Text;
    }
}

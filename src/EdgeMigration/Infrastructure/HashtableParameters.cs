using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using EdgeMigration.Core.Rules;

namespace EdgeMigration.Infrastructure;

/// <summary>Hashtable parameters (-ShareMap, -ModuleNameMap) as the core reads them: string to string.</summary>
internal static class HashtableParameters
{
    public static IDictionary<string, string> ToStringMap(Hashtable? table)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in table ?? new Hashtable())
        {
            map[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? ""] = Convert.ToString(entry.Value, CultureInfo.InvariantCulture) ?? "";
        }
        return map;
    }

    /// <summary>The check settings a -ShareMap stands for; an entry naming no share stops the command (InvalidShareMap).</summary>
    public static CheckSettings CheckSettings(Cmdlet cmdlet, Hashtable? shareMap)
    {
        try
        {
            return Core.Rules.CheckSettings.ForShareMap(ToStringMap(shareMap));
        }
        catch (ArgumentException ex)
        {
            cmdlet.ThrowTerminatingError(new ErrorRecord(new PSArgumentException(ex.Message, ex), "InvalidShareMap", ErrorCategory.InvalidArgument, shareMap));
            throw; // ThrowTerminatingError always throws; the compiler does not know.
        }
    }
}

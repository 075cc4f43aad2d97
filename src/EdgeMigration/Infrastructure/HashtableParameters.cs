using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using EdgeMigration.Core.Kubernetes;
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

    /// <summary>
    /// -ModuleNameMap as the conversion reads it. A new id that gives a module no name on the device (which names a module
    /// by its id sanitized), or the name the device gives its own edgeAgent or edgeHub, stops the command
    /// (InvalidModuleNameMap): the conversion would write it as it is.
    /// </summary>
    public static IDictionary<string, string> ModuleNameMap(Cmdlet cmdlet, Hashtable? moduleNameMap)
    {
        var map = ToStringMap(moduleNameMap);
        // In key order, so that the error names the same entry every time.
        foreach (var entry in map.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var name = KubernetesNames.Sanitize(entry.Value);
            var problem = name.Length == 0 ? "gives no name the device can give a module: use lower-case letters, digits and '-'."
                : name is "edgeagent" or "edgehub" ? $"takes the name of {(name == "edgehub" ? "edgeHub" : "edgeAgent")}, which the device gives its own; choose another."
                : null;
            if (problem is not null)
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(new PSArgumentException($"-ModuleNameMap entry '{entry.Key}' = '{entry.Value}' {problem}", "ModuleNameMap"),
                    "InvalidModuleNameMap", ErrorCategory.InvalidArgument, moduleNameMap));
            }
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

using System;
using System.Collections.Generic;
using System.Linq;

namespace EdgeMigration.ModuleBuilder.Help;

/// <summary>
/// The parameter sets a command's markdown describes, derived from its parameters' metadata as platyPS
/// derives MAML syntax: a parameter belongs to the sets its yaml names, "(All)" to every set.
/// </summary>
public static class ParameterSets
{
    /// <summary>Set names in the order of the SYNTAX section, then any others the parameters name; one unnamed set when none is named.</summary>
    public static IReadOnlyList<string> Names(CommandHelp help)
    {
        var names = help.Syntax.Select(s => s.ParameterSetName).ToList();
        foreach (var set in help.Parameters.SelectMany(p => p.Metadata).SelectMany(m => m.ParameterSets))
        {
            if (set != ParameterMetadata.AllParameterSets && !names.Contains(set, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(set);
            }
        }
        var named = names.Where(n => help.Parameters.SelectMany(p => p.Metadata).Any(m => m.ParameterSets.Contains(n, StringComparer.OrdinalIgnoreCase))).ToList();
        return named.Count > 0 ? named : new[] { ParameterMetadata.AllParameterSets };
    }

    /// <summary>The parameter's metadata in a set, or null when it is not in that set.</summary>
    public static ParameterMetadata? InSet(ParameterHelp parameter, string set) =>
        parameter.Metadata.FirstOrDefault(m => m.ParameterSets.Contains(set, StringComparer.OrdinalIgnoreCase))
        ?? parameter.Metadata.FirstOrDefault(m => m.ParameterSets.Count == 0 || m.ParameterSets.Contains(ParameterMetadata.AllParameterSets));

    /// <summary>A set's parameters as Get-Command's syntax orders them: positional ones by position, then mandatory, then the rest.</summary>
    public static IReadOnlyList<(ParameterHelp Parameter, ParameterMetadata Metadata)> Members(CommandHelp help, string set) =>
        help.Parameters
            .Select(p => (Parameter: p, Metadata: InSet(p, set)))
            .Where(p => p.Metadata is not null)
            .Select(p => (p.Parameter, Metadata: p.Metadata!))
            .OrderBy(p => int.TryParse(p.Metadata.Position, out var position) ? position : int.MaxValue)
            .ThenBy(p => p.Metadata.Required ? 0 : 1)
            .ToList();
}

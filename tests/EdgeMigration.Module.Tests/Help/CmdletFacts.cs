using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace EdgeMigration.Tests.Help;

/// <summary>A parameter as the engine binds it in one parameter set, in platyPS's words.</summary>
public sealed record ParameterInSet(string Set, bool Required, string Position, string PipelineInput);

/// <summary>A cmdlet parameter as the engine knows it, in the terms platyPS markdown and MAML use.</summary>
public sealed record ParameterFact(string Name, string Type, IReadOnlyList<string> Aliases, bool Wildcards,
    IReadOnlyList<string> AcceptedValues, string DefaultValue, IReadOnlyList<ParameterInSet> Sets)
{
    public ParameterInSet? In(string set) => Sets.FirstOrDefault(s => s.Set == set);
}

/// <summary>What the engine says about an exported cmdlet: its sets, their syntax, its parameters (common ones left out, as platyPS does).</summary>
public sealed record CmdletFacts(string Name, IReadOnlyList<string> SetNames, IReadOnlyDictionary<string, string> Syntax,
    string DefaultSet, IReadOnlyList<ParameterFact> Parameters)
{
    /// <summary>The common parameters (ProgressAction since 7.4) that help does not list one by one.</summary>
    public static readonly IReadOnlySet<string> CommonParameters = new HashSet<string>(
        PSCmdlet.CommonParameters.Concat(new[] { "ProgressAction" }), StringComparer.OrdinalIgnoreCase);

    /// <summary>Every cmdlet the built module exports, read from the engine, never from a list in the tests.</summary>
    public static IReadOnlyList<CmdletFacts> Exported()
    {
        using var ps = new PowerShellSession();
        return ps.Run("Get-Command -Module EdgeMigration -CommandType Cmdlet").AssertNoErrors().Output
            .Select(o => From((CmdletInfo)o.BaseObject))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static CmdletFacts From(CmdletInfo cmdlet)
    {
        var sets = cmdlet.ParameterSets;
        var unbound = Activator.CreateInstance(cmdlet.ImplementingType)!;
        var parameters = cmdlet.Parameters.Values
            .Where(p => !CommonParameters.Contains(p.Name))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .Select(p => new ParameterFact(
                p.Name,
                TypeName(p.ParameterType),
                p.Aliases.ToList(),
                p.Attributes.OfType<SupportsWildcardsAttribute>().Any(),
                AcceptedValues(p),
                DefaultValue(unbound, p),
                sets.SelectMany(set => set.Parameters.Where(q => q.Name == p.Name).Select(q => new ParameterInSet(
                    set.Name, q.IsMandatory, q.Position < 0 ? "Named" : q.Position.ToString(),
                    PipelineInput(q.ValueFromPipeline, q.ValueFromPipelineByPropertyName)))).ToList()))
            .ToList();
        (unbound as IDisposable)?.Dispose();
        return new CmdletFacts(cmdlet.Name, sets.Select(s => s.Name).ToList(),
            sets.ToDictionary(s => s.Name, s => $"{cmdlet.Name} {s}"),
            sets.FirstOrDefault(s => s.IsDefault)?.Name ?? sets[0].Name, parameters);
    }

    /// <summary>platyPS's type names: String[], Int32 (for int?), SwitchParameter, Hashtable…</summary>
    public static string TypeName(Type type) =>
        type.IsArray ? TypeName(type.GetElementType()!) + "[]"
        : Nullable.GetUnderlyingType(type) is { } underlying ? TypeName(underlying)
        : type.Name;

    public static string PipelineInput(bool byValue, bool byPropertyName) => (byValue, byPropertyName) switch
    {
        (true, true) => "True (ByValue, ByPropertyName)",
        (true, false) => "True (ByValue)",
        (false, true) => "True (ByPropertyName)",
        _ => "False",
    };

    /// <summary>
    /// The value a parameter has when it is not given, read from a cmdlet object nothing was bound to, in platyPS's words:
    /// None for null or empty, False for a switch (also -WhatIf and -Confirm, which the engine adds).
    /// </summary>
    private static string DefaultValue(object unbound, ParameterMetadata parameter) =>
        unbound.GetType().GetProperty(parameter.Name)?.GetValue(unbound) switch
        {
            SwitchParameter value => value.IsPresent.ToString(),
            null or "" or Array { Length: 0 } => parameter.SwitchParameter ? "False" : "None",
            var value => value.ToString()!,
        };

    private static IReadOnlyList<string> AcceptedValues(ParameterMetadata parameter)
    {
        var validateSet = parameter.Attributes.OfType<ValidateSetAttribute>().FirstOrDefault();
        if (validateSet is not null)
        {
            return validateSet.ValidValues.ToList();
        }
        var type = parameter.ParameterType.IsArray ? parameter.ParameterType.GetElementType()! : parameter.ParameterType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsEnum ? Enum.GetNames(type) : Array.Empty<string>();
    }
}

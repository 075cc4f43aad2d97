using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules;

/// <summary>One environment variable of a module, in the env section or in createOptions Env.</summary>
public sealed class ModuleVariable
{
    /// <summary>The Env entry, <c>NAME=value</c>, and where its '=' is (-1 for none); null for the env section.</summary>
    private readonly string? _entry;
    private readonly int _equals;
    private readonly string? _sectionValue;
    private string? _entryValue;
    private string? _location;

    /// <summary>A variable of the env section.</summary>
    internal ModuleVariable(JMember sectionMember)
    {
        Name = sectionMember.Name;
        _sectionValue = EdgeModule.EnvValue(sectionMember);
        InDefinition = true;
        SectionMember = sectionMember;
        EnvIndex = -1;
    }

    /// <summary>A createOptions Env entry, <c>NAME=value</c>; without '=' it has no value.</summary>
    internal ModuleVariable(string entry, int envIndex)
    {
        _entry = entry;
        _equals = entry.IndexOf('=');
        Name = _equals < 0 ? entry : entry.Substring(0, _equals);
        EnvIndex = envIndex;
    }

    public string Name { get; }

    /// <summary>The value as text; null for an Env entry without '=' (the device drops those). An entry's is cut out when asked for: most rules read names only.</summary>
    public string? Value => _entry is null ? _sectionValue : _equals < 0 ? null : _entryValue ??= _entry.Substring(_equals + 1);

    /// <summary><c>env.NAME</c> (relative to the definition) or <c>Env[i]</c> (relative to createOptions); made when asked for, as most variables are never reported.</summary>
    public string Location => _location ??= InDefinition
        ? JsonPath.Member(ModuleEnvironment.SectionName, Name)
        : JsonPath.Index(ModuleEnvironment.EnvName, EnvIndex);

    public bool InDefinition { get; }

    internal JMember? SectionMember { get; }
    internal int EnvIndex { get; }
}

/// <summary>
/// Reads and edits a module's environment in both places it can be set. The device puts the env section first
/// and createOptions Env after it, so for a name set in both, the Env entry is the one that counts.
/// </summary>
public static class ModuleEnvironment
{
    public const string SectionName = "env";
    public const string EnvName = "Env";

    /// <summary>Names the cached view of <see cref="CheckScope"/>.</summary>
    private static readonly object VariablesView = new();

    /// <summary>The env section's variables, then createOptions Env's, in order.</summary>
    public static IReadOnlyList<ModuleVariable> Variables(EdgeModule module) => CheckScope.Read(module, VariablesView, (m, _) => VariablesNamed(m, AnyName));

    private static readonly Func<string, int, bool> AnyName = (_, _) => true;

    /// <summary>
    /// The variables of <see cref="Variables"/> whose name <paramref name="nameMatches"/> accepts, reading no other:
    /// it is given the text the name begins (the name, or the whole Env entry) and the name's length.
    /// </summary>
    public static List<ModuleVariable> VariablesNamed(EdgeModule module, Func<string, int, bool> nameMatches)
    {
        var variables = new List<ModuleVariable>();
        var members = module.EnvSection?.Members;
        for (var i = 0; members is not null && i < members.Count; i++)
        {
            if (nameMatches(members[i].Name, members[i].Name.Length))
            {
                variables.Add(new ModuleVariable(members[i]));
            }
        }
        var env = module.Options().ArrayOf(EnvName);
        for (var i = 0; env is not null && i < env.Count; i++)
        {
            if (env[i] is JValue { IsString: true } entry && nameMatches(entry.Text, NameLength(entry.Text)))
            {
                variables.Add(new ModuleVariable(entry.Text, i));
            }
        }
        return variables;
    }

    /// <summary>
    /// The variables the agent passes on (<see cref="IsPassedOn"/>) whose value <paramref name="valueMatches"/> accepts, in
    /// the order of <see cref="Variables"/>; null for none. It is given the text the value ends (the value, or the whole Env
    /// entry) and where the value begins: values are looked at where they are written, and no other variable is made.
    /// </summary>
    internal static List<ModuleVariable>? VariablesWithValue(EdgeModule module, Func<string, int, bool> valueMatches)
    {
        List<ModuleVariable>? found = null;
        var members = module.EnvSection?.Members;
        for (var i = 0; members is not null && i < members.Count; i++)
        {
            if (EdgeModule.EnvValue(members[i]) is { } value && valueMatches(value, 0))
            {
                (found ??= new List<ModuleVariable>()).Add(new ModuleVariable(members[i]));
            }
        }
        var env = module.Options().ArrayOf(EnvName);
        for (var i = 0; env is not null && i < env.Count; i++)
        {
            if (env[i] is JValue { IsString: true } entry && entry.Text.IndexOf('=') is var equals and > 0 && valueMatches(entry.Text, equals + 1))
            {
                (found ??= new List<ModuleVariable>()).Add(new ModuleVariable(entry.Text, i));
            }
        }
        return found;
    }

    /// <summary>Every variable named <paramref name="name"/> in any letter case, in the order of <see cref="Variables"/>.</summary>
    public static List<ModuleVariable> VariablesNamed(EdgeModule module, string name) =>
        VariablesNamed(module, (text, nameLength) => IsName(text, nameLength, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The variable that takes effect for <paramref name="name"/> in any letter case (the last one set). Compares names
    /// where they are written, so that the rules asking for proxy settings on every module read no other variable.
    /// </summary>
    public static ModuleVariable? Find(EdgeModule module, string name)
    {
        var env = module.Options().ArrayOf(EnvName);
        for (var i = (env?.Count ?? 0) - 1; i >= 0; i--)
        {
            if (env![i] is JValue { IsString: true } entry && IsName(entry.Text, NameLength(entry.Text), name, StringComparison.OrdinalIgnoreCase))
            {
                return new ModuleVariable(entry.Text, i);
            }
        }
        var members = module.EnvSection?.Members;
        for (var i = (members?.Count ?? 0) - 1; i >= 0; i--)
        {
            if (IsName(members![i].Name, members[i].Name.Length, name, StringComparison.OrdinalIgnoreCase))
            {
                return new ModuleVariable(members[i]);
            }
        }
        return null;
    }

    /// <summary>What <see cref="IsAcceptedName"/> accepts, as messages say it.</summary>
    internal const string AcceptedNames = "letters, digits, '_', '-' and '.', not starting with a digit";

    /// <summary>
    /// True when the name that begins <paramref name="text"/>, <paramref name="nameLength"/> long, is <paramref name="name"/>:
    /// in any letter case where the proxy rules look for a setting, case-sensitively (<see cref="StringComparison.Ordinal"/>)
    /// where a variable must be the one the devices set, as both compare names.
    /// </summary>
    internal static bool IsName(string text, int nameLength, string name, StringComparison comparison) =>
        nameLength == name.Length && string.Compare(text, 0, name, 0, nameLength, comparison) == 0;

    /// <summary>
    /// True when the name that begins <paramref name="text"/>, <paramref name="nameLength"/> long, is one the Kubernetes API
    /// server accepts for a container's variable: <c>[-._a-zA-Z][-._a-zA-Z0-9]*</c>, a C identifier plus '-' and '.'
    /// (reference: "Env"). It refuses the Deployment of a container with any other.
    /// </summary>
    internal static bool IsAcceptedName(string text, int nameLength)
    {
        for (var i = 0; i < nameLength; i++)
        {
            var c = text[i];
            if (!(c is '-' or '.' or '_' || Ascii.IsLetter(c) || (i > 0 && Ascii.IsDigit(c))))
            {
                return false;
            }
        }
        return nameLength > 0;
    }

    /// <summary>The variable as the agent passes it to the container: the env section's all, Env's only with a name and '=' (it drops the others).</summary>
    internal static bool IsPassedOn(ModuleVariable variable) => variable.InDefinition || (variable.Value is not null && variable.Name.Length > 0);

    private static int NameLength(string envEntry) => envEntry.IndexOf('=') is var equals and >= 0 ? equals : envEntry.Length;

    /// <summary>
    /// Removes <paramref name="variables"/> (in the order of <see cref="Variables"/>), recorded top to bottom as a
    /// manifest has them: the Env entries of the settings, each at the place it has in the manifest as written (an Env
    /// left empty goes too), then the env section's.
    /// </summary>
    public static void Remove(ConversionContext context, MigrationRule rule, EdgeModule module, IReadOnlyList<ModuleVariable> variables, Func<ModuleVariable, string> describe)
    {
        // By index, and a list only of Env entries there are: a conversion asks of every module, and most have none.
        List<ModuleVariable>? entries = null;
        for (var i = 0; i < variables.Count; i++)
        {
            if (variables[i].SectionMember is null)
            {
                (entries ??= new List<ModuleVariable>()).Add(variables[i]);
            }
        }
        if (entries is not null)
        {
            RemoveEnvEntries(context, rule, module, entries, describe);
        }
        for (var i = 0; i < variables.Count; i++)
        {
            if (variables[i].SectionMember is { } member)
            {
                module.EnvSection!.Remove(member);
                context.Record(rule, module, variables[i].Location, member.Value, null, describe(variables[i]), inDefinition: true);
            }
        }
    }

    private static void RemoveEnvEntries(ConversionContext context, MigrationRule rule, EdgeModule module, List<ModuleVariable> entries, Func<ModuleVariable, string> describe) =>
        RecordedEdits.RemoveEntries(context, rule, module, module.Options()!, EnvName, EnvName, entries.Select(e => e.EnvIndex).ToList(), i => describe(entries[i]));

    /// <summary>Gives an existing variable a new value where it is set.</summary>
    public static void SetValue(ConversionContext context, MigrationRule rule, EdgeModule module, ModuleVariable variable, string value, string description)
    {
        if (variable.SectionMember is { } member)
        {
            if (member.Value is JObject setting)
            {
                var valueName = setting.FindIgnoreCase("value")?.Name ?? "value";
                var before = setting.GetIgnoreCase(valueName);
                var after = JValue.String(value);
                setting.Set(valueName, after);
                context.Record(rule, module, JsonPath.Member(variable.Location, valueName), before, after, description, inDefinition: true);
            }
            else
            {
                var before = member.Value;
                member.Value = ValueSetting(value);
                context.Record(rule, module, variable.Location, before, member.Value, description, inDefinition: true);
            }
            return;
        }
        ReplaceEntry(context, rule, module, variable, variable.Name + "=" + value, description);
        // An env section setting of the same name and value is the one setting written twice: it takes the new value
        // too, so that K15, after the proxy fixes, removes the Env twin and one setting remains.
        if (module.EnvSection?.Find(variable.Name) is { } twin && EdgeModule.EnvValue(twin) == variable.Value)
        {
            SetValue(context, rule, module, new ModuleVariable(twin), value, description);
        }
    }

    /// <summary>Renames a variable where it is set, keeping its value and place.</summary>
    public static void Rename(ConversionContext context, MigrationRule rule, EdgeModule module, ModuleVariable variable, string newName, string description)
    {
        if (variable.SectionMember is { } member)
        {
            module.EnvSection!.Rename(member, newName);
            context.Record(rule, module, variable.Location, JValue.String(variable.Name), JValue.String(newName), description, inDefinition: true);
            return;
        }
        ReplaceEntry(context, rule, module, variable, newName + (variable.Value is null ? "" : "=" + variable.Value), description);
    }

    /// <summary>
    /// Replaces the Env entry of <paramref name="variable"/> with <paramref name="text"/>, recorded where the user wrote it:
    /// an earlier fix may have removed entries before it (K15's before O2's edit), as removals are recorded too.
    /// </summary>
    private static void ReplaceEntry(ConversionContext context, MigrationRule rule, EdgeModule module, ModuleVariable variable, string text, string description)
    {
        var env = module.Options().ArrayOf(EnvName)!;
        var entry = env[variable.EnvIndex];
        var replacement = JValue.String(text);
        env[variable.EnvIndex] = replacement;
        context.Record(rule, module, JsonPath.Index(EnvName, context.EntryReplaced(entry, variable.EnvIndex, replacement)), entry, replacement, description);
    }

    /// <summary>
    /// Adds a variable to the env section (<paramref name="inDefinition"/>) or to createOptions Env, creating either when
    /// missing or null; nothing when the user wrote something else there (a template placeholder such as "Env": "${ENV}"):
    /// a fix never replaces it.
    /// </summary>
    public static void Add(ConversionContext context, MigrationRule rule, EdgeModule module, bool inDefinition, string name, string value, string description)
    {
        if (inDefinition)
        {
            if (module.Definition.GetOrAddObject(SectionName) is not { } section)
            {
                return;
            }
            var setting = ValueSetting(value);
            section.Set(name, setting);
            context.Record(rule, module, JsonPath.Member(SectionName, name), null, setting, description, inDefinition: true);
            return;
        }
        var root = module.CreateOptions!.GetOrCreateRoot();
        var member = root.FindIgnoreCase(EnvName);
        if (!CreateOptionsAccess.CanHoldArray(member))
        {
            return;
        }
        if (member?.Value is not JArray env)
        {
            env = new JArray();
            root.Set(member?.Name ?? EnvName, env);
        }
        var entry = JValue.String(name + "=" + value);
        env.Add(entry);
        context.Record(rule, module, JsonPath.Index(EnvName, env.Count - 1), null, entry, description);
    }

    private static JObject ValueSetting(string value)
    {
        var setting = new JObject();
        setting.Add("value", JValue.String(value));
        return setting;
    }

    /// <summary>The index of the first Env entry after <paramref name="index"/> named as the first <paramref name="length"/> characters of <paramref name="text"/> (with '=' or without), or -1.</summary>
    internal static int LaterEntryNamed(JArray env, int index, string text, int length)
    {
        for (var j = index + 1; j < env.Count; j++)
        {
            if (env[j] is JValue { IsString: true } other && IsNamed(other.Text, text, length))
            {
                return j;
            }
        }
        return -1;
    }

    /// <summary>True when the Env entry <paramref name="entry"/> is named as the first <paramref name="length"/> characters of <paramref name="text"/>; case-sensitively, as both devices compare names.</summary>
    internal static bool IsNamed(string entry, string text, int length) =>
        (entry.Length == length || (entry.Length > length && entry[length] == '=')) && string.CompareOrdinal(entry, 0, text, 0, length) == 0;
}

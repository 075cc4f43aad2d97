using System;
using System.Collections.Generic;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// O4: environment variable names with ':' are rejected by the Kubernetes API server (names must match
/// <c>[-._a-zA-Z][-._a-zA-Z0-9]*</c>) and the agent does not fix them; .NET configuration reads '__' as ':'.
/// </summary>
public sealed class EnvironmentNameColonRule : ModuleRule
{
    public override string Id => "O4";
    public override string Title => "Environment variable names must not contain ':'";
    public override Severity DefaultSeverity => Severity.Error;
    public override string Section => "other-differences";
    public override bool CanFix => true;

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, List<Finding> findings)
    {
        foreach (var variable in ModuleEnvironment.VariablesNamed(module, HasColon))
        {
            var place = variable.InDefinition ? "the env section" : "createOptions Env";
            var newName = Rename(variable.Name);
            var taken = IsSetWhereRenamed(module, variable, newName);
            findings.Add(Finding(module, variable.Location,
                $"Environment variable '{variable.Name}' in {place} has ':' in its name; Kubernetes rejects the module's Deployment." +
                (taken ? $" {(variable.InDefinition ? "The env section" : "createOptions Env")} also sets '{newName}', which .NET configuration reads as the same setting." : ""),
                taken
                    ? $"Keep one of the two, named '{newName}', with the value meant ('__' is read as ':' by .NET configuration)."
                    : $"Rename it to '{newName}' ('__' is read as ':' by .NET configuration).",
                fixable: !taken, inDefinition: variable.InDefinition));
        }
    }

    public override void Fix(ConversionContext context)
    {
        foreach (var module in context.Manifest.Modules)
        {
            // Decided on the module as written, as the check does: a renamed variable does not hold back another of its name.
            var renamed = ModuleEnvironment.VariablesNamed(module, HasColon).FindAll(v => !IsSetWhereRenamed(module, v, Rename(v.Name)));
            foreach (var variable in renamed)
            {
                ModuleEnvironment.Rename(context, this, module, variable, Rename(variable.Name),
                    $"Renamed environment variable {variable.Name} to {Rename(variable.Name)}.");
            }
        }
    }

    private static readonly Func<string, int, bool> HasColon = (text, nameLength) => text.IndexOf(':', 0, nameLength) >= 0;

    private static string Rename(string name) => name.Replace(":", "__");

    /// <summary>
    /// True when the place of <paramref name="variable"/> already sets <paramref name="newName"/> (names compared as the
    /// devices compare them): renaming would write a key twice in the env section, or set the variable twice in Env,
    /// where the last entry would silently win. Which value the module means is the user's to say.
    /// </summary>
    private static bool IsSetWhereRenamed(EdgeModule module, ModuleVariable variable, string newName) =>
        ModuleEnvironment.VariablesNamed(module, (text, nameLength) => ModuleEnvironment.IsName(text, nameLength, newName, StringComparison.Ordinal))
            .Exists(other => other.InDefinition == variable.InDefinition);
}

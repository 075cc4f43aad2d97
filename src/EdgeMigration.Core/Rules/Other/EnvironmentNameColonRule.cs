using System;
using System.Collections.Generic;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// O4: the Kubernetes API server refuses the Deployment of a container with a variable whose name is not
/// <c>[-._a-zA-Z][-._a-zA-Z0-9]*</c> (reference: "Env"), and the agent passes names on as written. The how-to's case is
/// ':', which .NET configuration also reads as '__': those are renamed. Any other refused name (a space, a leading
/// digit) is reported, not fixed: what reads the variable is the user's to change. Env entries the agent drops
/// (without '=', or without a name) are not judged: IgnoredSettings reports them.
/// </summary>
public sealed class EnvironmentNameColonRule : ModuleRule
{
    public override string Id => "O4";
    public override string Title => "Environment variable names Kubernetes refuses (':' and others)";
    public override Severity DefaultSeverity => Severity.Error;
    public override string Section => "other-differences";
    public override bool CanFix => true;
    internal override bool FindsRefusedDeployments => true;

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, List<Finding> findings)
    {
        foreach (var variable in Refused(module))
        {
            var place = variable.InDefinition ? "the env section" : "createOptions Env";
            if (!IsRenamed(variable.Name))
            {
                findings.Add(Finding(module, variable.Location,
                    $"Environment variable name '{variable.Name}' in {place} is not one Kubernetes accepts ({ModuleEnvironment.AcceptedNames}); the API server refuses the module's Deployment.",
                    Advice(variable.Name), fixable: false, inDefinition: variable.InDefinition, refusesDeployment: true));
                continue;
            }
            var newName = Rename(variable.Name);
            var taken = IsSetWhereRenamed(module, variable, newName);
            findings.Add(Finding(module, variable.Location,
                $"Environment variable '{variable.Name}' in {place} has ':' in its name; Kubernetes rejects the module's Deployment." +
                (taken ? $" {(variable.InDefinition ? "The env section" : "createOptions Env")} also sets '{newName}', which .NET configuration reads as the same setting." : ""),
                taken
                    ? $"Keep one of the two, named '{newName}', with the value meant ('__' is read as ':' by .NET configuration)."
                    : Advice(variable.Name),
                fixable: !taken, inDefinition: variable.InDefinition, refusesDeployment: true));
        }
    }

    /// <summary>What to do about a refused name <paramref name="name"/>; the Kubernetes preview advises the same.</summary>
    internal static string Advice(string name) => IsRenamed(name)
        ? $"Rename it to '{Rename(name)}' ('__' is read as ':' by .NET configuration; ConvertTo-GpuEdgeManifest renames it)."
        : $"Rename it, and what reads it, to a name of {ModuleEnvironment.AcceptedNames}.";

    public override void Fix(ConversionContext context)
    {
        foreach (var module in context.Manifest.Modules)
        {
            // Decided on the module as written, as the check does: a renamed variable does not hold back another of its name.
            var renamed = Refused(module).FindAll(v => IsRenamed(v.Name) && !IsSetWhereRenamed(module, v, Rename(v.Name)));
            foreach (var variable in renamed)
            {
                ModuleEnvironment.Rename(context, this, module, variable, Rename(variable.Name),
                    $"Renamed environment variable {variable.Name} to {Rename(variable.Name)}.");
            }
        }
    }

    /// <summary>The variables the agent passes on whose names the API server refuses.</summary>
    private static List<ModuleVariable> Refused(EdgeModule module) =>
        ModuleEnvironment.VariablesNamed(module, (text, nameLength) => !ModuleEnvironment.IsAcceptedName(text, nameLength)).FindAll(ModuleEnvironment.IsPassedOn);

    /// <summary>True when '__' for ':' makes <paramref name="name"/> one the API server accepts: the how-to's fix.</summary>
    private static bool IsRenamed(string name) => name.IndexOf(':') >= 0 && Rename(name) is var renamed && ModuleEnvironment.IsAcceptedName(renamed, renamed.Length);

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

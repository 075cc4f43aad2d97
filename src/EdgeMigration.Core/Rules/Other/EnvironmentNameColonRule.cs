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
            findings.Add(Finding(module, variable.Location,
                $"Environment variable '{variable.Name}' in {(variable.InDefinition ? "the env section" : "createOptions Env")} has ':' in its name; Kubernetes rejects the module's Deployment.",
                $"Rename it to '{Rename(variable.Name)}' ('__' is read as ':' by .NET configuration).", inDefinition: variable.InDefinition));
        }
    }

    public override void Fix(ConversionContext context)
    {
        foreach (var module in context.Manifest.Modules)
        {
            foreach (var variable in ModuleEnvironment.VariablesNamed(module, HasColon))
            {
                ModuleEnvironment.Rename(context, this, module, variable, Rename(variable.Name),
                    $"Renamed environment variable {variable.Name} to {Rename(variable.Name)}.");
            }
        }
    }

    private static readonly Func<string, int, bool> HasColon = (text, nameLength) => text.IndexOf(':', 0, nameLength) >= 0;

    private static string Rename(string name) => name.Replace(":", "__");
}

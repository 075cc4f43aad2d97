using System.Collections.Generic;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Json;
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

    protected override IEnumerable<Finding> CheckModule(EdgeModule module, ManifestDocument manifest)
    {
        foreach (var variable in module.Env)
        {
            if (variable.Name.Contains(":"))
            {
                yield return Finding(module, JsonPath.Member("env", variable.Name),
                    $"Environment variable '{variable.Name}' in the env section has ':' in its name; Kubernetes rejects the module's Deployment.",
                    $"Rename it to '{Rename(variable.Name)}' ('__' is read as ':' by .NET configuration).", inDefinition: true);
            }
        }
        var env = module.Options().ArrayOf("Env");
        for (var i = 0; env is not null && i < env.Count; i++)
        {
            if (env[i] is JValue { IsString: true } entry && NameOf(entry.Text) is { } name && name.Contains(":"))
            {
                yield return Finding(module, JsonPath.Index("Env", i),
                    $"Environment variable '{name}' in createOptions Env has ':' in its name; Kubernetes rejects the module's Deployment.",
                    $"Rename it to '{Rename(name)}' ('__' is read as ':' by .NET configuration).");
            }
        }
    }

    public override void Fix(ConversionContext context)
    {
        foreach (var module in context.Manifest.Modules)
        {
            if (module.EnvSection is { } section)
            {
                foreach (var member in new List<JMember>(section.Members))
                {
                    if (member.Name.Contains(":"))
                    {
                        var oldName = member.Name;
                        section.Rename(member, Rename(oldName));
                        context.Record(this, module, JsonPath.Member("env", oldName), JValue.String(oldName), JValue.String(member.Name),
                            $"Renamed environment variable {oldName} to {member.Name}.", inDefinition: true);
                    }
                }
            }
            var env = module.Options().ArrayOf("Env");
            for (var i = 0; env is not null && i < env.Count; i++)
            {
                if (env[i] is JValue { IsString: true } entry && NameOf(entry.Text) is { } name && name.Contains(":"))
                {
                    var renamed = JValue.String(Rename(name) + entry.Text.Substring(name.Length));
                    context.Record(this, module, JsonPath.Index("Env", i), entry, renamed, $"Renamed environment variable {name} to {Rename(name)}.");
                    env[i] = renamed;
                }
            }
        }
    }

    private static string? NameOf(string entry)
    {
        var equals = entry.IndexOf('=');
        return equals < 0 ? entry : entry.Substring(0, equals);
    }

    private static string Rename(string name) => name.Replace(":", "__");
}

using System.Collections.Generic;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// K4: createOptions that are not a JSON object, or that hold a field the agent's typed model cannot hold
/// (<see cref="MistypedFields"/>), cannot be read by any agent. Both agents read every module's createOptions as they
/// read the deployment (DockerConfig, when its JSON converter reads the desired properties), so the exception fails the
/// whole deployment: "Agent configuration format is invalid", and no module of it is deployed.
/// </summary>
public sealed class InvalidCreateOptionsRule : ModuleRule
{
    /// <summary>What follows from createOptions no agent can read, as the findings and the Kubernetes preview say it.</summary>
    public const string WholeDeploymentRefused = "no agent can read the module's createOptions, so the agent refuses the whole deployment as invalid and deploys none of its modules";

    public override string Id => "K4";
    public override string Title => "createOptions must be JSON the agent can read";
    public override Severity DefaultSeverity => Severity.Error;
    public override string Section => "other-differences";
    internal override bool FindsStoppedDeployments => true;

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, List<Finding> findings)
    {
        if (module.CreateOptions is { ErrorKind: CreateOptionsErrorKind.InvalidJson or CreateOptionsErrorKind.NotAnObject } options)
        {
            findings.Add(Finding(module, "",
                $"The module's {options.Error}; {WholeDeploymentRefused}. No other rule can look inside.",
                "Correct the createOptions JSON (escape it properly when it is a string).", stopsDeployment: true));
            return;
        }
        if (module.CreateOptions is { ErrorKind: CreateOptionsErrorKind.Placeholder } pending)
        {
            findings.Add(Finding(module, "",
                $"The module's {pending.Error}: what they hold is known only once the template is expanded, and no rule can look inside until then.",
                TemplateText.PendingAdvice, Severity.Information, fixable: false));
            return;
        }
        foreach (var field in MistypedFields.Of(module))
        {
            findings.Add(Finding(module, field));
        }
    }
}

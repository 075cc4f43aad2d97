using System.Collections.Generic;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// K14: the device's agent makes each createOptions label an annotation of the module's pod and Service
/// (<see cref="DockerLabels"/>); a key it cannot sanitize (none of letters or digits, a name over 63 characters) or two
/// keys that sanitize alike fail the deployment, as the Kubernetes preview shows, in the same words.
/// </summary>
public sealed class AnnotationKeyRule : ModuleRule
{
    public override string Id => "K14";
    public override string Title => "Labels the device cannot make annotations of";
    public override Severity DefaultSeverity => Severity.Error;
    public override string Section => "other-differences";
    internal override bool FindsStoppedDeployments => true;

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, List<Finding> findings)
    {
        // The device runs its own edgeAgent and never reads the manifest's createOptions of it (K7).
        if (module.IsEdgeAgent)
        {
            return;
        }
        foreach (var label in DockerLabels.Of(module))
        {
            if (label.Problem is { } problem)
            {
                // The agent cannot make the module's annotations, and stops the whole deployment (the preview does too).
                findings.Add(Finding(module, label.Location, problem, label.Remedy, stopsDeployment: true));
            }
        }
    }
}

using System.Collections.Generic;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules;

/// <summary>
/// A setting of a module that the agent sends as it is and the Kubernetes API server refuses, and with it the object
/// that holds it. A rule reports it and the Kubernetes preview fails the module for it, at the same place in the same words.
/// </summary>
/// <param name="Location">Relative to createOptions, names as written: <c>k8s-experimental.strategy.type</c>.</param>
/// <param name="Value">What the user wrote there.</param>
/// <param name="Problem">What is wrong and what the API server does about it, one clause that ends with what it refuses ("… and with it the module's Deployment").</param>
/// <param name="Remedy">What to write instead.</param>
public sealed record ApiServerRefusal(string Location, JNode Value, string Problem, string Remedy)
{
    /// <summary>The problem as a check's finding says it.</summary>
    public string FindingMessage => FindingMessageOf(Problem);

    /// <summary>The problem as the preview's failed setting says it.</summary>
    public string PreviewReason => PreviewReasonOf(Problem);

    /// <summary>A refusal's problem (this one's, or a <see cref="Resources.ResourceRefusal"/>'s) as a check's finding says it.</summary>
    internal static string FindingMessageOf(string problem) => problem + ", so the module never runs.";

    /// <summary>A refusal's problem as the preview's failed setting says it.</summary>
    internal static string PreviewReasonOf(string problem) => problem + " (HTTP 422), so the module is not deployed.";
}

/// <summary>
/// A rule that reports what the Kubernetes API server refuses of a module's objects (<see cref="Refusals"/>), which the
/// Kubernetes preview fails the module for in the same words. Not fixed: what is meant is the user's to say. edgeAgent
/// is not judged (the device runs its own), nor a module whose k8s-experimental the agent cannot read (rule K3): it
/// sends no objects to refuse.
/// </summary>
public abstract class ApiServerRefusalRule : ModuleRule
{
    public override Severity DefaultSeverity => Severity.Error;
    internal override bool FindsRefusedDeployments => true;

    /// <summary>What the API server refuses of the module, in its order.</summary>
    private protected abstract IEnumerable<ApiServerRefusal> Refusals(EdgeModule module, CheckSettings settings);

    protected sealed override void CheckModule(EdgeModule module, ManifestDocument manifest, CheckSettings settings, List<Finding> findings)
    {
        if (module.IsEdgeAgent || KubernetesExtensions.IsUnreadable(module))
        {
            return;
        }
        foreach (var refusal in Refusals(module, settings))
        {
            findings.Add(Finding(module, refusal.Location, refusal.FindingMessage, refusal.Remedy, refusesDeployment: true));
        }
    }
}

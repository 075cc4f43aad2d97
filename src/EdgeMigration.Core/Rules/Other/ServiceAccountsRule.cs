using System;
using System.Collections.Generic;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// K19: the device's agent applies a deployment in steps (EdgeDeploymentController.DeployModulesAsync): every module's
/// Service, then every Deployment, then the claims, then every module's ServiceAccount, the one its pod runs as
/// (serviceAccountName: its name on the device). When the API server refuses one module's Deployment, that step throws
/// and the pass ends there, every pass: the other Deployments are made, but no ServiceAccount, and Kubernetes'
/// ServiceAccount admission refuses a pod whose ServiceAccount does not exist. So where the modules have not run
/// before, as on a new GPU device, no module's pod starts; one whose ServiceAccount an earlier deployment left does.
/// Which Deployments are refused is what the rules that find such settings say
/// (<see cref="MigrationRule.FindsRefusedDeployments"/>), read from their findings. Stopped modules have no pod to
/// admit; edgeAgent is the device's own. IoT Hub merges a layered deployment with the base deployment and the other
/// layers for a device into the one deployment the agent applies, so a layer's refusal also keeps the modules of those
/// deployments from starting: a layer gets a finding of its own for them, which the check cannot see. A deployment the
/// agent stops whole never reaches the Deployments: rule K21 tells the modules that, and this rule says nothing.
/// </summary>
public sealed class ServiceAccountsRule : MigrationRule
{
    public const string RuleId = "K19";

    public override string Id => RuleId;
    public override string Title => "A refused Deployment leaves every module without its ServiceAccount";
    public override Severity DefaultSeverity => Severity.Error;
    public override string Section => "other-differences";
    public override bool ErrorsKeepPodFromStarting => true;

    public override IEnumerable<Finding> Check(ManifestDocument manifest) => Check(manifest, CheckSettings.Default);

    public override IEnumerable<Finding> Check(ManifestDocument manifest, CheckSettings settings)
    {
        // A deployment the agent stops whole never reaches the Deployments (rule K21 tells the modules).
        if (RefusedDeployments(manifest, settings) is not { } refused || StoppedDeploymentRule.StoppedBy(manifest, settings) is not null)
        {
            return Array.Empty<Finding>();
        }
        return refused.Told(manifest, (named, ofOtherDeployments) => Text(refused, named, ofOtherDeployments),
            (module, message, recommendation) => Finding(module, "", message, recommendation, certainty: Certainty.Likely, inDefinition: module is not null));
    }

    /// <summary>True when the API server refuses a module's Deployment, so the agent creates no ServiceAccount: also when no module with a pod is left to tell.</summary>
    internal static bool AnyDeploymentRefused(ManifestDocument manifest) => RefusedDeployments(manifest, CheckSettings.Default) is not null;

    /// <summary>The modules whose Deployment the API server refuses, each with the rules that say why; null for none.</summary>
    private static ModulesByRule? RefusedDeployments(ManifestDocument manifest, CheckSettings settings) =>
        ModulesByRule.Of(manifest, settings, rule => rule.FindsRefusedDeployments, finding => finding.RefusesDeployment);

    /// <summary>The finding's words about <paramref name="modules"/>, for a module of the manifest, or <paramref name="ofOtherDeployments"/> for those a layer is merged with.</summary>
    private static (string Message, string Recommendation) Text(ModulesByRule refused, List<string> modules, bool ofOtherDeployments)
    {
        var stops = modules.Count == 1 ? "and the device's agent stops there," : "and the device's agent stops at the first,";
        var notStarting = ofOtherDeployments
            ? "the modules of the base deployment and of the other layers for the same devices, which IoT Hub merges with this layer, do not start on a device that has not run them before"
            : "the modules' pods do not start on a device that has not run them before, such as a new GPU device";
        return ($"The API server refuses the Deployment{(modules.Count == 1 ? "" : "s")} of {refused.Described(modules)}, {stops} before it creates the modules' ServiceAccounts; Kubernetes admits no pod whose ServiceAccount does not exist, so {notStarting}.",
            $"{refused.FixWhatIsReportedFor(modules)}; once the API server accepts every Deployment, the agent creates the ServiceAccounts and {(ofOtherDeployments ? "their modules start" : "the modules start")}.");
    }
}

using System;
using System.Collections.Generic;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// K21: some settings stop the device's agent before it deploys any module (<see cref="Finding.StopsDeployment"/>): it
/// cannot read a module's createOptions (K4, O3, K3, and Binds, Mounts or PortBindings its model cannot hold), cannot
/// make a module's objects (a volume, annotation or image pull secret it cannot name, K9, K13, K14, K8; an id with no
/// name, O2), or the API server refuses a module's Service, which the agent applies before any Deployment (K10, N1).
/// Then no module of the deployment is deployed, however fit it is itself: each is told so, as the preview marks it
/// stopped. Which modules stop it is what the rules that find such settings say (<see cref="MigrationRule.FindsStoppedDeployments"/>).
/// Stopped modules have no pod to lose; edgeAgent is the device's own. IoT Hub merges a layered deployment with the base
/// deployment and the other layers for a device, so a layer's stop is theirs too: the layer gets a finding of its own.
/// </summary>
public sealed class StoppedDeploymentRule : MigrationRule
{
    public const string RuleId = "K21";

    public override string Id => RuleId;
    public override string Title => "A module that stops the whole deployment stops every module";
    public override Severity DefaultSeverity => Severity.Error;
    public override string Section => "other-differences";

    public override IEnumerable<Finding> Check(ManifestDocument manifest) => Check(manifest, CheckSettings.Default);

    public override IEnumerable<Finding> Check(ManifestDocument manifest, CheckSettings settings)
    {
        return StoppedBy(manifest, settings) is { } stoppers
            ? stoppers.Told(manifest, (named, ofOtherDeployments) => Text(stoppers, named, ofOtherDeployments),
                (module, message, recommendation) => Finding(module, "", message, recommendation, inDefinition: module is not null))
            : Array.Empty<Finding>();
    }

    /// <summary>The modules for which the agent stops the whole deployment, each with the rules that say why; null for none.</summary>
    internal static ModulesByRule? StoppedBy(ManifestDocument manifest, CheckSettings settings) =>
        ModulesByRule.Of(manifest, settings, rule => rule.FindsStoppedDeployments, finding => finding.StopsDeployment);

    /// <summary>The finding's words about <paramref name="modules"/>, for a module of the manifest, or <paramref name="ofOtherDeployments"/> for those a layer is merged with.</summary>
    private static (string Message, string Recommendation) Text(ModulesByRule stoppers, List<string> modules, bool ofOtherDeployments)
    {
        var none = ofOtherDeployments
            ? "none of the modules of this layer, of the base deployment or of the other layers for the same devices, which IoT Hub merges with it, is deployed"
            : "none of its modules is deployed";
        return ($"The device's agent stops the whole deployment for {stoppers.Described(modules)} before it deploys any module: {none}.",
            $"{stoppers.FixWhatIsReportedFor(modules)}; then the agent deploys the modules.");
    }
}

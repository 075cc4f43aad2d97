using System;
using System.Collections.Generic;
using System.Linq;
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
/// deployments from starting: a layer gets a finding of its own for them, which the check cannot see.
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
        if (RefusedDeployments(manifest, settings) is not { } refusedBy)
        {
            return Array.Empty<Finding>();
        }
        var refused = manifest.Modules.Select(m => m.Name).Where(refusedBy.ContainsKey).Distinct(StringComparer.Ordinal).ToList();
        // Every module that is not refused itself is told of all the refused ones, in the same words.
        (string Message, string Recommendation)? ofAll = null;
        var findings = new List<Finding>();
        foreach (var module in manifest.Modules)
        {
            if (module.IsEdgeAgent || module.IsStopped || (refused.Count == 1 && refused[0] == module.Name))
            {
                continue;
            }
            var (message, recommendation) = refusedBy.ContainsKey(module.Name)
                ? Text(refused.FindAll(name => name != module.Name), refusedBy)
                : ofAll ??= Text(refused, refusedBy);
            findings.Add(Finding(module, "", message, recommendation, certainty: Certainty.Likely, inDefinition: true));
        }
        if (manifest.IsLayered)
        {
            var (message, recommendation) = Text(refused, refusedBy, ofOtherDeployments: true);
            findings.Add(Finding(null, "", message, recommendation, certainty: Certainty.Likely));
        }
        return findings;
    }

    /// <summary>True when the API server refuses a module's Deployment, so the agent creates no ServiceAccount: also when no module with a pod is left to tell.</summary>
    internal static bool AnyDeploymentRefused(ManifestDocument manifest) => RefusedDeployments(manifest, CheckSettings.Default) is not null;

    /// <summary>The ids of the modules whose Deployment the API server refuses, each with the rules that say why, in the catalog's order; null for none.</summary>
    private static Dictionary<string, List<string>>? RefusedDeployments(ManifestDocument manifest, CheckSettings settings)
    {
        Dictionary<string, List<string>>? refusedBy = null;
        // The catalog itself rather than a list of its own made once: the catalog makes this rule while it is being made.
        foreach (var rule in RuleCatalog.All)
        {
            if (!rule.FindsRefusedDeployments)
            {
                continue;
            }
            foreach (var finding in CheckScope.FindingsOf(rule, manifest, settings))
            {
                if (finding is { RefusesDeployment: true, ModuleName: { } name })
                {
                    refusedBy ??= new Dictionary<string, List<string>>(StringComparer.Ordinal);
                    if (!refusedBy.TryGetValue(name, out var rules))
                    {
                        refusedBy[name] = rules = new List<string>();
                    }
                    if (!rules.Contains(rule.Id))
                    {
                        rules.Add(rule.Id);
                    }
                }
            }
        }
        return refusedBy;
    }

    /// <summary>At most this many refused modules are named; the others are counted (their own findings name them).</summary>
    private const int NamedAtMost = 3;

    /// <summary>The finding's words, for a module of the manifest, or <paramref name="ofOtherDeployments"/> for those a layer is merged with.</summary>
    private static (string Message, string Recommendation) Text(List<string> refused, Dictionary<string, List<string>> refusedBy, bool ofOtherDeployments = false)
    {
        var rules = refused.SelectMany(name => refusedBy[name]).Distinct(StringComparer.Ordinal).ToList();
        var named = refused.Take(NamedAtMost).Select(name => "'" + name + "'").ToList();
        string modules;
        if (refused.Count == 1)
        {
            modules = $"the Deployment of module {named[0]} ({Rules(refusedBy[refused[0]])}), and the device's agent stops there,";
        }
        else if (refused.Count <= NamedAtMost)
        {
            modules = $"the Deployments of modules {ProseList.Joined(refused.Select(name => $"'{name}' ({Rules(refusedBy[name])})").ToList())}, and the device's agent stops at the first,";
        }
        else
        {
            modules = $"the Deployments of {refused.Count} modules ({string.Join(", ", named)} and {refused.Count - NamedAtMost} more; {Rules(rules)}), and the device's agent stops at the first,";
        }
        var which = refused.Count <= NamedAtMost ? ProseList.Joined(named) : $"those {refused.Count} modules";
        var notStarting = ofOtherDeployments
            ? "the modules of the base deployment and of the other layers for the same devices, which IoT Hub merges with this layer, do not start on a device that has not run them before"
            : "this module does not start on a device that has not run it before, such as a new GPU device";
        return ($"The API server refuses {modules} before it creates the modules' ServiceAccounts; Kubernetes admits no pod whose ServiceAccount does not exist, so {notStarting}.",
            $"Fix what {Rules(rules)} {(rules.Count == 1 ? "reports" : "report")} for {which}; once the API server accepts every Deployment, the agent creates the ServiceAccounts and {(ofOtherDeployments ? "their modules start" : "this module starts")}.");
    }

    /// <summary>rule K17, or rules O4, K12 and K13.</summary>
    private static string Rules(List<string> ids) => (ids.Count == 1 ? "rule " : "rules ") + ProseList.Joined(ids);
}

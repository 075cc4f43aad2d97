using EdgeMigration.Core.Json;
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules;

/// <summary>
/// One migration rule: an id (S, N, R, P and O from the how-to's sections, K for what the device's Kubernetes agent really does),
/// a severity, the article section it comes from, a check and, where one exists, a fix. Rules hold no state:
/// one instance serves every manifest and every runspace.
/// </summary>
public abstract class MigrationRule
{
    /// <summary>The how-to article: "Run existing IoT Edge modules from Azure Stack Edge Pro FPGA devices on Azure Stack Edge Pro GPU device".</summary>
    public const string ArticleUri = "https://learn.microsoft.com/azure/databox-online/azure-stack-edge-gpu-modify-fpga-modules-gpu";

    public abstract string Id { get; }
    public abstract string Title { get; }
    public abstract Severity DefaultSeverity { get; }

    /// <summary>The article's anchor for the section (storage, network, compute-acceleration-usage…).</summary>
    public abstract string Section { get; }

    /// <summary>True when <see cref="Fix"/> changes the manifest so that the finding goes away.</summary>
    public virtual bool CanFix => false;

    /// <summary>
    /// True when an Error finding of this rule means the module's pod does not start, or does not keep running, even
    /// though the device accepts the module (a file it cannot mount, a resource no node has, a port already taken).
    /// The Kubernetes preview shows the modules it deploys with these findings as not starting.
    /// </summary>
    public virtual bool ErrorsKeepPodFromStarting => false;

    /// <summary>
    /// True when some findings of this rule are settings for which the API server refuses the module's Deployment
    /// (<see cref="Rules.Finding.RefusesDeployment"/>): rule K19 asks these rules which modules' Deployments are refused.
    /// </summary>
    internal virtual bool FindsRefusedDeployments => false;

    /// <summary>
    /// True when some findings of this rule are settings for which the agent stops the whole deployment
    /// (<see cref="Rules.Finding.StopsDeployment"/>): rules K19 and K21 ask these rules whether it is stopped.
    /// </summary>
    internal virtual bool FindsStoppedDeployments => false;

    /// <summary>The section's address: every finding carries it, so each section's is made once.</summary>
    public string HelpUri => SectionUris.GetOrAdd(Section, section => ArticleUri + "#" + section);

    /// <summary>The article's few sections' addresses, shared by every rule, thread and runspace.</summary>
    private static readonly ConcurrentDictionary<string, string> SectionUris = new(StringComparer.Ordinal);

    public abstract IEnumerable<Finding> Check(ManifestDocument manifest);

    /// <summary>The check with the user's decisions; rules they do not concern check as without them.</summary>
    public virtual IEnumerable<Finding> Check(ManifestDocument manifest, CheckSettings settings) => Check(manifest);

    /// <summary>Rewrites the manifest for the GPU device, recording each change; rules that cannot fix do nothing.</summary>
    public virtual void Fix(ConversionContext context)
    {
    }

    /// <summary>
    /// A finding of this rule about a module's setting; <paramref name="location"/> is relative to createOptions unless
    /// <paramref name="inDefinition"/>; <paramref name="refusesDeployment"/> when the API server refuses the module's
    /// Deployment for it (<see cref="Rules.Finding.RefusesDeployment"/>), <paramref name="stopsDeployment"/> when the agent
    /// stops the whole deployment for it (<see cref="Rules.Finding.StopsDeployment"/>). Settings in createOptions that cannot
    /// be read as the agent reads them (K4, K5) are never fixable: the conversion does not edit such createOptions.
    /// </summary>
    protected Finding Finding(EdgeModule? module, string location, string message, string recommendation,
        Severity? severity = null, bool? fixable = null, Certainty certainty = Certainty.Certain, bool inDefinition = false, bool refusesDeployment = false,
        bool stopsDeployment = false) =>
        new()
        {
            RuleId = Id,
            Severity = severity ?? DefaultSeverity,
            ModuleName = module?.Name,
            Location = location,
            ManifestPath = module?.PathOf(location, inDefinition) ?? location,
            Message = message,
            Recommendation = recommendation,
            IsFixable = (fixable ?? CanFix) && (inDefinition || module?.CreateOptions?.Error is null),
            Certainty = certainty,
            HelpUri = HelpUri,
            RefusesDeployment = refusesDeployment,
            StopsDeployment = stopsDeployment,
        };

    /// <summary>The finding of a field the agent's model cannot hold (<see cref="MistypedFields"/>): this rule's, in the field's words.</summary>
    protected Finding Finding(EdgeModule module, MistypedField field) => Finding(module, field.Location, field.Message, field.Advice, stopsDeployment: true);

    /// <summary>Information that a template placeholder stands where <paramref name="expected"/> belongs (<see cref="TemplateText.StandsForValue"/>).</summary>
    protected Finding PendingFinding(EdgeModule module, string location, JNode value, string expected) =>
        Finding(module, location, TemplateText.PendingMessage(location, value, expected), TemplateText.PendingAdvice, Severity.Information, fixable: false);
}

/// <summary>A rule that looks at each module on its own.</summary>
public abstract class ModuleRule : MigrationRule
{
    public sealed override IEnumerable<Finding> Check(ManifestDocument manifest) => Check(manifest, CheckSettings.Default);

    public sealed override IEnumerable<Finding> Check(ManifestDocument manifest, CheckSettings settings)
    {
        var findings = new List<Finding>();
        foreach (var module in manifest.Modules)
        {
            CheckModule(module, manifest, settings, findings);
        }
        return findings;
    }

    /// <summary>The check of a module with the user's decisions: a rule they concern overrides this one, the others the one without them.</summary>
    protected virtual void CheckModule(EdgeModule module, ManifestDocument manifest, CheckSettings settings, List<Finding> findings) =>
        CheckModule(module, manifest, findings);

    /// <summary>
    /// Adds the module's findings to <paramref name="findings"/>, in order. A list rather than an iterator: every rule
    /// runs over every module, and an iterator per pair costs an object and a compiled class of its own. Every rule
    /// overrides this or the overload with the user's decisions.
    /// </summary>
    protected virtual void CheckModule(EdgeModule module, ManifestDocument manifest, List<Finding> findings)
    {
    }
}

using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules.Other;

namespace EdgeMigration.Core.Rules.Storage;

/// <summary>
/// S1: the how-to says storage on the GPU device is given with HostConfig.Mounts, not with Binds. The device's agent
/// still turns each bind into a hostPath volume, so the article and the code disagree: a warning. S2, S3, S4 and K11
/// say what each entry is; this rule reports the Binds key, the entries nobody can read and a container path alone
/// (Docker's anonymous volume, which the agent skips), and its fix converts every entry that can be converted (with the
/// default rules, S2 and S3 have already converted theirs).
/// </summary>
public sealed class BindsRule : BindRule
{
    public override string Id => "S1";
    public override string Title => "Binds become volume or bind mounts";
    public override Severity DefaultSeverity => Severity.Warning;
    public override string Section => "storage";
    internal override bool FindsStoppedDeployments => true;
    public override bool CanFix => true;

    protected override void CheckModule(EdgeModule module, ShareMapping shares, List<Finding> findings)
    {
        if (BindPlan.For(module, shares) is not { } plan || plan.Member.Value is JValue { Kind: JValueKind.Null })
        {
            return;
        }
        if (plan.Binds is null)
        {
            findings.Add(TemplateText.StandsForValue(plan.Member.Value)
                ? PendingFinding(module, plan.Location, plan.Member.Value, "an array of binds")
                : Finding(module, plan.Location,
                    $"{plan.Member.Name} is {plan.Member.Value.ToCompactJson()}, not an array of strings; {InvalidCreateOptionsRule.WholeDeploymentRefused}.",
                    "Make it an array such as [\"/data:/data\"], or use HostConfig.Mounts.", Severity.Error, fixable: false, stopsDeployment: true));
            return;
        }
        if (plan.Entries.Count == 0)
        {
            return;
        }
        var convertible = plan.Entries.All(e => e.CanConvert);
        findings.Add(Finding(module, plan.Location,
            $"The module uses {plan.Member.Name} ({plan.Entries.Count} {(plan.Entries.Count == 1 ? "entry" : "entries")}); the how-to says storage on the GPU device is given with HostConfig.Mounts: Type volume for a share, Type bind for a host directory.",
            convertible
                ? "Replace each entry with a mount (ConvertTo-GpuEdgeManifest does; S2 and S3 say what each becomes)."
                : "ConvertTo-GpuEdgeManifest converts the entries it can; the others need your decision (see the findings on each entry).",
            fixable: convertible));
        foreach (var entry in plan.Entries)
        {
            if (entry.Class == BindClass.Unreadable && TemplateText.IsPlaceholder(entry.Node))
            {
                findings.Add(Finding(module, entry.Location,
                    $"{entry.Location} {entry.Node.ToCompactJson()} is a template placeholder; what it mounts is known only once the template is expanded.",
                    "Check the expanded manifest.", Severity.Information, fixable: false));
            }
            else if (entry.Class == BindClass.Unreadable)
            {
                // Json.NET reads a number or true/false as its text, which has no ':': a bind no one can mount.
                var read = CreateOptionsAccess.Text(entry.Node);
                findings.Add(Finding(module, entry.Location,
                    entry.Spec is not null
                        ? $"{entry.Location} {entry.Node.ToCompactJson()} cannot be read: {entry.Spec.Problem}. Docker refuses it, and the device's agent skips or misreads it."
                        : read is not null
                        ? $"{entry.Location} is {entry.Node.ToCompactJson()}, not a string; the agents read it as the bind \"{read}\", which is not '<host path or volume>:<container path>[:options]': Docker refuses it, and the GPU device's agent skips it."
                        : $"{entry.Location} is {entry.Node.ToCompactJson()}, not a string; {ModuleMounts.WhyEntryStopsDeployment(entry.Node)}.",
                    "Write it as \"<absolute host path or share>:<container path>[:ro]\", or as a HostConfig.Mounts entry.",
                    Severity.Error, fixable: false, stopsDeployment: entry.Spec is null && read is null));
            }
            else if (entry.Class == BindClass.AnonymousVolume)
            {
                var (message, recommendation) = AnonymousVolume(entry.Location, entry.Node, entry.Spec!.Target);
                findings.Add(Finding(module, entry.Location, message, recommendation, fixable: false));
            }
            else if (entry.ConflictingMount is { } mount)
            {
                findings.Add(Finding(module, entry.Location,
                    $"{entry.Location} {entry.Node.ToCompactJson()} mounts at the same container path as {mount.Location} ({mount.Value.ToCompactJson()}), with another source; Docker refuses the module, and it cannot become a second mount there.",
                    "Keep one of the two.", Severity.Error, fixable: false));
            }
        }
    }

    public override void Fix(ConversionContext context)
    {
        foreach (var module in context.Manifest.Modules)
        {
            BindConversion.Apply(context, this, module, _ => true);
        }
    }

    /// <summary>What becomes of a container path alone in Binds (Docker's anonymous volume) on the GPU device; the preview says it too.</summary>
    internal static (string Message, string Recommendation) AnonymousVolume(string location, JNode bind, string target) =>
        ($"{location} {bind.ToCompactJson()} is a container path alone: Docker mounts a new anonymous volume there, but the GPU device's agent wants '<source>:<target>' and skips it, so the path is the container's own folder, whose changes are lost whenever the container restarts.",
            $"Remove the entry if the module keeps nothing there (the device skips it anyway); for data to keep, replace it with a mount of a share: {{\"Target\": \"{target}\", \"Source\": \"<share>\", \"Type\": \"volume\"}} in HostConfig.Mounts.");
}

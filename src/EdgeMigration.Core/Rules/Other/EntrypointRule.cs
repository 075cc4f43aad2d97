using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// O3: the device's agent reads Entrypoint and Cmd only as JSON arrays of strings (CreatePodParameters takes
/// IReadOnlyList&lt;string&gt;), so a string fails and the module is not deployed. An array Entrypoint becomes the
/// container's command, but the how-to lists Entrypoint among the options that do not work: a warning, since the
/// article and the agent's code disagree. A string is turned into an array only when splitting it on whitespace
/// cannot change its meaning: no quotes, escapes or shell syntax. Only the keys spelled exactly are read (a miscased one is
/// ignored, rule K1).
/// </summary>
public sealed class EntrypointRule : ModuleRule
{
    private static readonly char[] ShellSyntax = "\"'`\\$|&;<>()*?[]{}~#".ToCharArray();

    public override string Id => "O3";
    public override string Title => "Entrypoint and Cmd must be arrays; Entrypoint may not work";
    public override Severity DefaultSeverity => Severity.Error;
    public override string Section => "other-differences";
    internal override bool FindsStoppedDeployments => true;
    public override bool CanFix => true;

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, List<Finding> findings)
    {
        foreach (var name in new[] { "Entrypoint", "Cmd" })
        {
            if (module.Options()?.Find(name) is not { } member)
            {
                continue;
            }
            switch (member.Value)
            {
                case JValue { IsString: true } text:
                    var words = Words(text.Text);
                    findings.Add(Finding(module, member.Name,
                        $"{member.Name} is the string {text.ToCompactJson()}; the GPU device's agent reads it only as a JSON array of strings, so the whole deployment fails.",
                        words is null
                            ? "Write it as an array by hand: the text has quotes, escapes or shell syntax, or is empty (to run it through a shell, use [\"/bin/sh\", \"-c\", \"…\"])."
                            : $"Write it as the array {ToArray(words).ToCompactJson()}.",
                        fixable: words is not null, stopsDeployment: true));
                    break;
                case JArray array when array.Any(item => item is not JValue { IsString: true }):
                    findings.Add(Finding(module, member.Name,
                        $"{member.Name} holds items that are not strings; the GPU device's agent cannot read it, so the whole deployment fails.",
                        "Make every item a string.", fixable: false, stopsDeployment: true));
                    break;
                case JArray when name == "Entrypoint":
                    findings.Add(Finding(module, member.Name,
                        "Entrypoint becomes the container's command on the GPU device, but the how-to lists Entrypoint among the create options that do not work there.",
                        "Test the module on the GPU device; if it does not start, build the entrypoint into the image (ENTRYPOINT) and remove it here.",
                        Severity.Warning, fixable: false));
                    break;
                case JValue { Kind: JValueKind.Null }:
                case JArray:
                    break;
                default:
                    findings.Add(Finding(module, member.Name,
                        $"{member.Name} is {member.Value.ToCompactJson()}; the GPU device's agent reads it only as a JSON array of strings, so the whole deployment fails.",
                        "Write it as an array of strings.", fixable: false, stopsDeployment: true));
                    break;
            }
        }
    }

    public override void Fix(ConversionContext context)
    {
        foreach (var module in context.Manifest.Modules)
        {
            foreach (var name in new[] { "Entrypoint", "Cmd" })
            {
                if (module.Options()?.Find(name) is { Value: JValue { IsString: true } text } member && Words(text.Text) is { } words)
                {
                    member.Value = ToArray(words);
                    context.Record(this, module, member.Name, text, member.Value, $"{member.Name} written as an array of its words.");
                }
            }
        }
    }

    /// <summary>The whitespace-separated words of <paramref name="text"/>, or null when splitting could change its meaning.</summary>
    private static string[]? Words(string text)
    {
        var words = text.Split((char[]?)null, System.StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 || text.IndexOfAny(ShellSyntax) >= 0 ? null : words;
    }

    private static JArray ToArray(IEnumerable<string> words) => new(words.Select(JValue.String));
}

using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// K7: the GPU device runs its own edgeAgent (azureiotedge-agent 0.1.0-beta…), set up by the device, not the one the
/// manifest describes: the manifest's edgeAgent image, createOptions and env have no effect there.
/// </summary>
public sealed class EdgeAgentSettingsRule : ModuleRule
{
    private const string StandardImage = "mcr.microsoft.com/azureiotedge-agent:";

    public override string Id => "K7";
    public override string Title => "edgeAgent settings have no effect on the GPU device";
    public override Severity DefaultSeverity => Severity.Information;
    public override string Section => "other-differences";

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, List<Finding> findings)
    {
        if (!module.IsEdgeAgent)
        {
            return;
        }
        if (module.Image is { } image && !image.StartsWith(StandardImage, StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(Finding(module, "settings.image",
                $"The edgeAgent image '{image}' is not used: the GPU device runs its own agent.",
                "Nothing to change; the device's agent version shows in the CONFIG column of 'iotedge list'.", inDefinition: true));
        }
        if (module.CreateOptions is { } options && (options.Root?.Count > 0 || options.Error is not null))
        {
            findings.Add(Finding(module, "",
                "edgeAgent's createOptions have no effect: the GPU device runs its own agent.",
                "Nothing to change; they still apply on Docker devices."));
        }
        if (module.Env.Any())
        {
            findings.Add(Finding(module, "env",
                $"edgeAgent's env ({string.Join(", ", module.Env.Select(v => v.Name))}) has no effect: the GPU device runs its own agent.",
                "Settings such as the web proxy are made in the device's local web UI instead.", inDefinition: true));
        }
    }
}

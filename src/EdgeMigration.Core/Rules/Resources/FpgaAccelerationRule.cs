using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Resources;

/// <summary>
/// R1: FPGA modules ask for <c>microsoft.com/fpga_catapult</c> and point at the FPGA wire server
/// (WIRESERVER_ADDRESS); the GPU device has neither, so the pod would stay Pending. GPUs are asked for with
/// <c>nvidia.com/gpu</c> in limits; requests, if given, must equal limits (kubernetes-mode.md), which K12 checks for every
/// resource a module asks for.
/// </summary>
public sealed class FpgaAccelerationRule : ModuleRule
{
    public const string WireServerVariable = "WIRESERVER_ADDRESS";

    public override string Id => "R1";
    public override string Title => "FPGA resources become GPU resources";
    public override Severity DefaultSeverity => Severity.Error;
    public override string Section => "compute-acceleration-usage";
    public override bool CanFix => true;

    /// <summary>
    /// No node of the GPU device has the FPGA resource (migration-rules.md R1), so the scheduler leaves the pod Pending.
    /// Requests the API server refuses (K12) keep the module from being deployed at all, which the preview reports itself.
    /// </summary>
    public override bool ErrorsKeepPodFromStarting => true;

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, List<Finding> findings)
    {
        var asksForFpga = false;
        foreach (var kind in new[] { ModuleResources.Limits, ModuleResources.Requests })
        {
            if (ModuleResources.Find(module, kind) is { } list && list.Values.Find(ModuleResources.FpgaResource) is { } fpga)
            {
                asksForFpga = true;
                findings.Add(Finding(module, list.PathOf(ModuleResources.FpgaResource),
                    $"The module asks for {fpga.Value.ToCompactJson()} FPGA(s) ('{ModuleResources.FpgaResource}' in {kind}); the GPU device has no FPGA, so the pod stays Pending.",
                    $"Ask for GPUs instead: \"{ModuleResources.GpuResource}\": N in k8s-experimental.resources.limits (requests, if given, must equal limits), with an image built for the GPU.",
                    fixable: ModuleResources.HasOrCanAddLimits(module)));
            }
        }
        var wireServers = WireServerVariables(module);
        foreach (var variable in wireServers)
        {
            findings.Add(Finding(module, variable.Location,
                $"{variable.Name} points the module at the FPGA device's wire server; the GPU device has none.",
                "Remove it; the how-to's GPU example has no wire server.", Severity.Warning, inDefinition: variable.InDefinition));
        }
        var devices = Devices(module);
        var fpgaDevices = FpgaDevices(devices);
        foreach (var index in fpgaDevices)
        {
            findings.Add(Finding(module, JsonPath.Index("HostConfig.Devices", index),
                $"Devices entry {devices![index].ToCompactJson()} looks like the FPGA; the GPU device has no FPGA and ignores Devices.",
                $"Remove it and ask for \"{ModuleResources.GpuResource}\" in k8s-experimental.resources.limits.", Severity.Warning, certainty: Certainty.Likely));
        }
        if ((asksForFpga || wireServers.Count > 0 || fpgaDevices.Count > 0) && module.HostConfig().IsTrue("Privileged"))
        {
            findings.Add(Finding(module, "HostConfig.Privileged",
                "Privileged: true usually came with FPGA use; GPUs given through nvidia.com/gpu need no privileged container.",
                "Keep it only if the module needs it for something else (the how-to's GPU example keeps it).",
                Severity.Information, fixable: false));
        }
    }

    public override void Fix(ConversionContext context)
    {
        foreach (var module in context.Manifest.Modules)
        {
            ReplaceFpgaResources(context, module);
            // Each recorded top to bottom, at the place it has in the manifest as written.
            ModuleEnvironment.Remove(context, this, module, WireServerVariables(module), variable => $"Removed {variable.Name}: the GPU device has no FPGA wire server.");
            if (FpgaDevices(Devices(module)) is { Count: > 0 } fpgaDevices)
            {
                RecordedEdits.RemoveEntries(context, this, module, module.HostConfig()!, "Devices", "HostConfig.Devices", fpgaDevices,
                    _ => "Removed the FPGA device: the GPU device has none.");
            }
        }
    }

    private void ReplaceFpgaResources(ConversionContext context, EdgeModule module)
    {
        var limits = ModuleResources.Find(module, ModuleResources.Limits);
        var requests = ModuleResources.Find(module, ModuleResources.Requests);
        var fpga = limits?.Values.Find(ModuleResources.FpgaResource) ?? requests?.Values.Find(ModuleResources.FpgaResource);
        if (fpga is null)
        {
            return;
        }
        // One count for both lists, as requests of GPUs must equal limits: a GPU count the module already gives (kept
        // in its list below), else -GpuCount, else as many GPUs as FPGAs.
        var given = limits?.Values.Find(ModuleResources.GpuResource) ?? requests?.Values.Find(ModuleResources.GpuResource);
        JNode gpus = given?.Value.DeepClone() ?? (context.Options.GpuCount is int count ? JValue.Number(count) : fpga.Value.DeepClone());
        // Kubernetes takes GPUs from limits; requests-only is invalid for extended resources.
        if ((limits ?? ModuleResources.GetOrAdd(module, ModuleResources.Limits)) is not { } gpuLimits)
        {
            return;
        }
        ReplaceInList(context, module, gpuLimits, gpus);
        if (requests?.Values.Find(ModuleResources.FpgaResource) is not null)
        {
            ReplaceInList(context, module, requests, gpus);
        }
    }

    /// <summary>Puts the GPUs where the FPGAs were asked for (same place in the list), keeping a GPU count already there.</summary>
    private void ReplaceInList(ConversionContext context, EdgeModule module, ResourceList list, JNode gpus)
    {
        var before = list.Values.DeepClone();
        var fpga = list.Values.Find(ModuleResources.FpgaResource);
        if (list.Values.Find(ModuleResources.GpuResource) is not null)
        {
            if (fpga is null)
            {
                return;
            }
            list.Values.Remove(fpga);
        }
        else if (fpga is not null)
        {
            list.Values.Rename(fpga, ModuleResources.GpuResource);
            fpga.Value = gpus.DeepClone();
        }
        else
        {
            list.Values.Add(ModuleResources.GpuResource, gpus.DeepClone());
        }
        context.Record(this, module, list.Location, before, list.Values,
            $"Asked for {gpus.ToCompactJson()} GPU(s) ('{ModuleResources.GpuResource}') instead of FPGAs.");
    }

    private static List<ModuleVariable> WireServerVariables(EdgeModule module) => ModuleEnvironment.VariablesNamed(module, WireServerVariable);

    private static JArray? Devices(EdgeModule module) => module.HostConfig().ArrayOf("Devices");

    /// <summary>The indexes of the Devices entries whose paths name the FPGA (catapult or fpga); other devices are K1's business.</summary>
    private static List<int> FpgaDevices(JArray? devices)
    {
        var found = new List<int>();
        for (var i = 0; devices is not null && i < devices.Count; i++)
        {
            if (IsFpgaDevice(devices[i]))
            {
                found.Add(i);
            }
        }
        return found;
    }

    internal static bool IsFpgaDevice(JNode device) =>
        device is JObject entry && new[] { "PathOnHost", "PathInContainer" }
            .Select(entry.StringOf)
            .Any(path => path is not null && (path.IndexOf("catapult", StringComparison.OrdinalIgnoreCase) >= 0 ||
                                              path.IndexOf("fpga", StringComparison.OrdinalIgnoreCase) >= 0));
}

using System;
using System.Collections.Generic;
using EdgeMigration.Core.Rules;
using EdgeMigration.Core.Rules.Resources;

namespace EdgeMigration.Core.Conversion;

/// <summary>What to do about the deployment strategy of modules the how-to says need Recreate (O1).</summary>
public enum DeploymentStrategyOption
{
    /// <summary>Add <c>{"strategy": {"type": "Recreate"}}</c> where the how-to recommends it.</summary>
    Recreate,

    /// <summary>Leave the Kubernetes default, a rolling update (the finding remains).</summary>
    RollingUpdate,

    /// <summary>Do not touch any strategy.</summary>
    Keep,
}

/// <summary>The user's choices for ConvertTo-GpuEdgeManifest.</summary>
public sealed class ConversionOptions
{
    /// <summary>FPGA host paths (an Edge local share's mount point) → GPU device share names. Longest prefix wins.</summary>
    public IDictionary<string, string> ShareMap { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>GPUs for modules that asked for FPGAs; null keeps the FPGA count.</summary>
    public int? GpuCount { get; set; }

    private string? _defaultMemoryLimit;
    private string? _defaultCpuLimit;

    /// <summary>A Kubernetes memory quantity ("512Mi") for modules with no memory limit at all; null adds none.</summary>
    /// <exception cref="ArgumentException">The quantity is not a positive Kubernetes quantity.</exception>
    public string? DefaultMemoryLimit
    {
        get => _defaultMemoryLimit;
        set => _defaultMemoryLimit = PositiveQuantity(value, nameof(DefaultMemoryLimit), "512Mi");
    }

    /// <summary>A Kubernetes CPU quantity ("500m") for modules with no CPU limit at all; null adds none.</summary>
    /// <exception cref="ArgumentException">The quantity is not a positive Kubernetes quantity.</exception>
    public string? DefaultCpuLimit
    {
        get => _defaultCpuLimit;
        set => _defaultCpuLimit = PositiveQuantity(value, nameof(DefaultCpuLimit), "500m");
    }

    public DeploymentStrategyOption DeploymentStrategy { get; set; } = DeploymentStrategyOption.Recreate;

    /// <summary>A web proxy for edgeHub: sets https_proxy and UpstreamProtocol AmqpWs (and no_proxy localhost).</summary>
    public string? ProxyUrl { get; set; }

    /// <summary>Module renames chosen by the user (old id → new id), applied before the automatic ones.</summary>
    public IDictionary<string, string> ModuleNameMap { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Drop binds of single files (they cannot work on the GPU device) instead of leaving them with a finding.</summary>
    public bool DropFileBinds { get; set; }

    /// <summary>Which rules' fixes are applied; the result is checked with every rule all the same.</summary>
    public RuleSelection Rules { get; set; } = RuleSelection.AllRules;

    /// <summary>A limit of nothing (0, 0Mi) would stop every module it is added to: refused when it is set, before any manifest.</summary>
    private static string? PositiveQuantity(string? quantity, string option, string example) =>
        quantity is null || ParsedQuantity.Parse(quantity) is { Sign: > 0 } ? quantity
            : throw new ArgumentException($"{option} '{quantity}' is not a positive Kubernetes quantity such as \"{example}\".", option);
}

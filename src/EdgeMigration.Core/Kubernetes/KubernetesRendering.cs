using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Rules;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>One module's Kubernetes objects, the settings that did not make it into them, and what keeps its pod from starting.</summary>
public sealed class ModuleRendering
{
    internal ModuleRendering(string moduleName, string kubernetesName, IReadOnlyList<KubernetesResource> resources, IReadOnlyList<DroppedSetting> dropped,
        IReadOnlyList<Finding> startProblems)
    {
        ModuleName = moduleName;
        KubernetesName = kubernetesName;
        Resources = resources;
        Dropped = dropped;
        StartProblems = startProblems;
    }

    /// <summary>The module id, as the manifest and IoT Hub know it.</summary>
    public string ModuleName { get; }

    /// <summary>The name of the module's Deployment, Service, container and ServiceAccount on the device; a template's placeholder id as written (<see cref="KubernetesNames.NameShown"/>).</summary>
    public string KubernetesName { get; }

    public IReadOnlyList<KubernetesResource> Resources { get; }

    public IReadOnlyList<DroppedSetting> Dropped { get; }

    /// <summary>True when something of the module keeps it (or the deployment) from running on the device.</summary>
    public bool Fails => Dropped.Any(d => d.Effect == DropEffect.Fails);

    /// <summary>
    /// What keeps the module's pod from starting once deployed (a bind of a file, a second module on the host network…):
    /// the Error findings of Test-EdgeModuleCompatibility's rules that mean that, as it reports them.
    /// </summary>
    public IReadOnlyList<Finding> StartProblems { get; }

    /// <summary>The same rendering with <paramref name="dropped"/> added.</summary>
    internal ModuleRendering WithDropped(DroppedSetting dropped) => new(ModuleName, KubernetesName, Resources, Dropped.Concat(new[] { dropped }).ToList(), StartProblems);

    /// <summary>The same rendering with its ServiceAccount a reference: the pod runs as it, but the agent does not create it (rule K19).</summary>
    internal ModuleRendering WithServiceAccountNotCreated() => new(ModuleName, KubernetesName,
        Resources.Select(r => r.Kind == "ServiceAccount" ? new KubernetesResource(r.ModuleName, r.Object, isReference: true) : r).ToList(), Dropped, StartProblems);

    /// <summary>The same rendering with <paramref name="startProblems"/>.</summary>
    internal ModuleRendering WithStartProblems(IReadOnlyList<Finding> startProblems) => new(ModuleName, KubernetesName, Resources, Dropped, startProblems);

    /// <summary>True when the device deploys the module and nothing the rules know of keeps its pod from starting.</summary>
    public bool Starts => !Fails && StartProblems.Count == 0;
}

/// <summary>A manifest as the device's Kubernetes agent would deploy it: per module, its objects and what it drops.</summary>
public sealed class KubernetesRendering
{
    internal KubernetesRendering(string sourceName, IReadOnlyList<ModuleRendering> modules)
    {
        SourceName = sourceName;
        Modules = modules;
    }

    public string SourceName { get; }

    public IReadOnlyList<ModuleRendering> Modules { get; }

    /// <summary>The same rendering with only the modules <paramref name="predicate"/> keeps.</summary>
    public KubernetesRendering Where(Func<ModuleRendering, bool> predicate) => new(SourceName, Modules.Where(predicate).ToList());

    /// <summary>Every object the agent creates, in module order (references left out).</summary>
    public IEnumerable<KubernetesResource> CreatedResources => Modules.SelectMany(m => m.Resources).Where(r => !r.IsReference);
}

using System.Collections.Generic;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>One module being rendered: its name on the device, the options, and the settings dropped so far.</summary>
internal sealed class RenderContext
{
    private readonly List<DroppedSetting> _dropped = new();

    public RenderContext(EdgeModule module, string name, KubernetesRenderOptions options)
    {
        Module = module;
        Name = name;
        Options = options;
    }

    public EdgeModule Module { get; }

    /// <summary>The sanitized module id: the name of the Deployment, Service, container and ServiceAccount.</summary>
    public string Name { get; }

    public KubernetesRenderOptions Options { get; }

    public IReadOnlyList<DroppedSetting> Dropped => _dropped;

    /// <summary>Records a setting left out of the objects; <paramref name="location"/> is relative to createOptions unless <paramref name="inDefinition"/>.</summary>
    public void Drop(string location, JNode? value, DropEffect effect, string reason, string advice, bool inDefinition = false) =>
        _dropped.Add(new DroppedSetting
        {
            ModuleName = Module.Name,
            Location = location,
            ManifestPath = Module.PathOf(location, inDefinition),
            Value = value?.ToCompactJson(),
            Effect = effect,
            Reason = reason,
            Advice = advice,
        });

    /// <summary>Records that the agent cannot read a setting, so the module is not deployed.</summary>
    public void Fail(string location, JNode? value, string reason, string advice) => Drop(location, value, DropEffect.Fails, reason, advice);
}

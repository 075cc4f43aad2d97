using System.Collections.Generic;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>One module being rendered: its name on the device, the options, and the settings dropped so far.</summary>
internal sealed class RenderContext
{
    private readonly List<DroppedSetting> _dropped = new();

    public RenderContext(EdgeModule module, string name, KubernetesRenderOptions options, IReadOnlyCollection<string> secrets)
    {
        Module = module;
        Name = name;
        Options = options;
        Secrets = secrets;
    }

    /// <summary>A context for reading a module outside a rendering, as a check does: default options, no secrets to mask.</summary>
    public static RenderContext Alone(EdgeModule module) =>
        new(module, KubernetesNames.NameShown(module.Name), new KubernetesRenderOptions(), System.Array.Empty<string>());

    public EdgeModule Module { get; }

    /// <summary>The module's name on the device (<see cref="KubernetesNames.NameShown"/>): the name of the Deployment, Service, container and ServiceAccount.</summary>
    public string Name { get; }

    public KubernetesRenderOptions Options { get; }

    /// <summary>The manifest's registry passwords: masked wherever the preview would show one.</summary>
    public IReadOnlyCollection<string> Secrets { get; }

    public IReadOnlyList<DroppedSetting> Dropped => _dropped;

    /// <summary>Records a setting left out of the objects; <paramref name="location"/> is relative to createOptions unless <paramref name="inDefinition"/>.</summary>
    public void Drop(string location, JNode? value, DropEffect effect, string reason, string advice, bool inDefinition = false, bool stopsDeployment = false) =>
        _dropped.Add(new DroppedSetting
        {
            ModuleName = Module.Name,
            // A location names a setting by its keys, and a key can hold a password (an extended resource's name).
            Location = SecretRedactor.Redact(location, Secrets),
            ManifestPath = SecretRedactor.Redact(Module.PathOf(location, inDefinition), Secrets),
            Value = value is null ? null : SecretRedactor.Redact(value.ToCompactJson(), Secrets),
            Effect = effect,
            Reason = SecretRedactor.Redact(reason, Secrets),
            Advice = SecretRedactor.Redact(advice, Secrets),
            StopsDeployment = stopsDeployment,
        });

    /// <summary>Records a setting the agent cannot read or the API server refuses, so the module is not deployed.</summary>
    public void Fail(string location, JNode? value, string reason, string advice) => Drop(location, value, DropEffect.Fails, reason, advice);

    /// <summary>Records a template placeholder standing where <paramref name="expected"/> belongs: what it holds is judged once the template is expanded.</summary>
    public void Pending(string location, JNode value, string expected) =>
        Drop(location, value, DropEffect.Pending, TemplateText.PendingMessage(location, value, expected), TemplateText.PendingAdvice);

    /// <summary>Records each field the agent's model cannot hold as stopping the whole deployment; true when there is one.</summary>
    public bool StopDeployment(IReadOnlyList<MistypedField> fields)
    {
        foreach (var field in fields)
        {
            StopDeployment(field.Location, field.Value, field.Message, field.Advice);
        }
        return fields.Count > 0;
    }

    /// <summary>Records that the agent cannot read the module's createOptions or make its objects, or that the API server refuses its Service, which stops the whole deployment (<see cref="DroppedSetting.StopsDeployment"/>).</summary>
    public void StopDeployment(string location, JNode? value, string reason, string advice, bool inDefinition = false) =>
        Drop(location, value, DropEffect.Fails, reason, advice, inDefinition, stopsDeployment: true);
}

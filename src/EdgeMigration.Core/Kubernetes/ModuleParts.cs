using System.Collections.Generic;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Rules;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>What a module's objects share: labels, annotations from Docker labels, and its createOptions read once.</summary>
internal sealed class ModuleParts
{
    public const string ModuleLabel = "net.azure-devices.edge.module";
    public const string DeviceLabel = "net.azure-devices.edge.deviceid";
    public const string HubLabel = "net.azure-devices.edge.hub";

    private readonly RenderContext _context;

    private ModuleParts(RenderContext context) => _context = context;

    /// <summary>The labels of every object of the module, and the selector of its Deployment and Service (EdgeDeploymentController).</summary>
    public List<KeyValuePair<string, string>> Labels { get; } = new();

    /// <summary>The createOptions Labels, as pod and Service annotations with sanitized keys.</summary>
    public List<KeyValuePair<string, string>> Annotations { get; } = new();

    public KubernetesExtensions Extensions { get; private set; } = null!;
    public VolumeMapping Volumes { get; private set; } = null!;
    public PortMapping Ports { get; private set; } = null!;

    /// <summary>The image pull Secret the module's pod uses, or null.</summary>
    public string? PullSecret { get; private set; }

    public static ModuleParts Read(RenderContext context, IReadOnlyList<RegistryCredential> credentials)
    {
        var parts = new ModuleParts(context);
        parts.Labels.Add(new(ModuleLabel, context.Name));
        parts.AddLabel(DeviceLabel, context.Options.DeviceId);
        parts.AddLabel(HubLabel, context.Options.IotHubHostName);
        parts.ReadAnnotations();
        parts.Extensions = KubernetesExtensions.Read(context);
        parts.Extensions.FailRefused(context);
        parts.Volumes = VolumeMapping.Read(context, parts.Extensions);
        parts.Ports = PortMapping.Read(context);
        parts.ReadPullSecret(credentials);
        return parts;
    }

    /// <summary>name, namespace and labels: the metadata of the module's Deployment, Service and ServiceAccount.</summary>
    public JObject Metadata(string name, IEnumerable<KeyValuePair<string, string>>? annotations = null) =>
        JsonBuild.Object(("name", JValue.String(name)), ("namespace", JValue.String(_context.Options.Namespace)),
            ("labels", JsonBuild.Strings(Labels)), ("annotations", annotations is null ? null : JsonBuild.Strings(annotations)));

    /// <summary>Adds a label when its value is known; <see cref="KubernetesRenderer"/> checked the options' values up front.</summary>
    private void AddLabel(string key, string? value)
    {
        if (value is not null)
        {
            Labels.Add(new(key, DnsNames.LabelValue(value)));
        }
    }

    private void ReadAnnotations()
    {
        foreach (var label in DockerLabels.Of(_context.Module))
        {
            if (label.Key is { } key)
            {
                Annotations.Add(new(key, label.Value is JValue value ? value.Text : label.Value.ToCompactJson()));
            }
            else
            {
                _context.StopDeployment(label.Location, label.Value, label.Problem!, label.Remedy);
            }
        }
    }

    private void ReadPullSecret(IReadOnlyList<RegistryCredential> credentials)
    {
        if (_context.Module.Image is not { } image || ImagePullSecrets.For(image, credentials) is not { } credential)
        {
            return;
        }
        try
        {
            PullSecret = ImagePullSecrets.Name(credential);
        }
        catch (KubernetesNameException ex)
        {
            _context.StopDeployment("settings.image", JValue.String(image),
                $"The registry credential '{credential.Key}' for this image cannot become an image pull secret name ({ex.Message}); the whole deployment fails (rule K8).",
                "Use a registry user with a shorter name.", inDefinition: true);
        }
    }
}

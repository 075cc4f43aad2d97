using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// K8: the device's agent stores each registry credential as an image pull secret named
/// <c>&lt;username&gt;-&lt;registry host&gt;</c> (<see cref="ImagePullSecrets"/>); each DNS label of it must fit in 63
/// characters, and start with a letter, or the deployment fails (Azure/iotedge PR 4724, seen on Azure Stack Edge). The agent
/// makes the pull secrets of the modules' images only: a credential no module's image uses fails nothing yet (a Warning).
/// Only the username and address are read: the password never appears in a finding.
/// </summary>
public sealed class ImagePullSecretNameRule : MigrationRule
{
    public override string Id => "K8";
    public override string Title => "Registry credentials whose pull secret name is too long";
    public override Severity DefaultSeverity => Severity.Error;
    public override string Section => "other-differences";

    internal override bool FindsStoppedDeployments => true;

    public override IEnumerable<Finding> Check(ManifestDocument manifest)
    {
        var found = new List<Finding>();
        var credentials = ImagePullSecrets.Credentials(manifest).ToList();
        foreach (var credential in credentials)
        {
            string? problem = null;
            try
            {
                ImagePullSecrets.Name(credential);
            }
            catch (KubernetesNameException ex)
            {
                problem = ex.Message;
            }
            if (problem is null)
            {
                continue;
            }
            var label = ImagePullSecrets.RawName(credential).Split('.')[0];
            var what = label.Length > KubernetesNames.MaxLabelLength
                ? $"becomes the image pull secret '{label}…' on the device; its first label is {label.Length} characters, over the {KubernetesNames.MaxLabelLength} Kubernetes allows"
                : $"cannot become an image pull secret name on the device ({problem})";
            // The agent makes the pull secrets of the modules' images only (EdgeDeploymentCommand.ManageImagePullSecrets).
            var users = manifest.Modules.Where(m => !m.IsEdgeAgent && m.Image is { } image && ReferenceEquals(ImagePullSecrets.For(image, credentials), credential)).ToList();
            if (users.Count == 0)
            {
                found.Add(Finding(null, credential.Location,
                    $"Registry credential '{credential.Key}' {what}. No module's image comes from its registry, so the agent makes no pull secret of it now; the first module whose image does stops the whole deployment.",
                    Advice, Severity.Warning));
            }
            foreach (var user in users)
            {
                found.Add(Finding(user, "settings.image",
                    $"The module's image comes from the registry of credential '{credential.Key}', which {what}: the agent cannot make the image's pull secret, so the whole deployment fails.",
                    Advice, inDefinition: true, stopsDeployment: true));
            }
        }
        return found;
    }

    private const string Advice =
        "Use a registry user with a shorter name (for Azure Container Registry, a token or service principal with a short name), and a registry host name rather than an IP address.";
}

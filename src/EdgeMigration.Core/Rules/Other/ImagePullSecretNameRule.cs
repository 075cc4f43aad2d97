using System.Collections.Generic;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// K8: the device's agent stores each registry credential as an image pull secret named
/// <c>&lt;username&gt;-&lt;registry host&gt;</c> (<see cref="ImagePullSecrets"/>); each DNS label of it must fit in 63
/// characters, and start with a letter, or the deployment fails (Azure/iotedge PR 4724, seen on Azure Stack Edge).
/// Only the username and address are read: the password never appears in a finding.
/// </summary>
public sealed class ImagePullSecretNameRule : MigrationRule
{
    public override string Id => "K8";
    public override string Title => "Registry credentials whose pull secret name is too long";
    public override Severity DefaultSeverity => Severity.Error;
    public override string Section => "other-differences";

    public override IEnumerable<Finding> Check(ManifestDocument manifest)
    {
        var found = new List<Finding>();
        foreach (var credential in ImagePullSecrets.Credentials(manifest))
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
            found.Add(Finding(null, credential.Location,
                label.Length > KubernetesNames.MaxLabelLength
                    ? $"Registry credential '{credential.Key}' becomes the image pull secret '{label}…' on the device; its first label is {label.Length} characters, over the {KubernetesNames.MaxLabelLength} Kubernetes allows, so the whole deployment fails."
                    : $"Registry credential '{credential.Key}' cannot become an image pull secret name on the device ({problem}), so the whole deployment fails.",
                "Use a registry user with a shorter name (for Azure Container Registry, a token or service principal with a short name), and a registry host name rather than an IP address."));
        }
        return found;
    }
}

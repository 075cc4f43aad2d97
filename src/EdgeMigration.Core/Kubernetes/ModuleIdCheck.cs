using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Rules;
using EdgeMigration.Core.Rules.Network;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>
/// What the device makes of a module id, when that is not simply the id (reference: "Names"); whether the module is not
/// deployed, and whether the agent stops the whole deployment for it (it cannot name the module, or two alike).
/// </summary>
public sealed record ModuleIdProblem(string Text, bool Fails, bool StopsDeployment = false);

/// <summary>
/// The device names each module's Deployment, Service, container and ServiceAccount after its id sanitized
/// (<see cref="KubernetesNames.Sanitize"/>). Rule O2 reports these problems; the Kubernetes preview lists the ones
/// that fail the deployment. A template's placeholder ids (<see cref="TemplateText.IsPlaceholderId"/>) are left out:
/// the device names the module after the id that replaces it, unknown until the template is expanded.
/// </summary>
public static class ModuleIdCheck
{
    /// <summary>The manifest's module ids grouped by the name the device gives them, for <see cref="Check"/>: one index per manifest keeps thousands of modules linear.</summary>
    public static ILookup<string, string> ByDeviceName(IEnumerable<string> ids) =>
        ids.Where(id => !TemplateText.IsPlaceholderId(id)).Distinct(StringComparer.Ordinal).ToLookup(KubernetesNames.Sanitize, StringComparer.Ordinal);

    /// <summary>
    /// The problem with <paramref name="id"/> among the manifest's ids (<see cref="ByDeviceName"/>), or null when the device
    /// uses it unchanged or it is a placeholder. <paramref name="hasService"/>: the module has ports, so the agent makes it a
    /// Service of that name (<see cref="ModulePorts.MakesService"/>), which must be a DNS-1035 label; the Deployment and
    /// ServiceAccount take DNS-1123 subdomains and the container a DNS-1123 label, which may start with a digit.
    /// </summary>
    public static ModuleIdProblem? Check(string id, ILookup<string, string> idsByDeviceName, bool hasService)
    {
        if (TemplateText.IsPlaceholderId(id))
        {
            return null;
        }
        var name = KubernetesNames.Sanitize(id);
        if (name.Length == 0)
        {
            return new("has no character the device keeps in names ([a-z0-9.-]), so the whole deployment fails", true, StopsDeployment: true);
        }
        if (OthersNamed(name, id, idsByDeviceName) is { } alike)
        {
            return new($"becomes '{name}' on the device, as {string.Join(", ", alike)} does; the whole deployment fails with a name collision", true, StopsDeployment: true);
        }
        if (KubernetesNames.IsReserved(name))
        {
            return new($"becomes '{name}', a name the device's agent uses itself in every pod or namespace, so the deployment fails", true);
        }
        if (!KubernetesNames.IsSafeName(name) && hasService)
        {
            return new($"becomes '{name}' on the device, the name of the module's Service, which Kubernetes refuses (a Service name is lower-case letters, digits and '-', starting with a letter, ending with a letter or digit, at most {KubernetesNames.MaxLabelLength} characters); {PortKey.ServiceRefused}", true, StopsDeployment: true);
        }
        if (!KubernetesNames.IsContainerName(name))
        {
            return new($"becomes '{name}' on the device, which is not a valid container name (lower-case letters, digits and '-', starting and ending with a letter or digit, at most {KubernetesNames.MaxLabelLength} characters), so Kubernetes refuses the module's Deployment", true);
        }
        if (!KubernetesNames.IsSafeName(name))
        {
            return new($"runs as '{name}' on the device, which starts with a digit: Kubernetes would refuse it as the name of a Service, which the module gets once it has ports, and the how-to asks for Kubernetes names", false);
        }
        if (string.Equals(name, id, StringComparison.OrdinalIgnoreCase) && !string.Equals(name, id, StringComparison.Ordinal))
        {
            // Host names are read in any case (as K20 reads them): "http://edgeHub:9600" reaches the Service edgehub.
            return new($"runs as '{name}' on the device; other modules' addresses of it still resolve, as host names are read in any case, but the how-to asks for Kubernetes names", false);
        }
        if (!string.Equals(name, id, StringComparison.Ordinal))
        {
            return new($"runs as '{name}' on the device; other modules must address it by that name, and the how-to asks for Kubernetes names", false);
        }
        return null;
    }

    /// <summary>The other ids the device gives <paramref name="name"/>, quoted, or null when there are none (nearly always).</summary>
    private static List<string>? OthersNamed(string name, string id, ILookup<string, string> idsByDeviceName)
    {
        List<string>? others = null;
        foreach (var other in idsByDeviceName[name])
        {
            if (other != id)
            {
                (others ??= new List<string>()).Add("'" + other + "'");
            }
        }
        return others;
    }
}

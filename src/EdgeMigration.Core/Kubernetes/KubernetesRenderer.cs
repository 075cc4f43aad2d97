using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using EdgeMigration.Core.Rules.Network;
using EdgeMigration.Core.Rules.Other;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>
/// Renders a manifest as the GPU device's Kubernetes edgeAgent would deploy it (reference: kubernetes-mode.md): per
/// module a Deployment, a Service when it has ports, a ServiceAccount, the claims and pull secret its pod refers to,
/// every setting left out with the reason, and what would keep the module's pod from starting. edgeAgent itself is not
/// rendered: the device runs its own.
/// </summary>
public static class KubernetesRenderer
{
    public static KubernetesRendering Render(ManifestDocument manifest, KubernetesRenderOptions? options = null)
    {
        options ??= new KubernetesRenderOptions();
        options.Validate();
        var credentials = ImagePullSecrets.Credentials(manifest).ToList();
        var idsByDeviceName = ModuleIdCheck.ByDeviceName(manifest.Modules.Select(m => m.Name));
        var renames = ModuleRenamePlan.For(manifest, new Dictionary<string, string>()).Renames;
        var modules = StoppedTogether(manifest, manifest.Modules.Select(m => RenderModule(m, idsByDeviceName, renames, credentials, manifest.Secrets, options)).ToList());
        // What keeps a pod from starting, among the modules the device deploys, only where objects were rendered for it.
        var startProblems = StartProblems.Of(manifest, modules.Where(m => m.Fails).Select(m => m.ModuleName).ToList());
        // A Deployment the API server refuses ends the agent's pass before it creates any module's ServiceAccount (K19).
        var serviceAccountsCreated = !ServiceAccountsRule.AnyDeploymentRefused(manifest);
        return new KubernetesRendering(manifest.SourceName,
            modules.Select(m => m.Resources.Count == 0 ? m : m.WithStartProblems(startProblems[m.ModuleName].ToList()))
                .Select(m => serviceAccountsCreated ? m : m.WithServiceAccountNotCreated()).ToList());
    }

    private static ModuleRendering RenderModule(EdgeModule module, ILookup<string, string> idsByDeviceName, IReadOnlyDictionary<string, string> renames,
        IReadOnlyList<RegistryCredential> credentials, IReadOnlyCollection<string> secrets, KubernetesRenderOptions options)
    {
        var context = new RenderContext(module, KubernetesNames.NameShown(module.Name), options, secrets);
        if (module.IsEdgeAgent)
        {
            context.Drop("", null, DropEffect.Ignored,
                "The GPU device runs its own edgeAgent; the manifest's edgeAgent image, createOptions and env are not deployed (rule K7).",
                "Nothing to change.", inDefinition: true);
            // Not deployed, but read with the deployment all the same (EdgeAgentDockerModule's DockerConfig).
            StopIfUnreadable(context, module);
            return Result(context, new List<KubernetesResource>());
        }
        foreach (var ignored in IgnoredSettings.Of(module, secrets))
        {
            context.Drop(ignored.Location, ignored.Value, DropEffect.Ignored, ignored.Reason, ignored.Advice, ignored.InDefinition);
        }
        var idProblem = ModuleIdCheck.Check(module.Name, idsByDeviceName, ModulePorts.MakesService(module));
        if (idProblem is { Fails: true })
        {
            context.Drop("", null, DropEffect.Fails, $"Module id '{module.Name}' {idProblem.Text} (rule O2).", RenameAdvice(module.Name, renames), inDefinition: true,
                stopsDeployment: idProblem.StopsDeployment);
        }
        // Pieces the runtime cannot join fail the module alone (rule K5).
        if (module.CreateOptions is { ErrorKind: CreateOptionsErrorKind.BrokenPieces, Error: { } broken })
        {
            context.Fail("", null, broken + "; the agent cannot read the module's createOptions, so the module is not deployed.", "Fix the createOptions JSON.");
            return Result(context, new List<KubernetesResource>());
        }
        if (!StopIfUnreadable(context, module))
        {
            return Result(context, new List<KubernetesResource>());
        }
        var parts = ModuleParts.Read(context, credentials);
        var resources = new List<KubernetesResource> { new(module.Name, DeploymentBuilder.Build(context, parts)) };
        if (ServiceBuilder.Build(context, parts) is { } service)
        {
            resources.Add(new(module.Name, service));
        }
        resources.Add(new(module.Name, JsonBuild.Object(("apiVersion", JValue.String("v1")), ("kind", JValue.String("ServiceAccount")),
            ("metadata", parts.Metadata(context.Name, new[] { new KeyValuePair<string, string>(DeploymentBuilder.OriginalModuleIdAnnotation, module.Name) })))));
        resources.AddRange(parts.Volumes.Claims.Select(claim => Reference(context, "PersistentVolumeClaim", claim)));
        if (parts.PullSecret is { } secret)
        {
            resources.Add(Reference(context, "Secret", secret));
        }
        return Result(context, resources);
    }

    /// <summary>
    /// Rule K4: createOptions text that is no JSON object, or a field of a type the agent's model cannot hold, fails the
    /// agent's reading of the whole deployment. False when the text is no JSON object, so there is nothing to map.
    /// Pieces the runtime cannot join are not judged here: they are the module's alone (rule K5).
    /// </summary>
    private static bool StopIfUnreadable(RenderContext context, EdgeModule module)
    {
        // A template's placeholder for the whole createOptions: rendered without them, as what they hold is not known yet.
        if (module.CreateOptions is { ErrorKind: CreateOptionsErrorKind.Placeholder, Error: { } pending })
        {
            context.Drop("", null, DropEffect.Pending, $"The module's {pending}: the objects are shown without them, as what they hold is known only once the template is expanded.",
                TemplateText.PendingAdvice);
            return true;
        }
        if (module.CreateOptions is { Error: { } error, ErrorKind: not CreateOptionsErrorKind.BrokenPieces })
        {
            context.StopDeployment("", null, $"The module's {error}; {InvalidCreateOptionsRule.WholeDeploymentRefused}.", "Fix the createOptions JSON.");
            return false;
        }
        context.StopDeployment(MistypedFields.Of(module));
        return true;
    }

    /// <summary>
    /// The renderings, each module but edgeAgent failing with those whose createOptions the agent cannot read or whose
    /// objects it cannot make (<see cref="DroppedSetting.StopsDeployment"/>), which say so themselves: it reads every
    /// module's createOptions with the deployment, and maps every module before it applies any
    /// (EdgeDeploymentController.DeployModulesAsync), so one that throws stops them all (reference: a mount without Type,
    /// Source and Target, a name collision, an image pull secret's name "fail the whole deployment"). It then applies every
    /// module's Service before any Deployment, so a Service the API server refuses stops them all too.
    /// </summary>
    private static List<ModuleRendering> StoppedTogether(ManifestDocument manifest, List<ModuleRendering> modules)
    {
        var stoppers = modules.Where(m => m.Dropped.Any(d => d.StopsDeployment)).Select(m => m.ModuleName).Distinct(StringComparer.Ordinal).ToList();
        if (stoppers.Count == 0)
        {
            return modules;
        }
        var named = string.Join(", ", stoppers.Select(name => "'" + name + "'"));
        var reason = SecretRedactor.Redact(stoppers.Count == 1
            ? $"Module {named} stops the whole deployment, so this module is not deployed either."
            : $"Modules {named} stop the whole deployment, so this module is not deployed either.", manifest.Secrets);
        var advice = SecretRedactor.Redact($"Fix {named} first (the settings marked Fails say what); the agent applies a deployment whole or not at all.", manifest.Secrets);
        var stopped = new List<ModuleRendering>(modules.Count);
        for (var i = 0; i < modules.Count; i++)
        {
            var module = manifest.Modules[i];
            stopped.Add(module.IsEdgeAgent || stoppers.Contains(module.Name) ? modules[i] : modules[i].WithDropped(new DroppedSetting
            {
                ModuleName = module.Name,
                ManifestPath = module.PathOf("", inDefinition: true),
                Effect = DropEffect.Fails,
                StoppedBy = stoppers,
                Reason = reason,
                Advice = advice,
            }));
        }
        return stopped;
    }

    /// <summary>
    /// What ConvertTo-GpuEdgeManifest does about an id that fails (<see cref="ModuleRenamePlan"/>, rule O2): renames it, or
    /// keeps it, when it is already a Kubernetes name, and renames the modules that would take the same name.
    /// </summary>
    private static string RenameAdvice(string id, IReadOnlyDictionary<string, string> renames) =>
        renames.TryGetValue(id, out var newName)
            ? $"Rename it to '{newName}' (ConvertTo-GpuEdgeManifest does)."
            : "Rename the other modules that take its name on the device (ConvertTo-GpuEdgeManifest does, and keeps this id).";

    private static KubernetesResource Reference(RenderContext context, string kind, string name) =>
        KubernetesResource.Named(context.Module.Name, "v1", kind, name, context.Options.Namespace, isReference: true);

    /// <summary>The module's objects and dropped settings; its start problems are added once every module is rendered.</summary>
    private static ModuleRendering Result(RenderContext context, List<KubernetesResource> resources) =>
        new(context.Module.Name, context.Name, resources.Select(r => new KubernetesResource(r.ModuleName, (JObject)SecretRedactor.Redact(KeysSorted(r.Object), context.Secrets), r.IsReference)).ToList(), context.Dropped.ToList(),
            Array.Empty<Finding>());

    /// <summary>Object keys in ordinal order, as kubectl prints them, so the preview diffs cleanly against the device's objects.</summary>
    private static JObject KeysSorted(JObject obj)
    {
        var sorted = new JObject();
        foreach (var member in obj.Members.OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            sorted.Add(member.Name, Sorted(member.Value));
        }
        return sorted;
    }

    private static JNode Sorted(JNode node) => node switch
    {
        JObject obj => KeysSorted(obj),
        JArray array => new JArray(array.Select(Sorted)),
        _ => node,
    };
}

using System;
using System.Collections.Generic;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using EdgeMigration.Core.Rules.Other;
using EdgeMigration.Core.Rules.Storage;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>
/// The pod's volumes (<see cref="PodVolumes"/>, the one reading rule K13 judges too) and the container's mounts, from
/// HostConfig.Binds, HostConfig.Mounts and k8s-experimental.volumes (reference: Binds, Mounts rows and "Refinements"),
/// and the claims the pod needs to exist. As the agent does, only the claims of Type volume mounts are merged by name;
/// any other volume is added as it comes, so a name given twice (a host directory bound twice) is in the pod twice, and
/// the API server refuses the Deployment.
/// </summary>
internal sealed class VolumeMapping
{
    private const string DirectoryOrCreate = "DirectoryOrCreate";

    /// <summary>Where the preview says a k8s-experimental volume comes from: the list, not its entry.</summary>
    private const string WrittenLocation = CreateOptionsAccess.KubernetesSection + ".volumes";

    private readonly RenderContext _context;
    private readonly IReadOnlyList<PodVolume> _volumes;

    private VolumeMapping(RenderContext context, IReadOnlyList<PodVolume> volumes)
    {
        _context = context;
        _volumes = volumes;
    }

    public List<JObject> Volumes { get; } = new();
    public List<JObject> Mounts { get; } = new();

    /// <summary>PersistentVolumeClaims the pod mounts: they must exist on the device (on Azure Stack Edge, a share).</summary>
    public List<string> Claims { get; } = new();

    public static VolumeMapping Read(RenderContext context, KubernetesExtensions extensions)
    {
        var mapping = new VolumeMapping(context, PodVolumes.Read(context.Module, ShareMapping.Default, extensions));
        var next = mapping.ReadBinds(ModuleMounts.BindsMember(context.Module));
        mapping.ReadMounts();
        // The mounts' volumes, in the agent's order, then the k8s-experimental ones.
        for (var i = next; i < mapping._volumes.Count; i++)
        {
            mapping.AddVolume(i);
        }
        foreach (var mount in extensions.VolumeMounts)
        {
            mapping.AddMount(mount);
        }
        // Not judged when the agent cannot read the section: it then sends no Deployment (as KubernetesExtensions.FailRefused).
        foreach (var refusal in extensions.IsReadable ? ContainerMountPaths.Refusals(mapping._volumes, extensions) : Array.Empty<ApiServerRefusal>())
        {
            context.Fail(refusal.Location, refusal.Value, refusal.PreviewReason, refusal.Remedy);
        }
        return mapping;
    }

    /// <summary>"host path:container path[:options]": the bind's hostPath volume, mounted read-only when the options contain "ro". Returns the index of the first volume that is not a bind's.</summary>
    private int ReadBinds(JMember? member)
    {
        var binds = member?.Value as JArray;
        if (binds is null && member?.Value is not (null or JValue { Kind: JValueKind.Null }))
        {
            if (TemplateText.StandsForValue(member.Value))
            {
                _context.Pending(ModuleMounts.LocationOf(member), member.Value, "an array of binds");
            }
            else
            {
                _context.StopDeployment(ModuleMounts.LocationOf(member), member.Value, $"{member.Name} is not an array; {InvalidCreateOptionsRule.WholeDeploymentRefused}.", "Make it an array such as [\"/data:/data\"], or use HostConfig.Mounts.");
            }
        }
        var next = 0;
        for (var i = 0; binds is not null && i < binds.Count; i++)
        {
            // The binds' volumes come first, in the binds' order.
            if (next < _volumes.Count && _volumes[next].Bind?.Index == i)
            {
                AddVolume(next++);
                continue;
            }
            var location = JsonPath.Index(ModuleMounts.LocationOf(member!), i);
            var text = CreateOptionsAccess.Text(binds[i]);
            if (text is not null && BindSpec.Parse(text) is { Kind: BindSourceKind.AnonymousVolume } anonymous)
            {
                var (message, recommendation) = BindsRule.AnonymousVolume(location, binds[i], anonymous.Target);
                _context.Drop(location, binds[i], DropEffect.Ignored, message, recommendation);
                continue;
            }
            // A bind the agent cannot read that holds a placeholder ("$DATA_BIND", ${DATA_BIND}) is judged once the template is expanded, as rule S1 says.
            if (TemplateText.IsPlaceholder(binds[i]))
            {
                _context.Pending(location, binds[i], "a bind");
                continue;
            }
            if (text is null)
            {
                _context.StopDeployment(location, binds[i], $"{location} is {CreateOptions.Describe(binds[i])}, not a string; {ModuleMounts.WhyEntryStopsDeployment(binds[i])}.", "Write it as \"/host/path:/container/path\".");
                continue;
            }
            // Json.NET reads a number or true/false as its text: a bind without ':'.
            var bind = binds[i] is JValue { IsString: true } ? $"\"{text}\"" : $"{binds[i].ToCompactJson()} (read as \"{text}\")";
            _context.Drop(location, binds[i], DropEffect.Ignored, $"Bind {bind} has no container path after ':'; the agent skips it.", "Write it as \"/host/path:/container/path\".");
        }
        return next;
    }

    /// <summary>What the agent fails or drops of HostConfig.Mounts, in their order; their volumes follow the binds' in <see cref="_volumes"/>.</summary>
    private void ReadMounts()
    {
        if (ModuleMounts.MountsMember(_context.Module) is not { } member || member.Value is JValue { Kind: JValueKind.Null })
        {
            return;
        }
        if (member.Value is not JArray mounts)
        {
            if (TemplateText.StandsForValue(member.Value))
            {
                _context.Pending(ModuleMounts.LocationOf(member), member.Value, "an array of mounts");
                return;
            }
            _context.StopDeployment(ModuleMounts.LocationOf(member), member.Value, $"{member.Name} is not an array; {InvalidCreateOptionsRule.WholeDeploymentRefused}.", "Make it an array of {\"Type\", \"Source\", \"Target\"} objects.");
            return;
        }
        for (var i = 0; i < mounts.Count; i++)
        {
            if (mounts[i] is JObject)
            {
                continue;
            }
            var location = JsonPath.Index(ModuleMounts.LocationOf(member), i);
            if (TemplateText.StandsForValue(mounts[i]))
            {
                _context.Pending(location, mounts[i], "a mount");
            }
            else
            {
                _context.StopDeployment(location, mounts[i], $"{location} is {CreateOptions.Describe(mounts[i])}, not an object; {ModuleMounts.WhyEntryStopsDeployment(mounts[i])}.", "Make it a {\"Type\", \"Source\", \"Target\"} object.");
            }
        }
        foreach (var mount in ModuleMounts.Mounts(_context.Module))
        {
            ReadMount(mount);
        }
    }

    private void ReadMount(MountEntry mount)
    {
        if (_context.StopDeployment(MistypedFields.OfMount(mount.Value, mount.Location)))
        {
            return;
        }
        if (string.IsNullOrEmpty(mount.Type) || string.IsNullOrEmpty(mount.Source) || string.IsNullOrEmpty(mount.Target))
        {
            _context.StopDeployment(mount.Location, mount.Value, "A mount without Type, Source and Target fails the whole deployment (\"Type, Source, and Target required for all mounts\").",
                "Give every mount its Type (bind or volume), Source and Target.");
            return;
        }
        if (mount.PlaceholderType is { } pendingType)
        {
            _context.Pending(JsonPath.Member(mount.Location, pendingType.Name), pendingType.Value, "a mount type");
            return;
        }
        if (!mount.IsBind && !mount.IsVolume)
        {
            _context.Drop(mount.Location, mount.Value, DropEffect.Ignored, $"Mount type '{mount.Type}' is not mapped: the agent reads only bind and volume mounts.",
                "For memory-backed storage use a k8s-experimental volume with emptyDir (medium Memory).");
            return;
        }
        foreach (var option in mount.IgnoredOptions())
        {
            _context.Drop(JsonPath.Member(mount.Location, option.Name), option.Value, DropEffect.Ignored,
                $"{option.Name} of {mount.Location} is ignored on the GPU device; only Type, Source, Target and ReadOnly are mapped.", "Nothing to change if the module works without it.");
        }
        for (var i = 0; i < _volumes.Count; i++)
        {
            if (_volumes[i].Mount?.Index == mount.Index && _volumes[i].Name is null)
            {
                FailUnnamed(_volumes[i]);
            }
        }
    }

    /// <summary>Adds the volume at <paramref name="index"/> and its mount; one without a name fails (a mount's has when it was read).</summary>
    private void AddVolume(int index)
    {
        var volume = _volumes[index];
        if (volume.Written is { } written)
        {
            AddVolume(index, written);
            return;
        }
        if (volume.Name is not { } name)
        {
            if (volume.Bind is not null)
            {
                FailUnnamed(volume);
            }
            return;
        }
        var target = volume.MountPath!;
        bool readOnly;
        if (volume.Bind is { } bind)
        {
            var parts = ((JValue)bind.Node).Text.Split(':');
            readOnly = parts.Length > 2 && parts[2].Contains("ro");
        }
        else
        {
            readOnly = volume.Mount!.Value.IsTrue("ReadOnly");
        }
        if (volume.Kind == PodVolumeKind.HostPath)
        {
            AddVolume(index, JsonBuild.Object(("name", JValue.String(name)),
                ("hostPath", JsonBuild.Object(("path", JValue.String(volume.Source)), ("type", JValue.String(DirectoryOrCreate))))));
        }
        else
        {
            AddClaim(index, readOnly);
        }
        Mounts.Add(Mount(name, target, readOnly));
    }

    /// <summary>A Type volume mount's claim: the agent keeps the first volume of each claim (reference: "merged silently").</summary>
    private void AddClaim(int index, bool readOnly)
    {
        var volume = _volumes[index];
        var claim = JsonBuild.Object(("name", JValue.String(volume.Name!)),
            ("persistentVolumeClaim", JsonBuild.Object(("claimName", JValue.String(volume.Name!)), ("readOnly", JValue.Boolean(readOnly)))));
        if (_volumes.Earlier(index, null, out var merged) is { } first && merged)
        {
            if (IsReadOnly(first) != readOnly)
            {
                _context.Drop(volume.Location, claim, DropEffect.Ignored, $"Volume '{volume.Name}' has the name of the volume from {first.Location}; the agent keeps that one, and this mount uses it.",
                    "Use shares whose names differ in more than case and punctuation.");
            }
            return;
        }
        AddVolume(index, claim);
    }

    /// <summary>Adds a pod volume, also when a volume of its name is already there: the agent sends both, which the API server refuses.</summary>
    private void AddVolume(int index, JObject json)
    {
        var volume = _volumes[index];
        var location = LocationOf(volume);
        if (volume.Name is { } name && PodVolumeNames.IsReserved(name))
        {
            _context.Fail(location, json, $"Volume name '{name}' is the one the agent gives the proxy sidecar's volume in every pod; the API server refuses the duplicate.",
                "Name the volume (or its host path or share) differently.");
            return;
        }
        if (volume.Written is not null && PodVolumeNames.WrittenProblem(volume.Name, volume.Location) is { } unlabeled)
        {
            _context.Fail(location, json, unlabeled.Message, unlabeled.Recommendation);
        }
        if (_volumes.Earlier(index, null, out _) is { } first)
        {
            _context.Fail(location, json, $"Volume '{volume.Name}' has the name of the volume from {LocationOf(first)}; the agent adds both to the pod, and the API server refuses the Deployment (duplicate volume name).",
                "Mount a host directory once (one k8s-experimental volume with a volumeMount for each path), or use host paths, shares and volumes whose names differ in more than case and punctuation.");
        }
        Volumes.Add(json);
        if ((json["persistentVolumeClaim"] as JObject)?["claimName"] is JValue { IsString: true } claim && !Claims.Contains(claim.Text))
        {
            Claims.Add(claim.Text);
        }
    }

    /// <summary>Adds a k8s-experimental volumeMount as written, also when no volume of the pod has its name: the API server refuses that.</summary>
    private void AddMount(KubernetesVolumeMount mount)
    {
        if (_volumes.MountProblem(mount) is { } problem)
        {
            _context.Fail(mount.Location, mount.Mount, problem.Message, problem.Recommendation);
        }
        Mounts.Add(mount.Mount);
    }

    private static string LocationOf(PodVolume volume) => volume.Kind == PodVolumeKind.Written ? WrittenLocation : volume.Location;

    private static bool IsReadOnly(PodVolume claim) => claim.Mount!.Value.IsTrue("ReadOnly");

    private void FailUnnamed(PodVolume volume)
    {
        PodVolumeNames.Of(volume.Source, out var problem);
        _context.StopDeployment(volume.Location, JValue.String(volume.Source), $"The agent cannot name a volume after '{volume.Source}': {problem}; the whole deployment fails.",
            "Use a host path or share name with at most 63 letters, digits and '-'.");
    }

    private static JObject Mount(string name, string path, bool readOnly) =>
        JsonBuild.Object(("mountPath", JValue.String(path)), ("name", JValue.String(name)), ("readOnly", JValue.Boolean(readOnly)));
}

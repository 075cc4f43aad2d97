using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using EdgeMigration.Core.Rules.Storage;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>
/// The pod's volumes and the container's mounts, from HostConfig.Binds, HostConfig.Mounts and k8s-experimental.volumes
/// in that order (reference: Binds, Mounts rows and "Refinements"), and the claims the pod needs to exist. As the agent
/// does, only the claims of Type volume mounts are merged by name; any other volume is added as it comes, so a name
/// given twice (a host directory bound twice) is in the pod twice, and the API server refuses the Deployment (rule K13).
/// </summary>
internal sealed class VolumeMapping
{
    private const string DirectoryOrCreate = "DirectoryOrCreate";

    /// <summary>Docker mount options the agent does not map.</summary>
    private static readonly string[] IgnoredMountOptions = { "BindOptions", "VolumeOptions", "TmpfsOptions", "Consistency" };

    private readonly RenderContext _context;

    /// <summary>Where the first volume of each name came from.</summary>
    private readonly Dictionary<string, string> _volumeSources = new(StringComparer.Ordinal);

    /// <summary>The volume of each claim and the Type volume mount it came from: the agent keeps one volume per claim.</summary>
    private readonly Dictionary<string, (JObject Volume, string Location)> _claims = new(StringComparer.Ordinal);

    private VolumeMapping(RenderContext context) => _context = context;

    public List<JObject> Volumes { get; } = new();
    public List<JObject> Mounts { get; } = new();

    /// <summary>PersistentVolumeClaims the pod mounts: they must exist on the device (on Azure Stack Edge, a share).</summary>
    public List<string> Claims { get; } = new();

    public static VolumeMapping Read(RenderContext context, KubernetesExtensions extensions)
    {
        var mapping = new VolumeMapping(context);
        mapping.ReadBinds(ModuleMounts.BindsMember(context.Module));
        mapping.ReadMounts();
        foreach (var volume in extensions.Volumes)
        {
            mapping.AddVolume(volume, CreateOptionsAccess.KubernetesSection + ".volumes");
        }
        mapping.Mounts.AddRange(extensions.VolumeMounts);
        return mapping;
    }

    /// <summary>"host path:container path[:options]": a hostPath volume named after the host path, read-only when the options contain "ro".</summary>
    private void ReadBinds(JMember? member)
    {
        var binds = member?.Value as JArray;
        for (var i = 0; binds is not null && i < binds.Count; i++)
        {
            var location = JsonPath.Index(ModuleMounts.LocationOf(member!), i);
            if (binds[i] is not JValue { IsString: true } bind)
            {
                _context.Fail(location, binds[i], $"{location} is {CreateOptions.Describe(binds[i])}, not a string; the agent cannot read the module's createOptions.", "Write it as \"/host/path:/container/path\".");
                continue;
            }
            var parts = bind.Text.Split(':');
            if (parts.Length < 2)
            {
                _context.Drop(location, bind, DropEffect.Ignored, $"Bind \"{bind.Text}\" has no container path after ':'; the agent skips it.", "Write it as \"/host/path:/container/path\".");
                continue;
            }
            if (VolumeName(parts[0], location) is { } name)
            {
                AddHostPath(name, parts[0], location);
                Mounts.Add(Mount(name, parts[1], parts.Length > 2 && parts[2].Contains("ro")));
            }
        }
    }

    /// <summary>Type bind: a hostPath volume; Type volume: a PersistentVolumeClaim named after Source. Each needs Type, Source and Target.</summary>
    private void ReadMounts()
    {
        if (ModuleMounts.MountsMember(_context.Module) is not { } member || member.Value is JValue { Kind: JValueKind.Null })
        {
            return;
        }
        if (member.Value is not JArray mounts)
        {
            _context.Fail(ModuleMounts.LocationOf(member), member.Value, $"{member.Name} is not an array; the agent cannot read the module's createOptions.", "Make it an array of {\"Type\", \"Source\", \"Target\"} objects.");
            return;
        }
        for (var i = 0; i < mounts.Count; i++)
        {
            if (mounts[i] is not JObject)
            {
                _context.Fail(JsonPath.Index(ModuleMounts.LocationOf(member), i), mounts[i], "A mount that is not an object cannot be read; the agent cannot read the module's createOptions.", "Make it a {\"Type\", \"Source\", \"Target\"} object.");
            }
        }
        var named = new List<(MountEntry Mount, string Name)>();
        foreach (var mount in ModuleMounts.Mounts(_context.Module))
        {
            if (ReadMount(mount) is { } name)
            {
                named.Add((mount, name));
            }
        }
        // The agent adds the bind mounts' volumes and mounts, then the volume mounts' (a stable sort keeps each kind's order).
        foreach (var (mount, name) in named.OrderBy(n => n.Mount.IsVolume))
        {
            AddMount(mount, name);
        }
    }

    /// <summary>The volume name of a bind or volume mount the agent maps, or null (what it drops or fails is recorded).</summary>
    private string? ReadMount(MountEntry mount)
    {
        if (string.IsNullOrEmpty(mount.Type) || string.IsNullOrEmpty(mount.Source) || string.IsNullOrEmpty(mount.Target))
        {
            _context.Fail(mount.Location, mount.Value, "A mount without Type, Source and Target fails the whole deployment (\"Type, Source, and Target required for all mounts\").",
                "Give every mount its Type (bind or volume), Source and Target.");
            return null;
        }
        if (!mount.IsBind && !mount.IsVolume)
        {
            _context.Drop(mount.Location, mount.Value, DropEffect.Ignored, $"Mount type '{mount.Type}' is not mapped: the agent reads only bind and volume mounts.",
                "For memory-backed storage use a k8s-experimental volume with emptyDir (medium Memory).");
            return null;
        }
        foreach (var option in IgnoredMountOptions.Select(mount.Value.FindIgnoreCase).Where(o => o is not null))
        {
            _context.Drop(JsonPath.Member(mount.Location, option!.Name), option.Value, DropEffect.Ignored,
                $"{option.Name} of {mount.Location} is ignored on the GPU device; only Type, Source, Target and ReadOnly are mapped.", "Nothing to change if the module works without it.");
        }
        return VolumeName(mount.Source!, mount.Location);
    }

    private void AddMount(MountEntry mount, string name)
    {
        var readOnly = mount.Value.GetIgnoreCase("ReadOnly") is JValue { Kind: JValueKind.True };
        if (mount.IsBind)
        {
            AddHostPath(name, mount.Source!, mount.Location);
        }
        else
        {
            AddClaim(JsonBuild.Object(("name", JValue.String(name)),
                ("persistentVolumeClaim", JsonBuild.Object(("claimName", JValue.String(name)), ("readOnly", JValue.Boolean(readOnly))))), mount.Location);
        }
        Mounts.Add(Mount(name, mount.Target!, readOnly));
    }

    private void AddHostPath(string name, string path, string location) =>
        AddVolume(JsonBuild.Object(("name", JValue.String(name)),
            ("hostPath", JsonBuild.Object(("path", JValue.String(path)), ("type", JValue.String(DirectoryOrCreate))))), location);

    /// <summary>A Type volume mount's claim: the agent keeps the first volume of each claim (reference: "merged silently").</summary>
    private void AddClaim(JObject volume, string location)
    {
        var name = NameOf(volume);
        if (_claims.TryGetValue(name, out var first))
        {
            if (!first.Volume.ValueEquals(volume))
            {
                _context.Drop(location, volume, DropEffect.Ignored, $"Volume '{name}' has the name of the volume from {first.Location}; the agent keeps that one, and this mount uses it.",
                    "Use shares whose names differ in more than case and punctuation.");
            }
            return;
        }
        _claims[name] = (volume, location);
        AddVolume(volume, location);
    }

    /// <summary>Adds a pod volume, also when a volume of its name is already there: the agent sends both, which the API server refuses.</summary>
    private void AddVolume(JObject volume, string location)
    {
        var name = NameOf(volume);
        if (PodVolumeNames.IsReserved(name))
        {
            _context.Fail(location, volume, $"Volume name '{name}' is the one the agent gives the proxy sidecar's volume in every pod; the API server refuses the duplicate.",
                "Name the volume (or its host path or share) differently.");
            return;
        }
        if (_volumeSources.TryGetValue(name, out var first))
        {
            _context.Fail(location, volume, $"Volume '{name}' has the name of the volume from {first}; the agent adds both to the pod, and the API server refuses the Deployment (duplicate volume name).",
                "Mount a host directory once (one k8s-experimental volume with a volumeMount for each path), or use host paths, shares and volumes whose names differ in more than case and punctuation.");
        }
        else
        {
            _volumeSources[name] = location;
        }
        Volumes.Add(volume);
        if ((volume["persistentVolumeClaim"] as JObject)?["claimName"] is JValue { IsString: true } claim && !Claims.Contains(claim.Text))
        {
            Claims.Add(claim.Text);
        }
    }

    private static string NameOf(JObject volume) => (volume["name"] as JValue)?.Text ?? "";

    private string? VolumeName(string source, string location)
    {
        if (PodVolumeNames.Of(source, out var problem) is { } name)
        {
            return name;
        }
        _context.Fail(location, JValue.String(source), $"The agent cannot name a volume after '{source}': {problem}; the deployment fails.",
            "Use a host path or share name with at most 63 letters, digits and '-'.");
        return null;
    }

    private static JObject Mount(string name, string path, bool readOnly) =>
        JsonBuild.Object(("mountPath", JValue.String(path)), ("name", JValue.String(name)), ("readOnly", JValue.Boolean(readOnly)));
}

using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Resources;

/// <summary>
/// R3: shared memory between modules. The device maps only <c>IpcMode: host</c> (pod hostIPC); other IPC modes and
/// ShmSize are ignored. Docker modules that share memory through <c>container:&lt;module&gt;</c> (with the joined module
/// <c>shareable</c>, as Live Video Analytics pairs do) are both switched to host IPC, which the how-to recommends and
/// which also works on Docker devices. A module whose HostConfig holds something other than an object (a template
/// placeholder) is left as the user wrote it, and its finding is not fixable; nor are its partners switched alone, which
/// would part the pair without a finding left to say so.
/// </summary>
public sealed class SharedMemoryRule : MigrationRule
{
    private const string Host = "host";
    private const string HostConfigName = "HostConfig";
    private const string IpcModeName = "IpcMode";

    public override string Id => "R3";
    public override string Title => "Shared memory needs host IPC";
    public override Severity DefaultSeverity => Severity.Warning;
    public override string Section => "memory-and-cpu-usage";
    public override bool CanFix => true;

    public override IEnumerable<Finding> Check(ManifestDocument manifest)
    {
        var modes = new IpcModes(manifest);
        var findings = new List<Finding>();
        foreach (var module in manifest.Modules)
        {
            CheckModule(module, modes, findings);
        }
        return findings;
    }

    private void CheckModule(EdgeModule module, IpcModes modes, List<Finding> findings)
    {
        var ipc = module.HostConfig()?.FindIgnoreCase(IpcModeName);
        var mode = IpcMode(module);
        var location = "HostConfig." + (ipc?.Name ?? IpcModeName);
        if (NeedsHostIpc(module, modes))
        {
            findings.Add(Finding(module, location,
                $"{(mode is null ? "The module" : $"IpcMode \"{mode}\"")} shares memory with {Partners(module, modes)}; the GPU device maps only IpcMode host, so the modules no longer share memory.",
                "Use \"IpcMode\": \"host\" on both modules (pod hostIPC), as the how-to does for Live Video Analytics and its inferencing module.",
                fixable: CanSwitch(module, modes)));
        }
        else if (string.Equals(mode, Host, StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(Finding(module, location,
                "IpcMode host becomes the pod's hostIPC: true on the GPU device; the module shares the host's IPC namespace with every other host-IPC module.",
                "Nothing to change.", Severity.Information, fixable: false));
        }
        else if (mode is not null && mode.Length > 0 && !string.Equals(mode, "private", StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(Finding(module, location,
                $"IpcMode \"{mode}\" is ignored on the GPU device; the pod gets a private IPC namespace.",
                "Remove it, or use \"host\" if the module shares memory with another module.", Severity.Information, fixable: false));
        }
        if (module.HostConfig()?.FindIgnoreCase("ShmSize") is { } shm && shm.Value is not JValue { Kind: JValueKind.Null } && !HasShmVolume(module))
        {
            var hostIpc = string.Equals(mode, Host, StringComparison.OrdinalIgnoreCase) || NeedsHostIpc(module, modes);
            findings.Add(hostIpc
                ? Finding(module, "HostConfig." + shm.Name,
                    $"ShmSize ({shm.Value.ToCompactJson()}) is ignored on the GPU device; with host IPC the module uses the host's shared memory.",
                    "Nothing to change; ShmSize can go, as Docker ignores it with host IPC too.", Severity.Information, fixable: false)
                : Finding(module, "HostConfig." + shm.Name,
                    $"ShmSize ({shm.Value.ToCompactJson()}) is ignored on the GPU device; /dev/shm keeps the container runtime's default size (64 MiB).",
                    $"Mount a memory-backed volume at /dev/shm: \"k8s-experimental\": {{\"volumes\": [{{\"volume\": {{\"name\": \"dshm\", \"emptyDir\": {{\"medium\": \"Memory\", \"sizeLimit\": \"{SizeLimit(shm.Value)}\"}}}}, \"volumeMounts\": [{{\"name\": \"dshm\", \"mountPath\": \"/dev/shm\"}}]}}]}}, or use IpcMode host.",
                    fixable: false));
        }
    }

    public override void Fix(ConversionContext context)
    {
        // Decide for every module first: switching one module of a pair must not hide the pair from the other.
        var modes = new IpcModes(context.Manifest);
        var switching = context.Manifest.Modules.Where(m => NeedsHostIpc(m, modes) && CanSwitch(m, modes)).ToList();
        var partnersOf = switching.ConvertAll(m => Partners(m, modes));
        for (var i = 0; i < switching.Count; i++)
        {
            var module = switching[i];
            var partners = partnersOf[i];
            var hostConfig = module.CreateOptions!.GetOrCreateRoot().GetOrAddObject(HostConfigName)!;
            var ipc = hostConfig.FindIgnoreCase(IpcModeName);
            var before = ipc?.Value;
            var after = JValue.String(Host);
            hostConfig.Set(ipc?.Name ?? IpcModeName, after);
            context.Record(this, module, "HostConfig." + (ipc?.Name ?? IpcModeName), before, after,
                $"IpcMode {before?.ToCompactJson() ?? "(not set)"} became \"host\" so the module keeps sharing memory with {partners} on the GPU device.");
        }
    }

    /// <summary>True for a module that joins another's IPC namespace (<c>container:&lt;module&gt;</c>) or that another joins, unless it already uses host IPC (or its createOptions cannot be edited).</summary>
    private static bool NeedsHostIpc(EdgeModule module, IpcModes modes)
    {
        var mode = IpcMode(module);
        return module.CreateOptions is { Error: null } && !string.Equals(mode, Host, StringComparison.OrdinalIgnoreCase) &&
               (CreateOptionsAccess.JoinedContainer(mode) is not null || modes.Joiners(module).Any());
    }

    /// <summary>True when the fix can write the module's IpcMode: HostConfig is an object or can be added, not something else the user wrote (a template placeholder).</summary>
    private static bool CanSetIpcMode(EdgeModule module) => CreateOptionsAccess.CanHoldObject(module.Options()?.FindIgnoreCase(HostConfigName));

    /// <summary>
    /// True when the fix switches the module: it can write the IpcMode of every module that shares memory with it,
    /// directly or along a chain (a joins b, b joins c), or they use host IPC already; switching some of them would part
    /// the rest with no finding left to say so.
    /// </summary>
    private static bool CanSwitch(EdgeModule module, IpcModes modes) => modes.GroupCanSwitch(module);

    /// <summary>
    /// True for a module that does not hold its sharing group back: it uses host IPC already, or its IpcMode can be
    /// written, or the agent cannot read its createOptions at all (K4, K5: it is not deployed, so it shares nothing) and
    /// they are not a template's placeholder, which the expanded template fills.
    /// </summary>
    private static bool IsHostOrSettable(EdgeModule module) =>
        string.Equals(IpcMode(module), Host, StringComparison.OrdinalIgnoreCase) ||
        (module.CreateOptions is { Error: null } ? CanSetIpcMode(module) : !IsPlaceholderText(module.CreateOptions?.Text));

    /// <summary>createOptions that are a placeholder as a whole ("${OPTIONS}", "&lt;options&gt;"): no JSON begins so.</summary>
    private static bool IsPlaceholderText(string? text) => text?.TrimStart() is { Length: > 0 } start && start[0] is '$' or '<';

    private static string Partners(EdgeModule module, IpcModes modes)
    {
        var partners = modes.Joiners(module).Select(m => m.Name).ToList();
        if (JoinedContainer(module) is { } joined)
        {
            partners.Insert(0, joined);
        }
        return string.Join(", ", partners.Select(name => "module '" + name + "'"));
    }

    private static string? IpcMode(EdgeModule module) => module.HostConfig().StringOf(IpcModeName);

    /// <summary>The module whose IPC namespace the module joins (<c>container:&lt;module&gt;</c>), or null.</summary>
    private static string? JoinedContainer(EdgeModule module) => CreateOptionsAccess.JoinedContainer(IpcMode(module));

    /// <summary>True when k8s-experimental already mounts a volume at /dev/shm (as the spatial analysis manifests do).</summary>
    private static bool HasShmVolume(EdgeModule module) =>
        module.Kubernetes().ArrayOf("volumes")?.OfType<JObject>()
            .SelectMany(spec => spec.ArrayOf("volumeMounts")?.OfType<JObject>() ?? Enumerable.Empty<JObject>())
            .Any(mount => mount.StringOf("mountPath")?.TrimEnd('/') == "/dev/shm") == true;

    private static string SizeLimit(JNode shmSize) =>
        shmSize is JValue value && value.TryGetInt64(out var bytes) && bytes > 0 ? KubernetesQuantity.FromBytes(bytes) : "64Mi";

    /// <summary>Which modules join each module's IPC namespace (<c>container:&lt;module&gt;</c>), read once per manifest.</summary>
    private sealed class IpcModes
    {
        private readonly Dictionary<string, List<EdgeModule>> _joiners = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, EdgeModule> _byName = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>Whether each module's sharing group can switch, worked out at the first question.</summary>
        private Dictionary<EdgeModule, bool>? _switchable;

        public IpcModes(ManifestDocument manifest)
        {
            foreach (var module in manifest.Modules)
            {
                if (!_byName.ContainsKey(module.Name))
                {
                    _byName[module.Name] = module;
                }
                if (JoinedContainer(module) is { } joined)
                {
                    if (!_joiners.TryGetValue(joined, out var joiners))
                    {
                        _joiners[joined] = joiners = new List<EdgeModule>();
                    }
                    joiners.Add(module);
                }
            }
        }

        public IReadOnlyList<EdgeModule> Joiners(EdgeModule module) =>
            _joiners.TryGetValue(module.Name, out var joiners) ? joiners : Array.Empty<EdgeModule>();

        /// <summary>True when every module of <paramref name="module"/>'s sharing group is host or settable (<see cref="IsHostOrSettable"/>).</summary>
        public bool GroupCanSwitch(EdgeModule module)
        {
            _switchable ??= SwitchableGroups();
            return _switchable.TryGetValue(module, out var switchable) ? switchable : IsHostOrSettable(module);
        }

        /// <summary>Each module that shares memory, and whether its whole group (the modules joined to it along any chain) can switch.</summary>
        private Dictionary<EdgeModule, bool> SwitchableGroups()
        {
            var switchable = new Dictionary<EdgeModule, bool>();
            foreach (var start in _joiners.Values.SelectMany(joiners => joiners))
            {
                if (switchable.ContainsKey(start))
                {
                    continue;
                }
                var group = new List<EdgeModule> { start };
                var seen = new HashSet<EdgeModule> { start };
                for (var i = 0; i < group.Count; i++)
                {
                    foreach (var partner in Partners(group[i]))
                    {
                        if (seen.Add(partner))
                        {
                            group.Add(partner);
                        }
                    }
                }
                var all = group.TrueForAll(IsHostOrSettable);
                group.ForEach(member => switchable[member] = all);
            }
            return switchable;
        }

        /// <summary>The modules that join <paramref name="module"/>'s IPC namespace, and the one it joins when the manifest has it.</summary>
        private IEnumerable<EdgeModule> Partners(EdgeModule module)
        {
            var joined = JoinedContainer(module) is { } id && _byName.TryGetValue(id, out var target) ? target : null;
            return joined is null ? Joiners(module) : Joiners(module).Append(joined);
        }
    }
}

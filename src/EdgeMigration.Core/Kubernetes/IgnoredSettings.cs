using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>Where in a module a dropped setting sits.</summary>
public enum IgnoredSettingKind
{
    /// <summary>A module setting beside createOptions (imagePullPolicy, startupOrder, restartPolicy).</summary>
    ModuleSetting,

    /// <summary>A top-level createOptions key the agent does not read.</summary>
    CreateOption,

    /// <summary>A HostConfig key the agent does not map.</summary>
    HostConfig,

    /// <summary>IpcMode, NetworkMode or PidMode other than "host".</summary>
    HostMode,

    /// <summary>One entry of HostConfig.Devices.</summary>
    Device,

    /// <summary>An Env entry without a name and '=', or one setting a variable the runtime sets after it on the GPU device.</summary>
    EnvEntry,

    /// <summary>A k8s-experimental key the agent does not know, the section spelled in another case, or a section that is not an object.</summary>
    KubernetesOption,
}

/// <summary>A setting the device's agent drops, why, and what to do instead.</summary>
public sealed record IgnoredSetting(IgnoredSettingKind Kind, string Key, string Location, bool InDefinition, JNode Value, string Reason, string Advice);

/// <summary>
/// Everything of a module that the GPU device's agent drops without failing, read from <see cref="AgentCreateOptions"/>.
/// Settings whose dropping changes nothing (empty values, Docker's default runtime, network modes that behave as the
/// cluster network) are not listed. Rules K1 and K3 report these; the Kubernetes preview lists them per module.
/// </summary>
public static class IgnoredSettings
{
    /// <summary>The module's dropped settings; <paramref name="secrets"/> (the manifest's registry passwords) are masked before a value is shortened, so no part of one shows.</summary>
    public static IEnumerable<IgnoredSetting> Of(EdgeModule module, IReadOnlyCollection<string> secrets)
    {
        var ignored = new List<IgnoredSetting>();
        ModuleSettings(module, ignored);
        TopLevel(module, secrets, ignored);
        EnvEntries(module, ignored);
        HostConfig(module, secrets, ignored);
        ignored.AddRange(KubernetesOptions(module));
        return ignored;
    }

    private static void ModuleSettings(EdgeModule module, List<IgnoredSetting> ignored)
    {
        foreach (var unmapped in AgentCreateOptions.UnmappedModuleSettings)
        {
            if (module.Definition.FindIgnoreCase(unmapped.Key) is { } member)
            {
                ignored.Add(new IgnoredSetting(IgnoredSettingKind.ModuleSetting, member.Name, member.Name, true, member.Value,
                    $"{member.Name} ({member.Value.ToCompactJson()}) is not mapped by the GPU device's agent.", unmapped.Value));
            }
        }
        if (module.RestartPolicy is { } restart && !string.Equals(restart, "always", StringComparison.OrdinalIgnoreCase))
        {
            var member = module.Definition.FindIgnoreCase("restartPolicy")!;
            ignored.Add(new IgnoredSetting(IgnoredSettingKind.ModuleSetting, member.Name, member.Name, true, member.Value,
                $"restartPolicy '{restart}' is not mapped: Kubernetes always restarts the module's pod.", "Expect the module to be restarted whenever it stops."));
        }
    }

    private static void TopLevel(EdgeModule module, IReadOnlyCollection<string> secrets, List<IgnoredSetting> ignored)
    {
        foreach (var member in module.Options()?.Members ?? Enumerable.Empty<JMember>())
        {
            if (!AgentCreateOptions.IsReadTopLevel(member.Name) && !IsEmpty(member.Value) && !IsEquivalentNetworking(member) &&
                !string.Equals(member.Name, CreateOptionsAccess.KubernetesSection, StringComparison.OrdinalIgnoreCase))
            {
                ignored.Add(string.Equals(member.Name, "Hostname", StringComparison.OrdinalIgnoreCase)
                    ? Hostname(module, member)
                    : NotRead(IgnoredSettingKind.CreateOption, member, member.Name, secrets,
                        AgentCreateOptions.IsMappedHostConfig(member.Name) ? AgentCreateOptions.MoveIntoHostConfig(member.Name) : null));
            }
        }
    }

    /// <summary>
    /// What the container's own host name becomes without Hostname: Kubernetes names it after the pod (the Deployment's
    /// name, then the ReplicaSet's hash and five random characters), or after the node on the host network. A module
    /// that names itself by it (OPC UA applications such as OPC Publisher derive their application URI and certificate
    /// from it: the corpus' publisher samples set Hostname) changes identity with every new pod; other modules reached
    /// it by its module id on Docker too.
    /// </summary>
    private static IgnoredSetting Hostname(EdgeModule module, JMember member)
    {
        const string Judged = "is not read by the GPU device's agent: the container's host name is";
        return new IgnoredSetting(IgnoredSettingKind.CreateOption, member.Name, member.Name, false, member.Value,
            Rules.Network.HostNetworkRule.UsesHostNetwork(module)
                ? $"{member.Name} ({member.Value.ToCompactJson()}) {Judged} the device's, as the module shares the host's network."
                : $"{member.Name} ({member.Value.ToCompactJson()}) {Judged} its pod's name (such as '{KubernetesNames.NameShown(module.Name)}-5d8c9f7b6-x2x7q'), new with every pod the device creates.",
            "Other modules reach it by its Service name, its module id as the device writes it. A module that names itself by its host name (an OPC UA application URI or certificate) needs that name set another way, such as an environment variable.");
    }

    private static void EnvEntries(EdgeModule module, List<IgnoredSetting> ignored)
    {
        var env = module.Options().ArrayOf(ModuleEnvironment.EnvName);
        for (var i = 0; env is not null && i < env.Count; i++)
        {
            if (env[i] is not JValue { IsString: true } entry)
            {
                continue;
            }
            // The agent keeps "NAME=value" entries only: no '=' at all, or '=' first, and the entry is dropped.
            var equals = entry.Text.IndexOf('=');
            if (equals <= 0)
            {
                ignored.Add(new IgnoredSetting(IgnoredSettingKind.EnvEntry, ModuleEnvironment.EnvName, JsonPath.Index(ModuleEnvironment.EnvName, i), false, entry,
                    equals < 0 && entry.Text.Length > 0 ? WithoutEquals(module, env, i, entry.Text) : $"Env entry {entry.ToCompactJson()} is not NAME=value; the GPU device's agent drops it.",
                    "Write it as NAME=value (an empty value is NAME=), or remove it."));
            }
            else if (ContainerEnvironment.IsRuntimeVariable(module, entry.Text, equals) && ModuleEnvironment.LaterEntryNamed(env, i, entry.Text, equals) < 0)
            {
                var name = entry.Text.Substring(0, equals);
                // Values are not quoted: variables hold passwords and connection strings.
                ignored.Add(new IgnoredSetting(IgnoredSettingKind.EnvEntry, ModuleEnvironment.EnvName, JsonPath.Index(ModuleEnvironment.EnvName, i), false, entry,
                    $"Env entry {name} sets a variable the IoT Edge runtime sets: on the FPGA device the module got the Env entry's value (the IoT Edge daemon puts Env over the runtime's variables), but the GPU device's agent appends its own {name} after the module's, so the module gets the runtime's value there.",
                    "Remove the entry; if the module needs that value, give it under a name of its own."));
            }
        }
    }

    /// <summary>
    /// What an Env entry without '=' did on the FPGA device and what the module gets without it on the GPU device: the IoT
    /// Edge daemon gives such an entry the empty value, over the runtime's variables, the env section and earlier Env
    /// entries (edgelet-docker merge_env), unless a later Env entry of the name sets it again; the GPU device's agent
    /// drops it, and its own IOTEDGE_* variables come last. Values are not quoted.
    /// </summary>
    private static string WithoutEquals(EdgeModule module, JArray env, int index, string name)
    {
        if (ModuleEnvironment.LaterEntryNamed(env, index, name, name.Length) is var later and >= 0)
        {
            return $"Env entry \"{name}\" has no '=': on the FPGA device the later {JsonPath.Index(ModuleEnvironment.EnvName, later)} of the same name sets {name} instead, and the GPU device's agent drops it, so it has no effect on either device.";
        }
        var earlier = EarlierValueNamed(env, index, name);
        var (overridden, onGpu) =
            ContainerEnvironment.IsRuntimeVariable(module, name, name.Length) ? (" over the value the IoT Edge runtime sets", "the module gets the runtime's value there")
            : earlier >= 0 ? ($" over the value of {JsonPath.Index(ModuleEnvironment.EnvName, earlier)}", $"the module gets the value of {JsonPath.Index(ModuleEnvironment.EnvName, earlier)} there")
            : module.EnvSection?.Find(name) is not null ? (" over the env section's value", "the module gets the env section's value there")
            : ("", $"{name} is not set there");
        return $"Env entry \"{name}\" has no '=': on the FPGA device the IoT Edge daemon set {name} to ''{overridden}; the GPU device's agent drops the entry, so {onGpu}.";
    }

    /// <summary>The index of the last NAME=value entry before <paramref name="index"/> named <paramref name="name"/> (what the GPU device's agent keeps), or -1.</summary>
    private static int EarlierValueNamed(JArray env, int index, string name)
    {
        for (var j = index - 1; j >= 0; j--)
        {
            if (env[j] is JValue { IsString: true } other && other.Text.Length > name.Length && other.Text[name.Length] == '=' && ModuleEnvironment.IsNamed(other.Text, name, name.Length))
            {
                return j;
            }
        }
        return -1;
    }

    private static void HostConfig(EdgeModule module, IReadOnlyCollection<string> secrets, List<IgnoredSetting> ignored)
    {
        var hostConfig = module.HostConfig();
        foreach (var member in hostConfig?.Members ?? Enumerable.Empty<JMember>())
        {
            if (!AgentCreateOptions.IsMappedHostConfig(member.Name) && !IsEmpty(member.Value) && !IsDefaultRuntime(member) &&
                !string.Equals(member.Name, "Devices", StringComparison.OrdinalIgnoreCase))
            {
                ignored.Add(NotRead(IgnoredSettingKind.HostConfig, member, "HostConfig." + member.Name, secrets,
                    AgentCreateOptions.IsReadTopLevel(member.Name) ? AgentCreateOptions.MoveToTopLevel(member.Name) : null));
            }
        }
        foreach (var mode in AgentCreateOptions.HostModes.Keys)
        {
            if (hostConfig?.FindIgnoreCase(mode) is { Value: JValue { IsString: true } value } member && !AgentCreateOptions.IsEquivalentMode(value.Text))
            {
                ignored.Add(new IgnoredSetting(IgnoredSettingKind.HostMode, member.Name, "HostConfig." + member.Name, false, value,
                    $"{member.Name} \"{value.Text}\" is ignored on the GPU device; only \"host\" is mapped, and otherwise the pod gets a namespace of its own (its own address on the cluster network).",
                    "Remove it, or use \"host\" if the module needs the host's namespace."));
            }
        }
        var devices = hostConfig.ArrayOf("Devices");
        for (var i = 0; devices is not null && i < devices.Count; i++)
        {
            ignored.Add(new IgnoredSetting(IgnoredSettingKind.Device, "Devices", JsonPath.Index("HostConfig.Devices", i), false, devices[i],
                $"Device {devices[i].ToCompactJson()} is not passed to the container on the GPU device.", AgentCreateOptions.AdviceFor("Devices")));
        }
    }

    /// <summary>The <see cref="IgnoredSettingKind.KubernetesOption"/> settings of <see cref="Of"/>, for K3, without reading the rest.</summary>
    public static IEnumerable<IgnoredSetting> KubernetesOptions(EdgeModule module)
    {
        var found = new List<IgnoredSetting>();
        foreach (var member in module.Options()?.Members ?? Enumerable.Empty<JMember>())
        {
            if (member.Name != CreateOptionsAccess.KubernetesSection &&
                string.Equals(member.Name, CreateOptionsAccess.KubernetesSection, StringComparison.OrdinalIgnoreCase))
            {
                found.Add(new IgnoredSetting(IgnoredSettingKind.KubernetesOption, member.Name, JsonPath.Member("", member.Name), false, member.Value,
                    $"'{member.Name}' is not spelled 'k8s-experimental' exactly; the agent matches the key exactly and ignores the whole section.",
                    "Spell it 'k8s-experimental'."));
            }
        }
        if (module.Options()?.Find(CreateOptionsAccess.KubernetesSection) is { Value: not JObject } section && !IsEmpty(section.Value) && !TemplateText.IsPlaceholder(section.Value))
        {
            // KubernetesExperimentalCreatePodParameters.ParseParameters: anything but an object is logged and read as no section.
            found.Add(new IgnoredSetting(IgnoredSettingKind.KubernetesOption, section.Name, section.Name, false, section.Value,
                $"k8s-experimental is {CreateOptions.Describe(section.Value)}, not an object; the agent logs \"Unable to parse Kubernetes CreateOptions\" and ignores the whole section.",
                "Make it an object such as {\"strategy\": {\"type\": \"Recreate\"}}."));
        }
        foreach (var member in module.Kubernetes()?.Members.Where(m => !AgentCreateOptions.IsKnownKubernetesKey(m.Name)) ?? Enumerable.Empty<JMember>())
        {
            var location = JsonPath.Member(CreateOptionsAccess.KubernetesSection, member.Name);
            found.Add(string.Equals(member.Name, "service-options", StringComparison.OrdinalIgnoreCase)
                ? new IgnoredSetting(IgnoredSettingKind.KubernetesOption, member.Name, location, false, member.Value,
                    "'service-options', the docs' spelling, is not a setting the agent knows: it logs \"Unknown Kubernetes CreateOption\" and ignores it; only 'serviceOptions' works.", "Rename it to 'serviceOptions'.")
                : new IgnoredSetting(IgnoredSettingKind.KubernetesOption, member.Name, location, false, member.Value,
                    $"'{member.Name}' is not a k8s-experimental setting; the agent logs \"Unknown Kubernetes CreateOption\" and ignores it.",
                    "Use only " + string.Join(", ", AgentCreateOptions.KubernetesSectionKeys) + "."));
        }
        return found;
    }

    private static IgnoredSetting NotRead(IgnoredSettingKind kind, JMember member, string location, IReadOnlyCollection<string> secrets, string? advice = null) =>
        new(kind, member.Name, location, false, member.Value,
            $"{location} ({Shorten(SecretRedactor.Redact(member.Value.ToCompactJson(), secrets))}) is not read by the GPU device's agent and has no effect there.",
            advice ?? AgentCreateOptions.AdviceFor(member.Name));

    internal static bool IsEmpty(JNode value) => value switch
    {
        JValue { Kind: JValueKind.Null or JValueKind.False } => true,
        JValue { IsString: true } text => text.Text.Length == 0,
        JArray array => array.Count == 0,
        JObject obj => obj.Count == 0,
        _ => false,
    };

    /// <summary>NetworkingConfig that only joins networks that behave as the cluster network does (the tools write {"host": {}} beside NetworkMode host).</summary>
    private static bool IsEquivalentNetworking(JMember member) =>
        string.Equals(member.Name, "NetworkingConfig", StringComparison.OrdinalIgnoreCase) &&
        (member.Value as JObject).ObjectOf("EndpointsConfig") is { } endpoints &&
        endpoints.Members.All(e => AgentCreateOptions.IsEquivalentMode(e.Name) && IsEmpty(e.Value));

    private static bool IsDefaultRuntime(JMember member) =>
        string.Equals(member.Name, "Runtime", StringComparison.OrdinalIgnoreCase) && member.Value is JValue { IsString: true, Text: "runc" };

    private static string Shorten(string json) => json.Length <= 80 ? json : json.Substring(0, 77) + "...";
}

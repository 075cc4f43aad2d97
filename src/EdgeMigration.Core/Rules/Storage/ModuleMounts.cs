using System;
using System.Collections.Generic;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Storage;

/// <summary>One entry of <c>HostConfig.Mounts</c>: Type, Source and Target as written (null when missing or not strings; a bare template placeholder as its text).</summary>
public sealed record MountEntry(int Index, JObject Value, string Location, string? Type, string? Source, string? Target)
{
    /// <summary>The Docker mount options the device's agent does not map: it reads only Type, Source, Target and ReadOnly.</summary>
    private static readonly string[] IgnoredOptionNames = { "BindOptions", "VolumeOptions", "TmpfsOptions", "Consistency" };

    public bool IsBind => string.Equals(Type, MountTypes.Bind, StringComparison.OrdinalIgnoreCase);
    public bool IsVolume => string.Equals(Type, MountTypes.Volume, StringComparison.OrdinalIgnoreCase);

    /// <summary>The Type member when a template placeholder stands in it: bind, volume or another only once the template is expanded.</summary>
    public JMember? PlaceholderType => Type is not null && TemplateText.HasPlaceholder(Type) ? Value.FindIgnoreCase("Type") : null;

    /// <summary>The options of the mount the device's agent ignores (K9 reports them, the preview drops them), as written.</summary>
    public IEnumerable<JMember> IgnoredOptions()
    {
        foreach (var name in IgnoredOptionNames)
        {
            if (Value.FindIgnoreCase(name) is { } option)
            {
                yield return option;
            }
        }
    }
}

public static class MountTypes
{
    public const string Bind = "bind";
    public const string Volume = "volume";
}

/// <summary>Reads a module's <c>HostConfig.Binds</c> and <c>HostConfig.Mounts</c>, with their locations relative to createOptions.</summary>
public static class ModuleMounts
{
    public const string BindsName = "Binds";
    public const string MountsName = "Mounts";

    /// <summary>
    /// Why a Binds or Mounts entry of a type the agent's model cannot hold stops the whole deployment, as the check and the
    /// preview say it. Null it reads into its lists, but its mapper then fails on it (KubernetesDeploymentMapper.
    /// CollectModuleVolumes) as it maps every module's Deployment, before it applies any; anything else it cannot read.
    /// </summary>
    public static string WhyEntryStopsDeployment(JNode entry) => entry is JValue { Kind: JValueKind.Null }
        ? "the GPU device's agent reads it, then fails on it as it maps the module's volumes, so the whole deployment fails"
        : Other.InvalidCreateOptionsRule.WholeDeploymentRefused;

    public static JMember? BindsMember(EdgeModule module) => module.HostConfig()?.FindIgnoreCase(BindsName);

    public static JMember? MountsMember(EdgeModule module) => module.HostConfig()?.FindIgnoreCase(MountsName);

    /// <summary><c>HostConfig.&lt;name as written&gt;</c>.</summary>
    public static string LocationOf(JMember member) => "HostConfig." + member.Name;

    /// <summary>The object entries of HostConfig.Mounts (entries that are not objects are K9's business).</summary>
    public static IReadOnlyList<MountEntry> Mounts(EdgeModule module)
    {
        // Every check asks of every module, and most have no mounts.
        if (MountsMember(module) is not { Value: JArray mounts } member)
        {
            return Array.Empty<MountEntry>();
        }
        var found = new List<MountEntry>(mounts.Count);
        for (var i = 0; i < mounts.Count; i++)
        {
            if (mounts[i] is JObject mount)
            {
                found.Add(new MountEntry(i, mount, JsonPath.Index(LocationOf(member), i),
                    EdgeModule.StringProperty(mount, "Type"), EdgeModule.StringProperty(mount, "Source"), EdgeModule.StringProperty(mount, "Target")));
            }
        }
        return found;
    }
}

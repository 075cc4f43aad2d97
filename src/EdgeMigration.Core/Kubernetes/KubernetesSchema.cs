using System;
using System.Collections.Generic;
using System.Linq;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>How the agent's typed Kubernetes model reads one field.</summary>
internal enum FieldType
{
    String,
    Boolean,
    Integer,

    /// <summary>A resource quantity ("128Mi", "500m", 2).</summary>
    Quantity,

    /// <summary>A port or percentage: a number stays a number, a string stays a string.</summary>
    IntOrString,

    StringMap,
    QuantityMap,
    StringList,
    IntegerList,
    Object,
    ObjectList,

    /// <summary>Copied as written: a volume source this preview does not read field by field.</summary>
    Verbatim,
}

internal sealed record SchemaField(string Name, FieldType Type, SchemaType? Item = null);

/// <summary>A Kubernetes API type as the agent's model deserializes it: field names matched in any case, others dropped.</summary>
internal sealed class SchemaType
{
    private readonly Dictionary<string, SchemaField> _fields;

    public SchemaType(string name, params SchemaField[] fields)
    {
        Name = name;
        _fields = fields.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
    }

    public string Name { get; }

    public SchemaField? Find(string name) => _fields.TryGetValue(name, out var field) ? field : null;
}

/// <summary>
/// The Kubernetes types the k8s-experimental section holds (reference: "The k8s-experimental section"), with the
/// fields Kubernetes 1.27 (the device's version) defines. Fields of newer Kubernetes versions are not listed: the
/// device drops them.
/// </summary>
internal static class KubernetesSchema
{
    private static SchemaField S(string name) => new(name, FieldType.String);
    private static SchemaField B(string name) => new(name, FieldType.Boolean);
    private static SchemaField I(string name) => new(name, FieldType.Integer);
    private static SchemaField O(string name, SchemaType type) => new(name, FieldType.Object, type);
    private static SchemaField V(string name) => new(name, FieldType.Verbatim);

    public static readonly SchemaType ResourceClaim = new("ResourceClaim", S("name"));

    public static readonly SchemaType ResourceRequirements = new("ResourceRequirements",
        new SchemaField("limits", FieldType.QuantityMap), new SchemaField("requests", FieldType.QuantityMap),
        new SchemaField("claims", FieldType.ObjectList, ResourceClaim));

    public static readonly SchemaType RollingUpdateDeployment = new("RollingUpdateDeployment",
        new SchemaField("maxSurge", FieldType.IntOrString), new SchemaField("maxUnavailable", FieldType.IntOrString));

    public static readonly SchemaType DeploymentStrategy = new("DeploymentStrategy", S("type"), O("rollingUpdate", RollingUpdateDeployment));

    public static readonly SchemaType SeLinuxOptions = new("SELinuxOptions", S("level"), S("role"), S("type"), S("user"));

    public static readonly SchemaType SeccompProfile = new("SeccompProfile", S("localhostProfile"), S("type"));

    public static readonly SchemaType Sysctl = new("Sysctl", S("name"), S("value"));

    public static readonly SchemaType WindowsSecurityContextOptions = new("WindowsSecurityContextOptions",
        S("gmsaCredentialSpec"), S("gmsaCredentialSpecName"), B("hostProcess"), S("runAsUserName"));

    public static readonly SchemaType PodSecurityContext = new("PodSecurityContext",
        I("fsGroup"), S("fsGroupChangePolicy"), I("runAsGroup"), B("runAsNonRoot"), I("runAsUser"),
        O("seLinuxOptions", SeLinuxOptions), O("seccompProfile", SeccompProfile),
        new SchemaField("supplementalGroups", FieldType.IntegerList), new SchemaField("sysctls", FieldType.ObjectList, Sysctl),
        O("windowsOptions", WindowsSecurityContextOptions));

    public static readonly SchemaType VolumeMount = new("VolumeMount",
        S("mountPath"), S("mountPropagation"), S("name"), B("readOnly"), S("subPath"), S("subPathExpr"));

    public static readonly SchemaType KeyToPath = new("KeyToPath", S("key"), I("mode"), S("path"));

    public static readonly SchemaType HostPathVolumeSource = new("HostPathVolumeSource", S("path"), S("type"));

    public static readonly SchemaType EmptyDirVolumeSource = new("EmptyDirVolumeSource", S("medium"), new SchemaField("sizeLimit", FieldType.Quantity));

    public static readonly SchemaType PersistentVolumeClaimVolumeSource = new("PersistentVolumeClaimVolumeSource", S("claimName"), B("readOnly"));

    public static readonly SchemaType ConfigMapVolumeSource = new("ConfigMapVolumeSource",
        I("defaultMode"), new SchemaField("items", FieldType.ObjectList, KeyToPath), S("name"), B("optional"));

    public static readonly SchemaType SecretVolumeSource = new("SecretVolumeSource",
        I("defaultMode"), new SchemaField("items", FieldType.ObjectList, KeyToPath), B("optional"), S("secretName"));

    public static readonly SchemaType NfsVolumeSource = new("NFSVolumeSource", S("path"), B("readOnly"), S("server"));

    /// <summary>A pod volume: its name and one source. The common sources are read field by field; the rest are copied.</summary>
    public static readonly SchemaType Volume = new("Volume",
        S("name"), O("hostPath", HostPathVolumeSource), O("emptyDir", EmptyDirVolumeSource),
        O("persistentVolumeClaim", PersistentVolumeClaimVolumeSource), O("configMap", ConfigMapVolumeSource),
        O("secret", SecretVolumeSource), O("nfs", NfsVolumeSource),
        V("awsElasticBlockStore"), V("azureDisk"), V("azureFile"), V("cephfs"), V("cinder"), V("csi"), V("downwardAPI"),
        V("ephemeral"), V("fc"), V("flexVolume"), V("flocker"), V("gcePersistentDisk"), V("gitRepo"), V("glusterfs"),
        V("iscsi"), V("photonPersistentDisk"), V("portworxVolume"), V("projected"), V("quobyte"), V("rbd"), V("scaleIO"),
        V("storageos"), V("vsphereVolume"));

    /// <summary>One entry of k8s-experimental.volumes: a pod volume and where the module's container mounts it.</summary>
    public static readonly SchemaType VolumeSpec = new("KubernetesModuleVolumeSpec",
        O("volume", Volume), new SchemaField("volumeMounts", FieldType.ObjectList, VolumeMount));

    /// <summary>k8s-experimental.serviceOptions (the agent's own type, not a Kubernetes one).</summary>
    public static readonly SchemaType ServiceOptions = new("KubernetesServiceOptions", S("type"), S("loadBalancerIP"));
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EdgeMigration.Core.Json;

namespace EdgeMigration.Core.Manifests;

/// <summary>
/// An IoT Edge manifest in any of the shapes users hold, over a lossless JSON tree: modules, routes and
/// module twin sections are views into the tree, so edits through them are edits of the document, and
/// writing it back keeps everything else byte for byte.
/// </summary>
public sealed class ManifestDocument
{
    public const string EdgeAgent = "$edgeAgent";
    public const string EdgeHub = "$edgeHub";
    public const string DesiredProperties = "properties.desired";
    internal const string LayeredModulePrefix = "properties.desired.modules.";
    internal const string LayeredSystemModulePrefix = "properties.desired.systemModules.";
    internal const string LayeredRoutePrefix = "properties.desired.routes.";

    private List<EdgeModule> _modules = new();
    private List<EdgeRoute> _routes = new();
    private List<ModuleTwinSection> _twins = new();
    private List<ModuleSettingKey> _settingKeys = new();
    private List<ManifestDiagnostic> _diagnostics = new();

    /// <summary>Files are read as one manifest each; a list's text or objects on the pipeline are read element by element.</summary>
    private const string ListHint = " A list of deployments (az iot edge deployment list) is read deployment by deployment when its text or its objects are piped: Get-Content -Raw <file> | ….";

    private ManifestDocument(JDocument document, string sourceName)
    {
        Document = document;
        SourceName = sourceName;
        Root = document.Root as JObject
            ?? throw new ManifestException(ManifestErrorKind.NotAManifest, sourceName,
                $"{sourceName}: the JSON is {CreateOptions.Describe(document.Root)}, not a manifest.{(document.Root is JArray ? ListHint : "")} Accepted: {ManifestException.AcceptedShapes}.");
        Detect();
        Refresh();
    }

    public string SourceName { get; }

    /// <summary>
    /// The file this document holds as it was read (<see cref="Load"/>): null for a manifest from text or objects, and
    /// once it has been edited, as every edit ends in a refresh. Results of a document with a file stand for that file.
    /// </summary>
    public string? File { get; private set; }

    public JDocument Document { get; }
    public JObject Root { get; }
    public ManifestShape Shape { get; private set; }
    public bool IsLayered { get; private set; }
    public bool IsTemplate { get; private set; }

    /// <summary>The modulesContent object; null for the $edgeAgent twin shapes.</summary>
    public JObject? ModulesContent { get; private set; }

    public string? ModulesContentPath { get; private set; }

    /// <summary>The $edgeAgent desired properties (null for layered deployments, which hold only dotted keys).</summary>
    public JObject? EdgeAgentDesired { get; private set; }

    public string? EdgeAgentDesiredPath { get; private set; }

    /// <summary>The $edgeHub desired properties, when present and not layered.</summary>
    public JObject? EdgeHubDesired { get; private set; }

    public string? EdgeAgentSchemaVersion => EdgeModule.StringProperty(EdgeAgentDesired, "schemaVersion");

    public IReadOnlyList<EdgeModule> Modules => _modules;
    public IReadOnlyList<EdgeRoute> Routes => _routes;
    public IReadOnlyList<ModuleTwinSection> ModuleTwins => _twins;

    /// <summary>A layered deployment's keys that set one setting of a module rather than define it.</summary>
    public IReadOnlyList<ModuleSettingKey> ModuleSettingKeys => _settingKeys;
    public IReadOnlyList<ManifestDiagnostic> Diagnostics => _diagnostics;

    /// <summary>Registry passwords: never to be shown in findings, messages or logs.</summary>
    public IReadOnlyCollection<string> Secrets { get; private set; } = Array.Empty<string>();

    /// <summary>
    /// The largest manifest read. IoT Hub deployments and twins are kilobytes; a bound keeps a wrong file (a
    /// disk image, a log) from filling a 400 MB Azure Automation sandbox.
    /// </summary>
    public const long MaxSizeBytes = 16 * 1024 * 1024;

    public static ManifestDocument Load(string path)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxSizeBytes)
            {
                throw new ManifestException(ManifestErrorKind.Unreadable, path,
                    $"{path}: the file is {length / (1024 * 1024)} MiB; manifests larger than {MaxSizeBytes / (1024 * 1024)} MiB are not read (IoT Edge deployments are a few kilobytes).");
            }
            bytes = System.IO.File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ManifestException(ManifestErrorKind.Unreadable, path, $"{path}: {ex.Message}", inner: ex);
        }
        var manifest = Parse(bytes, path);
        manifest.File = path;
        return manifest;
    }

    /// <summary>
    /// Reads JSON text; with <paramref name="nameOfDeployment"/>, an IoT Hub deployment (an object with an id: az iot edge
    /// deployment show) is named <paramref name="nameOfDeployment"/>(id), as each deployment of a list is
    /// (<see cref="DeploymentList"/>).
    /// </summary>
    public static ManifestDocument Parse(string json, string sourceName = "JSON text", Func<string, string>? nameOfDeployment = null) =>
        Read(() => JDocument.Parse(json), sourceName, nameOfDeployment);

    /// <summary>A manifest from its bytes; the document keeps the array (see <see cref="JDocument.Parse(byte[])"/>), so do not change it afterwards.</summary>
    public static ManifestDocument Parse(byte[] bytes, string sourceName) =>
        bytes.Length > MaxSizeBytes
            ? throw new ManifestException(ManifestErrorKind.Unreadable, sourceName, $"{sourceName}: manifests larger than {MaxSizeBytes / (1024 * 1024)} MiB are not read.")
            : Read(() => JDocument.Parse(bytes), sourceName);

    /// <summary>
    /// From dictionaries and lists (ConvertFrom-Json -AsHashtable, Az's ModulesContent) or a JSON tree; with
    /// <paramref name="nameOfDeployment"/>, one that has an id is named by it, as in <see cref="Parse(string, string, Func{string, string})"/>.
    /// </summary>
    public static ManifestDocument FromObject(object? graph, string sourceName = "pipeline object", Func<string, string>? nameOfDeployment = null)
    {
        JNode root;
        try
        {
            root = ObjectGraph.ToNode(graph);
        }
        catch (Exception ex) when (ex is ArgumentException or JsonReadException)
        {
            throw new ManifestException(ManifestErrorKind.Unreadable, sourceName, $"{sourceName}: {ex.Message}", inner: ex);
        }
        return new ManifestDocument(new JDocument(root, JsonStyle.Indented), NameOf(root, sourceName, nameOfDeployment));
    }

    /// <summary>
    /// One module's createOptions given on their own (<c>{"HostConfig": …}</c>), as a deployment manifest that
    /// holds just that module, so every rule can look at it.
    /// </summary>
    public static ManifestDocument FromCreateOptions(string moduleName, JNode createOptions, string sourceName)
    {
        if (createOptions is not JObject)
        {
            throw new ManifestException(ManifestErrorKind.NotAManifest, sourceName,
                $"{sourceName}: createOptions must be a JSON object, not {CreateOptions.Describe(createOptions)}.");
        }
        var settings = new JObject();
        settings.Add("createOptions", createOptions.DeepClone());
        var module = new JObject();
        module.Add("type", JValue.String("docker"));
        module.Add("settings", settings);
        var modules = new JObject();
        modules.Add(moduleName, module);
        var desired = new JObject();
        desired.Add("schemaVersion", JValue.String("1.0"));
        desired.Add("modules", modules);
        var agent = new JObject();
        agent.Add(DesiredProperties, desired);
        var content = new JObject();
        content.Add(EdgeAgent, agent);
        var root = new JObject();
        root.Add("modulesContent", content);
        // Read as the deployment made around them, but reported as what was given.
        return new ManifestDocument(new JDocument(root, JsonStyle.Indented), sourceName) { Shape = ManifestShape.CreateOptions };
    }

    private static ManifestDocument Read(Func<JDocument> parse, string sourceName, Func<string, string>? nameOfDeployment = null)
    {
        try
        {
            var document = parse();
            return new ManifestDocument(document, NameOf(document.Root, sourceName, nameOfDeployment));
        }
        catch (JsonReadException ex)
        {
            throw new ManifestException(ManifestErrorKind.InvalidJson, sourceName,
                $"{sourceName}: invalid JSON at line {ex.Line}, column {ex.Column}: {ex.Reason}", ex.Line, ex.Column, ex);
        }
    }

    /// <summary><paramref name="nameOfDeployment"/>(id) for a deployment that has an id, else <paramref name="sourceName"/>.</summary>
    private static string NameOf(JNode root, string sourceName, Func<string, string>? nameOfDeployment) =>
        nameOfDeployment is not null && DeploymentList.IdOf(root) is { } id ? nameOfDeployment(id) : sourceName;

    public string ToJson() => Document.ToJson();

    public byte[] ToBytes() => Document.ToBytes();

    /// <summary>An independent copy, identical to the byte.</summary>
    public ManifestDocument Clone() => Parse(ToBytes(), SourceName);

    /// <summary>Re-reads modules, routes and twin sections after edits that add, remove or rename them.</summary>
    public void Refresh() => RefreshKeeping(null);

    /// <summary>
    /// Writes every module's createOptions back (<see cref="CreateOptions.Commit"/>), then re-reads modules, routes and
    /// twin sections as <see cref="RefreshKeepingCreateOptions"/> does. For the end of a conversion.
    /// </summary>
    public void CommitAndRefresh()
    {
        foreach (var module in _modules)
        {
            module.CreateOptions?.Commit();
        }
        RefreshKeepingCreateOptions();
    }

    /// <summary>
    /// <see cref="Refresh"/>, keeping the decoded createOptions (edits not yet written back included) of each module whose
    /// settings still hold the pieces they were decoded from or last written to: reading those again would give the same
    /// options. For fixes that rename modules.
    /// </summary>
    internal void RefreshKeepingCreateOptions()
    {
        var decoded = new Dictionary<JObject, CreateOptions>(ReferenceComparer.Instance);
        foreach (var module in _modules)
        {
            if (module.CreateOptions is { } options)
            {
                decoded[module.Settings!] = options;
            }
        }
        RefreshKeeping(decoded);
    }

    private void RefreshKeeping(Dictionary<JObject, CreateOptions>? decoded)
    {
        File = null;
        _diagnostics = new List<ManifestDiagnostic>();
        DuplicateKeys.Find(Root, JsonPath.Root, _diagnostics);
        _modules = ManifestViews.Modules(this, decoded, _diagnostics);
        _routes = ManifestViews.Routes(this);
        _twins = ManifestViews.Twins(this);
        _settingKeys = ManifestViews.ModuleSettingKeys(this);
        Secrets = RegistrySecrets.Collect(Root);
    }

    private void Detect()
    {
        if (Root.FindIgnoreCase("properties") is { Value: JObject properties } propertiesMember &&
            properties.FindIgnoreCase("desired") is { Value: JObject twinDesired } desiredMember && LooksLikeAgentDesired(twinDesired))
        {
            Shape = ManifestShape.EdgeAgentTwin;
            EdgeAgentDesired = twinDesired;
            EdgeAgentDesiredPath = JsonPath.Member(JsonPath.Member(JsonPath.Root, propertiesMember.Name), desiredMember.Name);
            return;
        }
        if (LooksLikeAgentDesired(Root) && Root.FindIgnoreCase(EdgeAgent) is null)
        {
            Shape = ManifestShape.EdgeAgentDesiredProperties;
            EdgeAgentDesired = Root;
            EdgeAgentDesiredPath = JsonPath.Root;
            return;
        }

        if ((ConfigurationTarget(Root) ?? (Root.FindIgnoreCase("content")?.Value is JObject configurationContent ? ConfigurationTarget(configurationContent) : null)) is { } target)
        {
            throw new ManifestException(ManifestErrorKind.NotAManifest, SourceName,
                $"{SourceName}: the JSON is an IoT Hub {target} configuration (automatic {target} management, {target}Content), not an IoT Edge deployment: it sets {target} twin properties and deploys no modules, so there is nothing to check or convert. Accepted: {ManifestException.AcceptedShapes}.");
        }

        ManifestShape wrapper;
        if (FindModulesContent(Root, out var content, out var contentName))
        {
            wrapper = ManifestShape.DeploymentManifest;
            ModulesContentPath = JsonPath.Member(JsonPath.Root, contentName);
        }
        else if (Root.FindIgnoreCase("content")?.Value is JObject hubContent && FindModulesContent(hubContent, out content, out contentName))
        {
            wrapper = ManifestShape.HubDeployment;
            ModulesContentPath = JsonPath.Member(JsonPath.Member(JsonPath.Root, "content"), contentName);
        }
        else if (Root.Find(EdgeAgent) is not null || Root.Find(EdgeHub) is not null)
        {
            wrapper = ManifestShape.ModulesContent;
            content = Root;
            ModulesContentPath = JsonPath.Root;
        }
        else
        {
            throw new ManifestException(ManifestErrorKind.NotAManifest, SourceName,
                $"{SourceName}: the JSON is not an IoT Edge manifest (no modulesContent, $edgeAgent or $edgeAgent desired properties found). Accepted: {ManifestException.AcceptedShapes}.");
        }

        ModulesContent = content!;
        var agent = ModulesContent.Find(EdgeAgent)?.Value as JObject;
        var hub = ModulesContent.Find(EdgeHub)?.Value as JObject;
        IsLayered = HasLayeredKeys(agent) || HasLayeredKeys(hub);
        EdgeAgentDesired = agent?.Find(DesiredProperties)?.Value as JObject;
        EdgeAgentDesiredPath = EdgeAgentDesired is null ? null : JsonPath.Member(JsonPath.Member(ModulesContentPath, EdgeAgent), DesiredProperties);
        EdgeHubDesired = hub?.Find(DesiredProperties)?.Value as JObject;
        IsTemplate = Root.Find("$schema-template") is not null || ManifestViews.HasObjectCreateOptions(this);
        Shape = IsLayered ? ManifestShape.LayeredDeployment : IsTemplate ? ManifestShape.DeploymentTemplate : wrapper;
    }

    private static bool FindModulesContent(JObject obj, out JObject? content, out string name)
    {
        // "moduleContent" is the 2018 spelling the az CLI still accepts.
        var member = obj.Find("modulesContent") ?? obj.Find("moduleContent");
        content = member?.Value as JObject;
        name = member?.Name ?? "";
        return content is not null;
    }

    /// <summary>
    /// "device" or "module" for the content of an automatic device or module management configuration (az iot hub
    /// configuration list), which sets twin properties: deviceContent, or moduleContent of "properties.desired…" keys
    /// (in an IoT Edge deployment, moduleContent is the 2018 spelling of modulesContent and holds $edgeAgent). The REST
    /// API writes all three contents, those not used empty, so an empty modulesContent beside them is no deployment;
    /// null for anything else.
    /// </summary>
    private static string? ConfigurationTarget(JObject content)
    {
        if (content.Find("modulesContent")?.Value is JObject { Count: > 0 })
        {
            return null;
        }
        if (content.Find("deviceContent")?.Value is JObject { Count: > 0 })
        {
            return "device";
        }
        return content.Find("moduleContent")?.Value is JObject { Count: > 0 } twin && twin.Names.All(n => n.StartsWith(DesiredProperties, StringComparison.Ordinal))
            ? "module"
            : null;
    }

    private static bool LooksLikeAgentDesired(JObject obj) =>
        (obj.Find("modules") is not null || obj.Find("systemModules") is not null) &&
        (obj.Find("runtime") is not null || obj.Find("schemaVersion") is not null || obj.Find("systemModules") is not null);

    private static bool HasLayeredKeys(JObject? obj) =>
        obj is not null && obj.Names.Any(n => n.StartsWith(DesiredProperties + ".", StringComparison.Ordinal));

    /// <summary>Settings objects by identity: two modules' settings may hold equal JSON.</summary>
    private sealed class ReferenceComparer : IEqualityComparer<JObject>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(JObject? x, JObject? y) => ReferenceEquals(x, y);

        public int GetHashCode(JObject obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}

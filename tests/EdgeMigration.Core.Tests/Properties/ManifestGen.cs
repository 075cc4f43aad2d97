using System.Linq;
using System.Text;
using CsCheck;
using EdgeMigration.Core.Manifests;
using static EdgeMigration.Tests.Properties.GenKit;

namespace EdgeMigration.Tests.Properties;

/// <summary>A generated manifest: its bytes as a user's file holds them, and the shape it was written in.</summary>
public sealed record GeneratedManifest(ManifestShape Shape, string Text, byte[] Bytes)
{
    public override string ToString() => Shape + " (" + Bytes.Length + " bytes):\n" + Text;
}

/// <summary>
/// Whole manifests in every shape users hold: modules (system ones included), routes that name them, module twin
/// sections, registry credentials, schema versions, template placeholders; laid out compact or indented, with LF
/// or CRLF, escaped or not, in UTF-8 (with or without a byte order mark) or UTF-16.
/// </summary>
public static class ManifestGen
{
    private static readonly Gen<JsonLayout> Layout =
        from indent in Gen.OneOf("  ", "    ", "\t", "")
        from newline in Gen.Frequency((4, Gen.Const("\n")), (1, Gen.Const("\r\n")))
        from space in Gen.Bool
        from escape in Gen.Frequency((5, Gen.Const(false)), (1, Gen.Const(true)))
        select new JsonLayout(indent, newline, space, escape);

    public static readonly Gen<GeneratedManifest> Any =
        // Every shape a manifest file can have; CreateOptions is said of createOptions given on their own, not read.
        from shape in Gen.Enum<ManifestShape>().Where(s => s != ManifestShape.CreateOptions)
        from drawn in ModuleGen.Id.Array[shape == ManifestShape.LayeredDeployment ? 1 : 0, 5]
        from keepDuplicates in Gen.Int[0, 19]
        let ids = keepDuplicates == 0 ? drawn : drawn.Distinct().ToArray()
        from content in Content(shape, ids)
        from layout in Layout
        from comment in Gen.Int[0, 9]
        from encoding in Gen.Frequency((12, Gen.Const<Encoding>(new UTF8Encoding(false))), (2, Gen.Const<Encoding>(new UTF8Encoding(true))),
            (1, Gen.Const<Encoding>(new UnicodeEncoding(false, true))), (1, Gen.Const<Encoding>(new UnicodeEncoding(true, true))))
        let text = (comment == 0 ? "// generated" + layout.Newline : "") + layout.Write(content) + (comment == 1 ? layout.Newline : "")
        select new GeneratedManifest(shape, text, encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray());

    private static Gen<J> Content(ManifestShape shape, string[] ids)
    {
        var template = shape == ManifestShape.DeploymentTemplate;
        var layered = shape == ManifestShape.LayeredDeployment;
        return
            from modules in Sequence(ids.Select(_ => ModuleGen.Definition(ids, template))).Select(defs => ids.Zip(defs, (id, def) => (id, def)).ToArray())
            from agent in AgentDesired(modules)
            from hub in HubDesired(ids, template)
            from twins in Gen.Int[0, 3].Select(n => ids.Take(n).Select(id => (id, (J?)J.Obj(("properties.desired", J.Obj(("threshold", J.Num(25))))))).ToArray())
            from registry in Opt(30, Registry(template))
            select Wrap(shape, layered
                ? Layered(modules, hub, registry)
                : J.Obj(new (string, J?)[] { ("$edgeAgent", J.Obj(("properties.desired", agent.With("runtime", Runtime(registry))))), ("$edgeHub", J.Obj(("properties.desired", hub))) }.Concat(twins)),
                agent.With("runtime", Runtime(registry)));
    }

    private static Gen<JObj> AgentDesired((string Id, J Definition)[] modules) =>
        from schema in Strings("1.0", "1.1", "1.2")
        from edgeAgent in ModuleGen.EdgeAgent
        from edgeHub in ModuleGen.EdgeHub
        from system in Gen.Frequency((8, Gen.Const(true)), (1, Gen.Const(false)))
        select J.Obj(("schemaVersion", schema),
            ("systemModules", system ? J.Obj(("edgeAgent", edgeAgent), ("edgeHub", edgeHub)) : J.Obj()),
            ("modules", J.Obj(modules.Select(m => (m.Id, (J?)m.Definition)))));

    private static Gen<JObj> HubDesired(string[] ids, bool template) =>
        from schema in Strings("1.0", "1.1", "1.2")
        from routes in Gen.Int[0, 4].SelectMany(n => Route(ids).Array[n, n])
        from ttl in template ? Gen.OneOf<J>(J.Num(7200), new JPlaceholder("${TTL}")) : Gen.Const(J.Num(7200))
        select J.Obj(("schemaVersion", schema), ("routes", J.Obj(routes.Select((r, i) => ("route" + i, (J?)r)))),
            ("storeAndForwardConfiguration", J.Obj(("timeToLiveSecs", ttl))));

    private static Gen<J> Route(string[] ids)
    {
        var id = Gen.OneOf(ids.Length == 0 ? new[] { "filter" } : ids);
        var text =
            from source in id
            from target in id
            from kind in Gen.Int[0, 2]
            select kind switch
            {
                0 => $"FROM /messages/modules/{source}/outputs/* INTO BrokeredEndpoint(\"/modules/{target}/inputs/input1\")",
                1 => $"FROM /messages/modules/{source}/* WHERE $body.temperature > 25 INTO $upstream",
                _ => "FROM /messages/* INTO $upstream",
            };
        return Gen.Frequency(
            (4, text.Select(J.Str)),
            (1, text.Select(t => (J)J.Obj(("route", J.Str(t)), ("priority", J.Num(0)), ("timeToLiveSecs", J.Num(86400))))));
    }

    private static Gen<J> Registry(bool template) =>
        from password in template ? Gen.OneOf("$CONTAINER_REGISTRY_PASSWORD", "${PASSWORD}").Select(J.Str) : TextGen.Secret.Select(J.Str)
        from user in Gen.OneOf("contoso", "a-service-principal-with-a-rather-long-user-name-that-overflows")
        select (J)J.Obj(("contoso", J.Obj(("username", J.Str(user)), ("password", password), ("address", J.Str("contoso.azurecr.io")))));

    private static J Runtime(J? registry) =>
        J.Obj(("type", J.Str("docker")), ("settings", J.Obj(("minDockerVersion", J.Str("v1.25")), ("loggingOptions", J.Str("")), ("registryCredentials", registry))));

    /// <summary>A layered deployment's modulesContent: dotted keys for each module and route, no system modules.</summary>
    private static J Layered((string Id, J Definition)[] modules, JObj hub, J? registry)
    {
        var routes = (JObj)hub.Members.First(m => m.Key == "routes").Value;
        return J.Obj(
            ("$edgeAgent", J.Obj(modules.Select(m => ("properties.desired.modules." + m.Id, (J?)m.Definition))
                .Append(("properties.desired.runtime.settings.registryCredentials", registry)))),
            ("$edgeHub", J.Obj(routes.Members.Select(r => ("properties.desired.routes." + r.Key, (J?)r.Value)))));
    }

    private static J Wrap(ManifestShape shape, J modulesContent, JObj agentDesired) => shape switch
    {
        ManifestShape.ModulesContent => modulesContent,
        ManifestShape.HubDeployment or ManifestShape.LayeredDeployment => J.Obj(("id", J.Str("gpu-v1")), ("schemaVersion", J.Str("1.0")),
            ("content", J.Obj(("modulesContent", modulesContent))), ("targetCondition", J.Str("tags.gpu=true")), ("priority", J.Num(10))),
        ManifestShape.DeploymentTemplate => J.Obj(("$schema-template", J.Str("4.0.0")), ("modulesContent", modulesContent)),
        ManifestShape.EdgeAgentTwin => J.Obj(("deviceId", J.Str("fpga-01")), ("moduleId", J.Str("$edgeAgent")), ("etag", J.Str("AAAAAAAAAAE=")),
            ("properties", J.Obj(("desired", agentDesired), ("reported", J.Obj(("lastDesiredStatus", J.Obj(("code", J.Num(200))))))))),
        ManifestShape.EdgeAgentDesiredProperties => agentDesired,
        _ => J.Obj(("modulesContent", modulesContent)),
    };
}

using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using EdgeMigration.Core.Manifests;
using static EdgeMigration.Tests.Properties.GenKit;

namespace EdgeMigration.Tests.Properties;

/// <summary>How a generated module writes its createOptions, including the broken forms users meet.</summary>
public enum OptionsForm
{
    Absent,
    Empty,
    String,
    Chunked,
    Object,
    NotAnObject,
    InvalidJson,
    BrokenPieces,
}

/// <summary>Module ids and module definitions.</summary>
public static class ModuleGen
{
    /// <summary>Kubernetes-safe ids, ids the device renames (several of which collide once lower-cased), and ids nothing can save.</summary>
    public static readonly Gen<string> Id = Gen.Frequency(
        (4, Gen.OneOf("filter", "tempsensor", "camera-capture", "inference", "web-app", "store")),
        (4, Gen.OneOf("SimulatedTemperatureSensor", "Filter", "FILTER", "my_module", "MyModule", "mymodule", "my-module",
            "Module.One", "module.one", "FpgaInference", "fpgainference", "Module One")),
        (1, Gen.OneOf("proxy", "iotedged", "edgehub", "1module", "___", "Ωmega", "模块", "-lead", "trail-", "a.b.c", "${MODULE_ID}", "x$y", "$dollar", "with'quote")),
        (1, Gen.Int[60, 90].Select(n => "VeryLongModuleName" + new string('x', n))),
        (1, TextGen.Word));

    public static Gen<J> Definition(string[] ids, bool template) =>
        from form in Form(template)
        from options in Gen.Frequency((20, CreateOptionsGen.Options(ids)), (1, Gen.Const(J.Obj())))
        from inner in Gen.Frequency((6, Gen.Const(JsonLayout.Compact)), (1, Gen.Const(JsonLayout.Compact with { EscapeNonAscii = true })), (1, Gen.Const(new JsonLayout("  ", "\n", true, false))))
        from pieceLength in Gen.Frequency((3, Gen.Const(512)), (1, Gen.Int[16, 700]))
        from status in Opt(90, Strings("running", "stopped"))
        from restart in Opt(90, Strings("always", "on-failure", "never", "on-unhealthy"))
        from pullPolicy in Opt(10, Strings("on-create", "never"))
        from startupOrder in Opt(10, Gen.OneOf(J.Num(1), J.Num(200), J.Str("1")))
        from env in Opt(25, EnvSection)
        from image in template ? Gen.OneOf("${MODULES.filter}", "${MODULEDIR<../Filter>}", "contoso.azurecr.io/filter:1.0").Select(J.Str) : Strings("contoso.azurecr.io/filter:1.0", "mcr.microsoft.com/azureiotedge-simulated-temperature-sensor:1.0")
        from broken in Gen.Int[0, 99]
        select broken == 0
            ? J.Str("not a module definition")
            : (J)J.Obj(("version", J.Str("1.0")), ("type", J.Str("docker")), ("status", status), ("restartPolicy", restart),
                ("imagePullPolicy", pullPolicy), ("startupOrder", startupOrder), ("env", env),
                ("settings", Settings(image, options, form, inner, pieceLength)));

    public static readonly Gen<J> EnvSection = Fields(
        ("Storage:Target", Opt(30, Fields(("value", Opt(95, Strings("/data")))).AsJ())),
        ("WIRESERVER_ADDRESS", Opt(25, Fields(("value", Opt(95, Strings("10.139.218.202")))).AsJ())),
        ("https_proxy", Opt(25, Fields(("value", Opt(95, Strings("http://proxy.contoso.com:3128", "")))).AsJ())),
        ("no_proxy", Opt(15, Fields(("value", Opt(90, Strings("contoso.com", "localhost", "")))).AsJ())),
        ("UpstreamProtocol", Opt(15, Fields(("value", Opt(90, Strings("AmqpWs", "Mqtt")))).AsJ())),
        ("Message", Opt(30, Gen.Frequency((5, Fields(("value", Opt(95, TextGen.Any.Select(J.Str)))).AsJ()), (1, Gen.OneOf(J.Null, J.Str("bare"), J.Num(3))))))).AsJ();

    public static readonly Gen<J> EdgeHub =
        from env in Opt(40, Fields(
            ("https_proxy", Opt(80, Fields(("value", Opt(95, Strings("http://proxy.contoso.com:3128", "")))).AsJ())),
            ("http_proxy", Opt(20, Fields(("value", Opt(95, Strings("http://proxy:8080")))).AsJ())),
            ("UpstreamProtocol", Opt(40, Fields(("value", Opt(90, Strings("AmqpWs", "Mqtt", "Amqp")))).AsJ())),
            ("NO_PROXY", Opt(20, Fields(("value", Opt(90, Strings("localhost", "contoso.com")))).AsJ()))).AsJ())
        from options in Gen.OneOf(ManifestBuilder.EdgeHubCreateOptions, "{}", "")
        select (J)J.Obj(("type", J.Str("docker")), ("status", J.Str("running")), ("restartPolicy", J.Str("always")), ("env", env),
            ("settings", J.Obj(("image", J.Str("mcr.microsoft.com/azureiotedge-hub:1.4")), ("createOptions", J.Str(options)))));

    public static readonly Gen<J> EdgeAgent =
        from options in Gen.OneOf("{}", "", "{\"HostConfig\":{\"Binds\":[\"/var/run/docker.sock:/var/run/docker.sock\"]}}")
        from image in Gen.OneOf("mcr.microsoft.com/azureiotedge-agent:1.4", "contoso.azurecr.io/agent:custom")
        from env in Opt(15, Fields(("https_proxy", Opt(95, Fields(("value", Opt(95, Strings("http://proxy:3128")))).AsJ()))).AsJ())
        select (J)J.Obj(("type", J.Str("docker")), ("env", env), ("settings", J.Obj(("image", J.Str(image)), ("createOptions", J.Str(options)))));

    private static Gen<OptionsForm> Form(bool template) => template
        ? Gen.Frequency((12, Gen.Const(OptionsForm.Object)), (3, Gen.Const(OptionsForm.String)), (1, Gen.Const(OptionsForm.Absent)))
        : Gen.Frequency((10, Gen.Const(OptionsForm.String)), (5, Gen.Const(OptionsForm.Chunked)), (2, Gen.Const(OptionsForm.Absent)),
            (1, Gen.Const(OptionsForm.Empty)), (1, Gen.Const(OptionsForm.NotAnObject)), (1, Gen.Const(OptionsForm.InvalidJson)), (1, Gen.Const(OptionsForm.BrokenPieces)));

    private static JObj Settings(J image, JObj options, OptionsForm form, JsonLayout inner, int pieceLength)
    {
        var text = inner.Write(options);
        var settings = J.Obj(("image", image));
        return form switch
        {
            OptionsForm.Absent => settings,
            OptionsForm.Empty => settings.With("createOptions", J.Str(text.Length % 2 == 0 ? "" : "{}")),
            OptionsForm.String => settings.With("createOptions", J.Str(text)),
            OptionsForm.Object => settings.With("createOptions", options),
            OptionsForm.NotAnObject => settings.With("createOptions", J.Str("[" + text + "]")),
            OptionsForm.InvalidJson => settings.With("createOptions", J.Str(text.Substring(0, text.Length - 1))),
            OptionsForm.BrokenPieces => settings.With("createOptions", J.Str(text)).With("createOptions02", J.Str("}")),
            _ => Pieces(text, pieceLength).Select((piece, i) => (Name: i == 0 ? "createOptions" : $"createOptions{i:00}", Piece: piece))
                .Aggregate(settings, (s, p) => s.With(p.Name, J.Str(p.Piece))),
        };
    }

    /// <summary>Splits as a tool would: pieces of about <paramref name="length"/> characters, never inside a surrogate pair, at most 100 pieces.</summary>
    private static List<string> Pieces(string text, int length) =>
        CreateOptions.Split(text, Math.Max(length, (text.Length + 99) / 100 + 1));
}

using System.Linq;
using System.Text;
using System.Text.Json;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Manifests;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Conversion;

/// <summary>
/// Strings a conversion rewrites (createOptions, routes, env names) keep the escapes the manifest wrote them with, as
/// QA found they did not: the JSON meant the same, but the text was not what the user wrote.
/// </summary>
public class EscapeStyleConversionTests
{
    /// <summary>A deployment manifest written by a tool that escapes '/', the HTML-sensitive characters and non-ASCII (lowercase hex).</summary>
    private const string EscapingManifest = """
        {
          "modulesContent": {
            "$edgeAgent": {
              "properties.desired": {
                "schemaVersion": "1.1",
                "runtime": { "type": "docker", "settings": { "minDockerVersion": "v1.25" } },
                "systemModules": {
                  "edgeAgent": { "type": "docker", "settings": { "image": "mcr.microsoft.com\/azureiotedge-agent:1.4", "createOptions": "{}" } },
                  "edgeHub": { "type": "docker", "status": "running", "restartPolicy": "always", "settings": { "image": "mcr.microsoft.com\/azureiotedge-hub:1.4", "createOptions": "{}" } }
                },
                "modules": {
                  "My_Mod": {
                    "version": "1.0", "type": "docker", "status": "running", "restartPolicy": "always",
                    "env": { "A:B\u00e9": { "value": "x" } },
                    "settings": {
                      "image": "contoso.azurecr.io\/my:1.0",
                      "createOptions": "{\"Cmd\":[\"a \u0026 b \u003c c\u003e \u0027q\u0027 caf\u00e9 \/x\/\"],\"HostConfig\":{\"PortBindings\":{\"80\/tcp\":[{\"HostPort\":\"80\"}]}}}"
                    }
                  }
                }
              }
            },
            "$edgeHub": {
              "properties.desired": {
                "schemaVersion": "1.1",
                "routes": { "r": "FROM \/messages\/modules\/My_Mod\/outputs\/* WHERE $body.x \u003e 5 INTO $upstream" },
                "storeAndForwardConfiguration": { "timeToLiveSecs": 7200 }
              }
            }
          }
        }
        """;

    [Fact]
    public void CreateOptionsRewrittenByO1KeepTheirEscapes()
    {
        var output = Convert(ManifestDocument.Parse(EscapingManifest), "O1").Manifest.ToJson();

        Assert.Contains(
            """
            "createOptions": "{\"Cmd\":[\"a \u0026 b \u003c c\u003e \u0027q\u0027 caf\u00e9 \/x\/\"],\"HostConfig\":{\"PortBindings\":{\"80\/tcp\":[{\"HostPort\":\"80\"}]}},\"k8s-experimental\":{\"strategy\":{\"type\":\"Recreate\"}}}"
            """,
            output);
        Assert.Equal(
            """{"Cmd":["a & b < c> 'q' café /x/"],"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":"80"}]}},"k8s-experimental":{"strategy":{"type":"Recreate"}}}""",
            Reread(output, "$edgeAgent", "properties.desired", "modules", "My_Mod", "settings", "createOptions"));
    }

    [Fact]
    public void RoutesRewrittenByO2KeepTheirEscapes()
    {
        var output = Convert(ManifestDocument.Parse(EscapingManifest), "O2").Manifest.ToJson();

        Assert.Contains("""
            "r": "FROM \/messages\/modules\/my-mod\/outputs\/* WHERE $body.x \u003e 5 INTO $upstream"
            """, output);
        Assert.Contains("\"my-mod\": {", output);
        Assert.Equal("FROM /messages/modules/my-mod/outputs/* WHERE $body.x > 5 INTO $upstream", Reread(output, "$edgeHub", "properties.desired", "routes", "r"));
    }

    [Fact]
    public void AnEnvNameO4CannotMakeAcceptableIsLeftAsWrittenWithItsEscapes()
    {
        // 'A__Bé' would be refused too (Kubernetes takes ASCII names only): the name stays, and so does its escape.
        var result = Convert(ManifestDocument.Parse(EscapingManifest), "O4");
        var output = result.Manifest.ToJson();

        Assert.Empty(result.Changes);
        Assert.Contains("\"env\": { \"A:B\\u00e9\": { \"value\": \"x\" } }", output);
        Assert.False(Assert.Single(result.RemainingFindings, f => f.RuleId == "O4").IsFixable);
    }

    [Fact]
    public void CharactersOutsideTheBmpStayLiteralInAManifestThatWritesNonAsciiSo()
    {
        // The tool that wrote this manifest writes non-ASCII as UTF-8, which relaxed escaping would keep only in the BMP.
        var literal = EscapingManifest
            .Replace("caf\\u00e9", "caf\u00e9 \U0001F600").Replace("\\u00e9", "\u00e9")
            .Replace("\\/", "/").Replace("\\u0026", "&").Replace("\\u003c", "<").Replace("\\u003e", ">").Replace("\\u0027", "'");

        var bytes = Convert(ManifestDocument.Parse(Encoding.UTF8.GetBytes(literal), "literal.json"), "O1").Manifest.ToBytes();
        var output = Encoding.UTF8.GetString(bytes);

        Assert.Contains(
            "\"createOptions\": \"{\\\"Cmd\\\":[\\\"a & b < c> 'q' caf\u00e9 \U0001F600 /x/\\\"],\\\"HostConfig\\\":{\\\"PortBindings\\\":{\\\"80/tcp\\\"",
            output);
        Assert.DoesNotContain("\\uD83D", output);
        Assert.Equal("a & b < c> 'q' caf\u00e9 \U0001F600 /x/", JsonDocument.Parse(Reread(output, "$edgeAgent", "properties.desired", "modules", "My_Mod", "settings", "createOptions")).RootElement.GetProperty("Cmd")[0].GetString());
    }

    [Fact]
    public void PiecesTheCreateOptionsGrowByFollowTheSpellingOfItsFirstPiece()
    {
        // Escaped '/' in createOptions just under IoT Hub's 4 KB, which O1's addition splits into pieces; the rest of
        // the manifest writes '/' literally far more often, so only the first piece's spelling says \/.
        var options = new StringBuilder("{\"Env\":[");
        for (var i = 0; options.Length < 4000; i++)
        {
            options.Append(i == 0 ? "" : ",").Append("\"P").Append(i).Append("=/data/set/").Append(i).Append('"');
        }
        options.Append("],\"HostConfig\":{\"PortBindings\":{\"80/tcp\":[{\"HostPort\":\"80\"}]}}}");
        var manifest = EscapingManifest
            .Replace(EscapingManifest.Split('\n').Single(line => line.Contains("\"createOptions\": \"{\\\"Cmd")).Trim(),
                "\"createOptions\": " + EdgeMigration.Core.Json.JsonTreeWriter.Quote(options.ToString()).Replace("/", "\\/"))
            .Replace("\"value\": \"x\"", "\"value\": \"" + new string('/', 5000) + "\"");

        var converted = Convert(ManifestDocument.Parse(manifest), "O1").Manifest;
        var module = ManifestDocument.Parse(converted.ToBytes(), "converted").FindModule("My_Mod")!;

        Assert.Equal(CreateOptionsEncoding.Chunked, module.CreateOptions!.Encoding);
        Assert.True(module.CreateOptions.PieceNames.Count > 1);
        Assert.Equal(0, Slashes(module).Literal);
        Assert.Equal(options.ToString().Count(c => c == '/'), Slashes(module).Escaped);
    }

    [Fact]
    public void TheOfflineDashboardsSampleKeepsItsEscapedSlashesWhenOnlyO1IsAdded()
    {
        var path = TestPaths.CorpusFile("Azure-Samples__iot-edge-for-iiot__offline-dashboards__dashboard.layered.deployment.template.json");

        var output = ManifestConverter.Convert(ManifestDocument.Load(path)).Manifest.ToJson();

        Assert.Contains(
            """
            "createOptions": "{\"Env\":[\"GF_SECURITY_ADMIN_PASSWORD=#GRAFANA_ADMIN_PASSWORD#\"],\"Volumes\":{\"\/etc\/grafana\/provisioning\":{}},\"HostConfig\":{\"PortBindings\":{\"3000\/tcp\":[{\"HostPort\":\"3000\"}]}},\"k8s-experimental\":{\"strategy\":{\"type\":\"Recreate\"}}}"
            """,
            output);
    }

    [Fact]
    public void AMixedCorpusManifestKeepsEachCreateOptionsInItsOwnSpelling()
    {
        // Most strings of this manifest write '/' (images, routes, edgeHub's "8883/tcp"); the api proxy's createOptions
        // were pasted with "443\/tcp", and keep that.
        var path = TestPaths.CorpusFile("Azure+iotedge__e2e_deployment_files_nestededge_middleLayerBaseDeployment_amqp.json");

        var output = ManifestConverter.Convert(ManifestDocument.Load(path)).Manifest.ToJson();

        Assert.Contains("""\"PortBindings\": {\"443\/tcp\": [{\"HostPort\": \"443\"}]}}, \"k8s-experimental\": """, output);
    }

    [Theory]
    [MemberData(nameof(TestPaths.CorpusManifests), MemberType = typeof(TestPaths))]
    public void EveryCreateOptionsOfTheCorpusWritesSlashesAfterConversionAsItsSourceDid(string file)
    {
        var source = ManifestDocument.Load(TestPaths.CorpusFile(file));
        var converted = ManifestDocument.Parse(ManifestConverter.Convert(source).Manifest.ToBytes(), file);

        // The conversion renames modules, but neither adds nor removes one: they correspond by position.
        Assert.Equal(source.Modules.Count, converted.Modules.Count);
        for (var i = 0; i < source.Modules.Count; i++)
        {
            var (escapedBefore, literalBefore) = Slashes(source.Modules[i]);
            var (escapedAfter, literalAfter) = Slashes(converted.Modules[i]);
            if (literalBefore == 0 && escapedBefore > 0)
            {
                Assert.True(literalAfter == 0, $"{source.Modules[i].Name}: {literalAfter} '/' written literally");
            }
            if (escapedBefore == 0 && literalBefore > 0)
            {
                Assert.True(escapedAfter == 0, $"{source.Modules[i].Name}: {escapedAfter} '/' written escaped");
            }
        }
    }

    /// <summary>How many '/' the module's createOptions strings spell \/ and how many literally, in the manifest's text.</summary>
    private static (int Escaped, int Literal) Slashes(EdgeModule module)
    {
        if (module.CreateOptions is not { Encoding: CreateOptionsEncoding.String or CreateOptionsEncoding.Chunked } options)
        {
            return (0, 0);
        }
        var tokens = string.Concat(options.PieceNames.Select(name => module.Settings!.FindIgnoreCase(name)!.Value.ToJson()));
        var escaped = tokens.Split("\\/").Length - 1;
        return (escaped, tokens.Count(c => c == '/') - escaped);
    }

    /// <summary>The string at <paramref name="path"/> under modulesContent, as System.Text.Json reads the text.</summary>
    private static string Reread(string json, params string[] path)
    {
        using var document = JsonDocument.Parse(json);
        var element = path.Aggregate(document.RootElement.GetProperty("modulesContent"), (e, name) => e.GetProperty(name));
        return element.GetString()!;
    }
}

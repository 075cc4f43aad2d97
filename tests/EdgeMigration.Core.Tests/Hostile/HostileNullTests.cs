using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using EdgeMigration.Core.Manifests;
using Xunit;
using static EdgeMigration.Tests.Hostile.Bounded;
using static EdgeMigration.Tests.Hostile.HostileText;

namespace EdgeMigration.Tests.Hostile;

/// <summary>A null in place of every value of a manifest, and of every value inside its createOptions.</summary>
public class HostileNullTests
{
    private const long Small = 8 * MiB;

    [Fact]
    public void ANullAnywhereGivesAManifestThatConvertsOrSaysThereIsNone()
    {
        var refused = new List<string>();
        var positions = JsonNodeEdits.DepthFirst(JsonNode.Parse(Manifest)!).Count();
        for (var position = 1; position < positions; position++)
        {
            var root = JsonNode.Parse(Manifest)!;
            var path = NullAt(root, position);
            var outcome = ReadAndConvert(root.ToJsonString(), Small);
            if (outcome.Error is not null)
            {
                refused.Add(path + ": " + outcome.Refused(ManifestErrorKind.NotAManifest).Message.Split(". Accepted")[0]);
                continue;
            }
            RuleTestKit.AssertIdempotent(outcome.Converted(), "*");
        }
        Assert.Equal(42, positions);
        Assert.Equal(new[]
        {
            "$.modulesContent: hostile.json: the JSON is not an IoT Edge manifest (no modulesContent, $edgeAgent or $edgeAgent desired properties found)",
        }, refused);
    }

    [Fact]
    public void ANullAnywhereInCreateOptionsGivesAManifestThatConverts()
    {
        var options = (string)JsonNode.Parse(Manifest)!["modulesContent"]!["$edgeAgent"]!["properties.desired"]!["modules"]!["Filter"]!["settings"]!["createOptions"]!;
        var positions = JsonNodeEdits.DepthFirst(JsonNode.Parse(options)!).Count();
        for (var position = 0; position < positions; position++)
        {
            var optionsRoot = JsonNode.Parse(options);
            var path = position == 0 ? "$" : NullAt(optionsRoot!, position);
            var root = JsonNode.Parse(Manifest)!;
            root["modulesContent"]!["$edgeAgent"]!["properties.desired"]!["modules"]!["Filter"]!["settings"]!["createOptions"] = position == 0 ? "null" : optionsRoot!.ToJsonString();

            var outcome = ReadAndConvert(root.ToJsonString(), Small);

            Assert.True(outcome.Error is null, path + ": " + outcome.Error);
            RuleTestKit.AssertIdempotent(outcome.Converted(), "*");
        }
        Assert.Equal(5, positions);
    }

    /// <summary>Replaces node number <paramref name="position"/> (depth first, not the root) by null; returns its path.</summary>
    private static string NullAt(JsonNode root, int position)
    {
        var node = JsonNodeEdits.DepthFirst(root).ElementAt(position)!;
        var path = node.GetPath();
        JsonNodeEdits.Replace(node, null);
        return path;
    }
}

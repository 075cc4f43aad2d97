using System.Collections.Generic;
using System.IO;
using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using NJsonSchema;
using Xunit;

namespace EdgeMigration.Tests.Conversion;

/// <summary>
/// The converted corpus validates against the official schemas (the ones the az CLI validates $edgeAgent and
/// $edgeHub with) wherever the input did: conversion never turns a deployable manifest into a rejected one.
/// </summary>
public class SchemaValidationTests
{
    private static readonly Dictionary<string, JsonSchema> Schemas = new();

    public static TheoryData<string> Manifests()
    {
        var data = new TheoryData<string>();
        foreach (var row in TestPaths.ValidCorpusFiles())
        {
            data.Add((string)row[0]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void ConvertedManifestValidatesWhereTheInputDid(string file)
    {
        ManifestDocument input;
        try
        {
            input = ManifestDocument.Load(TestPaths.CorpusFile(file));
        }
        catch (ManifestException)
        {
            return; // not a manifest (the corpus holds a few schemas); other tests pin that outcome
        }
        var output = ManifestConverter.Convert(input).Manifest;

        foreach (var (section, schemaName) in SectionsToValidate(input))
        {
            var before = Validate(input, section, schemaName);
            if (before.Count > 0)
            {
                continue;
            }
            var after = Validate(output, section, schemaName);
            Assert.True(after.Count == 0, $"{file} {section} against {schemaName}: {string.Join("; ", after)}");
        }
    }

    [Fact]
    public void TheSampleValidatesBeforeAndAfterConversion()
    {
        var input = ManifestDocument.Load(Path.Combine(TestPaths.Samples, "fpga-deployment.json"));
        var output = ManifestConverter.Convert(input).Manifest;
        foreach (var (section, schemaName) in SectionsToValidate(input))
        {
            Assert.Empty(Validate(input, section, schemaName));
            Assert.Empty(Validate(output, section, schemaName));
        }
        Assert.Equal(2, SectionsToValidate(input).Count());
    }

    /// <summary>$edgeAgent and $edgeHub desired properties of deployments (templates and layered deployments are not validated by the tools).</summary>
    private static IEnumerable<(string Section, string Schema)> SectionsToValidate(ManifestDocument manifest)
    {
        if (manifest.IsTemplate || manifest.IsLayered || manifest.ModulesContent is null)
        {
            yield break;
        }
        if (manifest.EdgeAgentSchemaVersion is "1.0" or "1.1")
        {
            yield return (ManifestDocument.EdgeAgent, $"azure-iot-edgeagent-deployment-{manifest.EdgeAgentSchemaVersion}.json");
        }
        var edgeHubSchemaVersion = EdgeModule.StringProperty(manifest.EdgeHubDesired, "schemaVersion");
        if (edgeHubSchemaVersion is "1.0" or "1.1" or "1.2")
        {
            yield return (ManifestDocument.EdgeHub, $"azure-iot-edgehub-deployment-{edgeHubSchemaVersion}.json");
        }
    }

    private static List<string> Validate(ManifestDocument manifest, string section, string schemaName)
    {
        // Each schema describes {"$edgeAgent": {...}} or {"$edgeHub": {...}}, as the az CLI validates them.
        var wrapped = new JObject();
        wrapped.Add(section, manifest.ModulesContent![section]!.DeepClone());
        return Schema(schemaName).Validate(wrapped.ToCompactJson()).Select(e => $"{e.Path}: {e.Kind}").ToList();
    }

    private static JsonSchema Schema(string name)
    {
        lock (Schemas)
        {
            if (!Schemas.TryGetValue(name, out var schema))
            {
                schema = JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(TestPaths.Reference, "schemas", name))).GetAwaiter().GetResult();
                Schemas[name] = schema;
            }
            return schema;
        }
    }
}

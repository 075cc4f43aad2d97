using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using Xunit;
using static EdgeMigration.Tests.SecretManifest;

namespace EdgeMigration.Tests.Secrets;

/// <summary>Registry passwords never show in a finding or a change, as written, JSON-escaped, or in part.</summary>
public class SecretRedactionTests
{
    [Fact]
    public void EveryValueUnderRegistryCredentialsIsASecretButTheUserNamesAndAddresses()
    {
        var manifest = ManifestDocument.Parse(Text);
        Assert.Equal(new[] { Password, Token }.OrderBy(s => s, System.StringComparer.Ordinal), manifest.Secrets.OrderBy(s => s, System.StringComparer.Ordinal));

        var layered = ManifestDocument.Parse("""
            {"content": {"modulesContent": {"$edgeAgent": {
              "properties.desired.runtime.settings.registryCredentials.acr": {"username": "u", "password": "p1-secret", "address": "a"},
              "properties.desired.runtime.settings.registryCredentials.b.password": "p2-secret",
              "properties.desired.runtime.settings.registryCredentials.b.username": "u2",
              "properties.desired.modules.m": {"type": "docker", "settings": {"image": "m:1"}}}}}}
            """);
        Assert.Equal(new[] { "p1-secret", "p2-secret" }, layered.Secrets.OrderBy(s => s, System.StringComparer.Ordinal));
    }

    [Fact]
    public void NoFindingOrChangeShowsAPasswordAsWrittenEscapedOrInPart()
    {
        var result = ManifestConverter.Convert(ManifestDocument.Parse(Text));
        var texts = Texts(RuleEngine.Check(ManifestDocument.Parse(Text)))
            .Concat(Texts(result.RemainingFindings))
            .Concat(result.Changes.SelectMany(c => new[] { c.Location, c.ManifestPath, c.Before ?? "", c.After ?? "", c.Description }))
            .ToList();

        Assert.Empty(Leaks(texts));
        // The rules did quote the values: masked.
        Assert.Contains(texts, t => t.Contains("--password ******** now"));
        Assert.Contains(result.Changes, c => c.RuleId == "O4" && c.After == "\"Acr__Password=********\"");
        Assert.Contains(texts, t => t.Contains("u********\") is not read by the GPU device's agent"));
    }

    [Fact]
    public void AChangeDescriptionThatQuotesASettingHidesThePasswordInIt()
    {
        var manifest = ManifestDocument.Parse("""
            {"modulesContent": {"$edgeAgent": {"properties.desired": {"schemaVersion": "1.1",
              "runtime": {"type": "docker", "settings": {"registryCredentials": {"acr": {"username": "u", "password": "Hunter2Secret", "address": "a"}}}},
              "modules": {"m": {"type": "docker", "settings": {"image": "m:1", "createOptions": "{\"HostConfig\":{\"Binds\":[\"/Hunter2Secret:/x\"]}}"}}}}}}}
            """);

        var result = ManifestConverter.Convert(manifest);

        Assert.Contains(result.Changes, c => c.Description.Contains("/********:/x", System.StringComparison.Ordinal));
        Assert.DoesNotContain(result.Changes, c => c.Description.Contains("Hunter2Secret", System.StringComparison.Ordinal));
    }

    /// <summary>
    /// A short password is masked where it stands as a value of its own, not inside other words: with the password "edge",
    /// "Logging__Level=edge" is masked, but edgeHub, edgeAgent and every other "edge" of the texts stay as written.
    /// </summary>
    [Fact]
    public void AShortPasswordIsMaskedAsAValueNotInsideOtherWords()
    {
        var manifest = ManifestDocument.Parse("""
            {"modulesContent": {"$edgeAgent": {"properties.desired": {"schemaVersion": "1.1",
              "runtime": {"type": "docker", "settings": {"registryCredentials": {"acr": {"username": "u", "password": "edge", "address": "a"}}}},
              "modules": {"m": {"type": "docker", "settings": {"image": "m:1", "createOptions": "{\"Env\":[\"Logging:Level=edge\"],\"HostConfig\":{\"NetworkMode\":\"host\"}}"}}}}},
              "$edgeHub": {"properties.desired": {"schemaVersion": "1.1", "routes": {}}}}}
            """);

        var result = ManifestConverter.Convert(manifest);
        var texts = Texts(RuleEngine.Check(ManifestDocument.Parse(manifest.ToJson()))).Concat(result.Changes.Select(c => c.After ?? "")).ToList();

        Assert.Contains(result.Changes, c => c.RuleId == "O4" && c.After == "\"Logging__Level=********\"");
        Assert.Contains(texts, t => t.Contains("edgeHub", System.StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("********Hub", System.StringComparison.Ordinal) || t.Contains("=edge\"", System.StringComparison.Ordinal));
    }

    private static IEnumerable<string> Texts(IEnumerable<Finding> findings) =>
        findings.SelectMany(f => new[] { f.Message, f.Recommendation, f.Location, f.ManifestPath });
}

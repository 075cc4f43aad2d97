using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using Xunit;

namespace EdgeMigration.Tests.Secrets;

/// <summary>Registry passwords never show in a finding or a change, as written, JSON-escaped, or in part.</summary>
public class SecretRedactionTests
{
    /// <summary>A quote, a backslash and a non-ASCII letter: JSON escapes it differently in every place it is written.</summary>
    public const string Password = "Pa\"ss\\wörd-7Q2x9Lk";

    public const string Token = "eyJhbGciOi-identity-token";

    /// <summary>
    /// A manifest whose modules also carry the password where rules quote settings back: a Cmd string (O3), an Env
    /// entry that O4 renames, a setting K1 shortens, a no_proxy value P2 shows.
    /// </summary>
    public static string Manifest()
    {
        string Quote(string s) => JsonTreeWriter.Quote(s);
        var options = "{\"Cmd\": " + Quote("login --password " + Password + " now") +
                      ", \"Env\": [" + Quote("Acr:Password=" + Password) + "]" +
                      ", \"User\": " + Quote(new string('u', 70) + Password) +
                      ", \"HostConfig\": {\"Dns\": [" + Quote(Password) + "]}}";
        return """
            {"modulesContent": {
              "$edgeAgent": {"properties.desired": {"schemaVersion": "1.0",
                "runtime": {"type": "docker", "settings": {"registryCredentials": {
                  "acr": {"username": "contoso", "password": @PASSWORD@, "address": "contoso.azurecr.io"},
                  "other": {"Username": "svc", "identityToken": @TOKEN@, "Address": "other.azurecr.io"}}}},
                "modules": {"filter": {"type": "docker", "env": {"https_proxy": {"value": "http://proxy:3128"}, "no_proxy": {"value": @PASSWORD@}},
                  "settings": {"image": "contoso.azurecr.io/filter:1", "createOptions": @OPTIONS@}}}}},
              "$edgeHub": {"properties.desired": {"schemaVersion": "1.0", "routes": {}}}}}
            """.Replace("@PASSWORD@", Quote(Password)).Replace("@TOKEN@", Quote(Token)).Replace("@OPTIONS@", Quote(options));
    }

    [Fact]
    public void EveryValueUnderRegistryCredentialsIsASecretButTheUserNamesAndAddresses()
    {
        var manifest = ManifestDocument.Parse(Manifest());
        Assert.Equal(new[] { Password, Token }.OrderBy(s => s, System.StringComparer.Ordinal), manifest.Secrets.OrderBy(s => s, System.StringComparer.Ordinal));

        var layered = ManifestDocument.Parse("""
            {"content": {"modulesContent": {"$edgeAgent": {
              "properties.desired.runtime.settings.registryCredentials.acr": {"username": "u", "password": "p1-secret", "address": "a"},
              "properties.desired.runtime.settings.registryCredentials.b.password": "p2-secret",
              "properties.desired.runtime.settings.registryCredentials.b.username": "u2",
              "properties.desired.modules.m": {"type": "docker", "settings": {"image": "m:1"}}}}}}
            """);
        Assert.Equal(new[] { "p1-secret", "p2-secret" }, layered.Secrets.OrderBy(s => s));
    }

    [Fact]
    public void NoFindingOrChangeShowsAPasswordAsWrittenEscapedOrInPart()
    {
        var result = ManifestConverter.Convert(ManifestDocument.Parse(Manifest()));
        var texts = Texts(RuleEngine.Check(ManifestDocument.Parse(Manifest())))
            .Concat(Texts(result.RemainingFindings))
            .Concat(result.Changes.SelectMany(c => new[] { c.Location, c.ManifestPath, c.Before ?? "", c.After ?? "", c.Description }))
            .ToList();

        foreach (var secret in new[] { Password, Token, JsonTreeWriter.Quote(Password).Trim('"') })
        {
            var pieces = Enumerable.Range(0, secret.Length - 5).Select(i => secret.Substring(i, 6)).ToList();
            Assert.DoesNotContain(texts, t => pieces.Any(p => t.Contains(p, System.StringComparison.Ordinal)));
        }
        // The rules did quote the values: masked.
        Assert.Contains(texts, t => t.Contains("--password ******** now"));
        Assert.Contains(result.Changes, c => c.RuleId == "O4" && c.After == "\"Acr__Password=********\"");
        Assert.Contains(texts, t => t.Contains("u********\") is not read by the GPU device's agent"));
    }

    private static IEnumerable<string> Texts(IEnumerable<Finding> findings) =>
        findings.SelectMany(f => new[] { f.Message, f.Recommendation, f.Location, f.ManifestPath });
}

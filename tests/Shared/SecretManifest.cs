using System.Collections.Generic;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EdgeMigration.Tests;

/// <summary>
/// A manifest whose registry credentials also turn up where rules quote settings back: a Cmd string (O3), an Env
/// entry that O4 renames, a long setting K1 shortens, DNS servers K1 lists, a no_proxy value P2 shows.
/// </summary>
public static class SecretManifest
{
    /// <summary>A quote, a backslash and a non-ASCII letter: JSON escapes it differently in every place it is written.</summary>
    public const string Password = "Pa\"ss\\wörd-7Q2x9Lk";

    public const string Token = "eyJhbGciOi-identity-token";

    public static string Text
    {
        get
        {
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
    }

    /// <summary>
    /// A manifest whose password is part of setting names, which the Kubernetes preview shows as keys and locations:
    /// an extended resource requested without a limit (the agent refuses it), a label, an environment variable; and in a bind.
    /// </summary>
    public static string NamingText
    {
        get
        {
            var options = "{\"Env\": [" + Quote("X_" + Password + "=1") + "]" +
                          ", \"Labels\": {" + Quote(Password) + ": \"v\"}" +
                          ", \"HostConfig\": {\"Binds\": [" + Quote("/srv/" + Password + ".conf:/etc/app.conf") + "]}" +
                          ", \"k8s-experimental\": {\"resources\": {\"requests\": {" + Quote("contoso.com/" + Password) + ": 1}}}}";
            return """
                {"modulesContent": {
                  "$edgeAgent": {"properties.desired": {"schemaVersion": "1.0",
                    "runtime": {"type": "docker", "settings": {"registryCredentials": {
                      "acr": {"username": "contoso", "password": @PASSWORD@, "address": "contoso.azurecr.io"}}}},
                    "modules": {"leak": {"type": "docker", "settings": {"image": "contoso.azurecr.io/leak:1", "createOptions": @OPTIONS@}}}}},
                  "$edgeHub": {"properties.desired": {"schemaVersion": "1.0", "routes": {}}}}}
                """.Replace("@PASSWORD@", Quote(Password)).Replace("@OPTIONS@", Quote(options));
        }
    }

    /// <summary>Every six-character piece of each secret, as written and JSON-escaped: finding one is a (partial) leak.</summary>
    public static IReadOnlyList<string> Pieces { get; } = new[] { Password, Token, Escaped(Password) }
        .SelectMany(secret => Enumerable.Range(0, secret.Length - 5).Select(i => secret.Substring(i, 6)))
        .Distinct()
        .ToList();

    /// <summary>The texts among <paramref name="texts"/> that show any piece of a secret.</summary>
    public static IEnumerable<string> Leaks(IEnumerable<string> texts) =>
        texts.Where(text => Pieces.Any(piece => text.Contains(piece, System.StringComparison.Ordinal)));

    private static string Escaped(string text) => JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();

    private static string Quote(string text) => "\"" + Escaped(text) + "\"";
}

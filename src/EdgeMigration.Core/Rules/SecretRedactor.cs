using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules;

/// <summary>
/// Registry passwords never leave the module: any text that would show one shows a mask instead, whether the
/// password appears as written or JSON-escaped (inside a createOptions string, a change's Before and After).
/// </summary>
public static class SecretRedactor
{
    public const string Mask = "********";

    public static string Redact(string text, IReadOnlyCollection<string> secrets)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        foreach (var form in secrets is SecretSet set ? set.Spellings(SpellingsLongestFirst) : SpellingsLongestFirst(secrets))
        {
            if (text.IndexOf(form, StringComparison.Ordinal) >= 0)
            {
                text = text.Replace(form, Mask);
            }
        }
        return text;
    }

    /// <summary>The finding with every text redacted; the finding itself when none shows a secret (most do not).</summary>
    public static Finding Redact(Finding finding, IReadOnlyCollection<string> secrets)
    {
        if (secrets.Count == 0)
        {
            return finding;
        }
        var message = Redact(finding.Message, secrets);
        var recommendation = Redact(finding.Recommendation, secrets);
        var location = Redact(finding.Location, secrets);
        var manifestPath = Redact(finding.ManifestPath, secrets);
        return ReferenceEquals(message, finding.Message) && ReferenceEquals(recommendation, finding.Recommendation)
            && ReferenceEquals(location, finding.Location) && ReferenceEquals(manifestPath, finding.ManifestPath)
            ? finding
            : finding with { Message = message, Recommendation = recommendation, Location = location, ManifestPath = manifestPath };
    }

    /// <summary>A copy of <paramref name="node"/> with every string redacted; the node itself when there is nothing to hide.</summary>
    public static JNode Redact(JNode node, IReadOnlyCollection<string> secrets)
    {
        if (secrets.Count == 0)
        {
            return node;
        }
        switch (node)
        {
            case JObject obj:
                var copy = new JObject();
                foreach (var member in obj.Members)
                {
                    copy.Add(member.Name, Redact(member.Value, secrets));
                }
                return copy;
            case JArray array:
                return new JArray(array.Select(item => Redact(item, secrets)));
            case JValue { Kind: JValueKind.String } text:
                return JValue.String(Redact(text.Text, secrets));
            default:
                return node;
        }
    }

    /// <summary>Each spelling once: most passwords have nothing to escape, and all three of their spellings are the same.</summary>
    private static string[] SpellingsLongestFirst(IReadOnlyCollection<string> secrets) =>
        secrets.SelectMany(Spellings).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(f => f.Length).ToArray();

    /// <summary>The secret as written, and as JSON writes it with either escaping the module uses.</summary>
    private static IEnumerable<string> Spellings(string secret)
    {
        yield return secret;
        yield return JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
        yield return JsonEncodedText.Encode(secret, JavaScriptEncoder.Default).ToString();
    }
}

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
                text = form.Length >= MinimumNameSpelling ? text.Replace(form, Mask) : ReplaceWhole(text, form);
            }
        }
        return text;
    }

    /// <summary>
    /// <paramref name="text"/> with each occurrence of a short password that is not part of a longer word masked: a
    /// password "edge" is masked in "Password=edge;" but leaves "edgeHub" as it is, and "p" leaves every other "p".
    /// </summary>
    private static string ReplaceWhole(string text, string form)
    {
        System.Text.StringBuilder? masked = null;
        var copied = 0;
        for (var at = text.IndexOf(form, StringComparison.Ordinal); at >= 0; at = text.IndexOf(form, at + form.Length, StringComparison.Ordinal))
        {
            var end = at + form.Length;
            if ((at > 0 && IsWordCharacter(text[at - 1]) && IsWordCharacter(form[0])) ||
                (end < text.Length && IsWordCharacter(text[end]) && IsWordCharacter(form[form.Length - 1])))
            {
                continue;
            }
            (masked ??= new System.Text.StringBuilder(text.Length)).Append(text, copied, at - copied).Append(Mask);
            copied = end;
        }
        return masked is null ? text : masked.Append(text, copied, text.Length - copied).ToString();
    }

    private static bool IsWordCharacter(char c) => c < 128 && char.IsLetterOrDigit(c);

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

    /// <summary>
    /// A copy of <paramref name="node"/> with every string and every member name redacted (a setting can be named by
    /// a password: an extended resource <c>contoso.com/&lt;password&gt;</c>); the node itself when there is nothing to hide.
    /// </summary>
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
                    copy.Add(Redact(member.Name, secrets), Redact(member.Value, secrets));
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

    private const int MinimumNameSpelling = 6;

    /// <summary>The ASCII letters and digits of <paramref name="secret"/>, and the punctuation <paramref name="keep"/> keeps.</summary>
    private static string NameCharacters(string secret, Func<char, bool> keep) =>
        new string(secret.Where(c => c < 128 && (char.IsLetterOrDigit(c) || keep(c))).ToArray());

    /// <summary>Each spelling once: most passwords have nothing to escape, and all three of their spellings are the same.</summary>
    private static string[] SpellingsLongestFirst(IReadOnlyCollection<string> secrets) =>
        secrets.SelectMany(Spellings).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(f => f.Length).ToArray();

    /// <summary>
    /// The secret as written, as JSON writes it with either escaping the module uses, and as a location names a key
    /// holding it (<c>requests['contoso.com/&lt;password&gt;']</c>, see <see cref="JsonPath.Bracketed"/>).
    /// </summary>
    private static IEnumerable<string> Spellings(string secret)
    {
        yield return secret;
        yield return JsonPath.Bracketed(secret);
        // The Kubernetes preview names volumes, annotations and labels after settings (a bind's host path, a label key),
        // keeping only what a name may hold, some lower-cased: what remains of a password there is still the password.
        // Shorter remains are too common to mask without masking unrelated text.
        foreach (var name in new[] { NameCharacters(secret, c => c is '-' or '.' or '_'), NameCharacters(secret, c => c == '-') })
        {
            if (name.Length >= MinimumNameSpelling)
            {
                yield return name;
                yield return name.ToLowerInvariant();
            }
        }
        yield return JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
        yield return JsonEncodedText.Encode(secret, JavaScriptEncoder.Default).ToString();
    }
}

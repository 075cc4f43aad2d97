using System;
using System.Collections.Generic;

namespace EdgeMigration.Core.Rules;

/// <summary>Registry passwords never leave the module: any text that would show one shows a mask instead.</summary>
public static class SecretRedactor
{
    public const string Mask = "********";

    public static string Redact(string text, IReadOnlyCollection<string> secrets)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        foreach (var secret in secrets)
        {
            if (secret.Length > 0 && text.IndexOf(secret, StringComparison.Ordinal) >= 0)
            {
                text = text.Replace(secret, Mask);
            }
        }
        return text;
    }

    public static Finding Redact(Finding finding, IReadOnlyCollection<string> secrets) =>
        secrets.Count == 0
            ? finding
            : finding with
            {
                Message = Redact(finding.Message, secrets),
                Recommendation = Redact(finding.Recommendation, secrets),
                Location = Redact(finding.Location, secrets),
                ManifestPath = Redact(finding.ManifestPath, secrets),
            };
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace EdgeMigration.Infrastructure;

/// <summary>Completions of a hashtable parameter from the pairs a manifest suggests: all of them together first, then each alone.</summary>
internal static class HashtableCompletions
{
    public static IEnumerable<CompletionResult> Of(IReadOnlyList<KeyValuePair<string, string>> pairs, string? wordToComplete, string toolTip)
    {
        var typed = (wordToComplete ?? "").Trim();
        var each = pairs.Select(pair => (IReadOnlyList<KeyValuePair<string, string>>)new[] { pair });
        var choices = pairs.Count > 1 ? new[] { pairs }.Concat(each) : each;
        return choices
            .Select(Literal)
            .Where(text => text.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || "@{".StartsWith(typed, StringComparison.Ordinal))
            .Select(text => new CompletionResult(text, text, CompletionResultType.ParameterValue, toolTip))
            .ToList();
    }

    private static string Literal(IEnumerable<KeyValuePair<string, string>> pairs) =>
        "@{ " + string.Join("; ", pairs.Select(pair => $"'{Escape(pair.Key)}' = '{Escape(pair.Value)}'")) + " }";

    private static string Escape(string text) => text.Replace("'", "''");
}

using System.Collections.Generic;
using System.Linq;

namespace EdgeMigration.Core.Rules;

/// <summary>Items as a sentence lists them: "a", "a and b", "a, b and c".</summary>
internal static class ProseList
{
    public static string Joined(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[items.Count - 1];
}

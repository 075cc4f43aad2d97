using System;
using System.Collections.Generic;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules;

/// <summary>Edits of createOptions that several fixes make, each recorded in the change log.</summary>
internal static class RecordedEdits
{
    /// <summary>
    /// Removes the entries <paramref name="indexes"/> (in ascending order) of the array
    /// <paramref name="owner"/>.<paramref name="arrayName"/> (at <paramref name="arrayLocation"/>), each change recorded in
    /// that order at the place the entry has in the manifest as written (<paramref name="describe"/> is given its position
    /// in <paramref name="indexes"/>); an array left empty is removed as well, as one change, as S1 records its Binds.
    /// </summary>
    public static void RemoveEntries(ConversionContext context, MigrationRule rule, EdgeModule module,
        JObject owner, string arrayName, string arrayLocation, IReadOnlyList<int> indexes, Func<int, string> describe)
    {
        var member = owner.FindIgnoreCase(arrayName)!;
        var array = (JArray)member.Value;
        if (indexes.Count == array.Count)
        {
            owner.Remove(member);
            var descriptions = new string[indexes.Count];
            for (var i = 0; i < indexes.Count; i++)
            {
                descriptions[i] = describe(i);
            }
            context.Record(rule, module, arrayLocation, array, null, string.Join(" ", descriptions) + " " + member.Name + " had no other entry and is removed.");
            return;
        }
        // From the last, so that the indexes of the ones still to go stay right; recorded top to bottom, as users read them.
        context.KeepIndexesAsWritten(array);
        var removed = new JNode[indexes.Count];
        for (var i = indexes.Count - 1; i >= 0; i--)
        {
            removed[i] = array[indexes[i]];
            array.RemoveAt(indexes[i]);
        }
        for (var i = 0; i < indexes.Count; i++)
        {
            // Where the user wrote it: an earlier fix may have removed entries before it (K15's Env entries before R1's).
            context.Record(rule, module, JsonPath.Index(arrayLocation, context.IndexAsWritten(removed[i], indexes[i])), removed[i], null, describe(i));
        }
    }
}

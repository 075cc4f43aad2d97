using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules;

/// <summary>Edits of createOptions that several fixes make, each recorded in the change log.</summary>
internal static class RecordedEdits
{
    /// <summary>
    /// Removes entry <paramref name="index"/> of the array <paramref name="owner"/>.<paramref name="arrayName"/>
    /// (at <paramref name="arrayLocation"/>); an array left empty is removed as well, as one change.
    /// </summary>
    public static void RemoveEntry(ConversionContext context, MigrationRule rule, EdgeModule module,
        JObject owner, string arrayName, string arrayLocation, int index, string description)
    {
        var member = owner.FindIgnoreCase(arrayName)!;
        var array = (JArray)member.Value;
        if (array.Count == 1)
        {
            owner.Remove(member);
            context.Record(rule, module, arrayLocation, array, null, description + " " + member.Name + " had no other entry and is removed.");
            return;
        }
        var entry = array[index];
        array.RemoveAt(index);
        context.Record(rule, module, JsonPath.Index(arrayLocation, index), entry, null, description);
    }
}

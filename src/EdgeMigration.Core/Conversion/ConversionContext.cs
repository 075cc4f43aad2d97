using System.Collections.Generic;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using EdgeMigration.Core.Rules.Other;

namespace EdgeMigration.Core.Conversion;

/// <summary>What a rule's fix works on: the manifest being converted (a copy), the user's options, and the change log.</summary>
public sealed class ConversionContext
{
    private readonly List<Change> _changes = new();

    internal ConversionContext(ManifestDocument manifest, ConversionOptions options)
    {
        Manifest = manifest;
        Options = options;
    }

    public ManifestDocument Manifest { get; }
    public ConversionOptions Options { get; }
    public IReadOnlyList<Change> Changes => _changes;

    /// <summary>Old id → new id of every module the conversion renamed, or whose references it renamed (O2's fix sets it).</summary>
    internal IReadOnlyDictionary<string, string> ModuleRenames { get; set; } = new Dictionary<string, string>();

    /// <summary>The user's renames that leave a module without a device name of its own (O2's fix sets them).</summary>
    internal IReadOnlyList<ModuleNameConflict> NameMapConflicts { get; set; } = System.Array.Empty<ModuleNameConflict>();

    /// <summary>Where each entry of an array a fix removes entries from stood as the user wrote it (JNode: reference equality).</summary>
    private Dictionary<JNode, int>? _indexesAsWritten;

    /// <summary>
    /// Keeps where each entry of <paramref name="array"/> stands before a fix first removes entries from it, so that a later
    /// fix describes an entry where the user wrote it (S3's Binds[3]), not where the removals left it (Binds[1]).
    /// </summary>
    internal void KeepIndexesAsWritten(JArray array)
    {
        _indexesAsWritten ??= new Dictionary<JNode, int>();
        for (var i = 0; i < array.Count; i++)
        {
            if (!_indexesAsWritten.ContainsKey(array[i]))
            {
                _indexesAsWritten[array[i]] = i;
            }
        }
    }

    /// <summary>
    /// Where <paramref name="entry"/>, now at <paramref name="index"/> and replaced by <paramref name="replacement"/>, stood as
    /// the user wrote it; the replacement stands there too from now on, for fixes after this one.
    /// </summary>
    internal int EntryReplaced(JNode entry, int index, JNode replacement)
    {
        var written = IndexAsWritten(entry, index);
        if (_indexesAsWritten is not null)
        {
            _indexesAsWritten[replacement] = written;
        }
        return written;
    }

    /// <summary>Where <paramref name="entry"/>, now at <paramref name="index"/>, stood as the user wrote it.</summary>
    internal int IndexAsWritten(JNode entry, int index) =>
        _indexesAsWritten is not null && _indexesAsWritten.TryGetValue(entry, out var written) ? written : index;

    /// <summary>Records a change; before/after are the JSON values (null for added/removed).</summary>
    public void Record(MigrationRule rule, EdgeModule? module, string location, JNode? before, JNode? after, string description, bool inDefinition = false)
    {
        _changes.Add(new Change
        {
            ModuleName = module?.Name,
            RuleId = rule.Id,
            Location = location,
            ManifestPath = module?.PathOf(location, inDefinition) ?? location,
            Before = before is null ? null : SecretRedactor.Redact(before.ToCompactJson(), Manifest.Secrets),
            After = after is null ? null : SecretRedactor.Redact(after.ToCompactJson(), Manifest.Secrets),
            // A description may quote a setting (a bind) that holds a registry password.
            Description = SecretRedactor.Redact(description, Manifest.Secrets),
        });
    }
}

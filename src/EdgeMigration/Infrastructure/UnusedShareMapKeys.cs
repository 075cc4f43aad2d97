using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Linq;
using System.Management.Automation;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules.Storage;

namespace EdgeMigration.Infrastructure;

/// <summary>
/// -ShareMap entries that no bind of the manifests read stands under: named in one warning at the end, since a fleet
/// shares one map and an entry is a mistake (a typo, the wrong case) only when no manifest uses it. Manifests are
/// read on several threads.
/// </summary>
internal sealed class UnusedShareMapKeys
{
    private readonly ShareMapping _shares;

    /// <summary>Each unused key as the map holds it, and as the user wrote it.</summary>
    private readonly ConcurrentDictionary<string, string> _unused = new(StringComparer.Ordinal);

    private volatile bool _read;

    public UnusedShareMapKeys(Hashtable? shareMap, ShareMapping shares)
    {
        _shares = shares;
        foreach (var key in HashtableParameters.ToStringMap(shareMap).Keys)
        {
            _unused[ShareMapping.KeyOf(key)] = key;
        }
    }

    /// <summary>Takes off the keys <paramref name="manifest"/>'s binds use; before a conversion changes its binds.</summary>
    public void Record(ManifestDocument manifest)
    {
        _read = true;
        if (_unused.IsEmpty)
        {
            return;
        }
        foreach (var key in _shares.KeysUsedBy(manifest))
        {
            _unused.TryRemove(key, out _);
        }
    }

    public void WarnOfUnused(Cmdlet cmdlet)
    {
        if (_read && !_unused.IsEmpty)
        {
            var keys = _unused.Values.OrderBy(k => k, StringComparer.Ordinal).Select(k => "'" + k + "'").ToList();
            cmdlet.WriteWarning($"-ShareMap: no bind of the manifests read is {string.Join(" or ", keys)} or below it, so {(keys.Count == 1 ? "that entry" : "those entries")} did nothing. " +
                "Keys are host paths or Docker volume names, and case matters.");
        }
    }
}

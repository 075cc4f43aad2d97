using System;
using System.Collections;
using System.Collections.Generic;

namespace EdgeMigration.Core.Manifests;

/// <summary>
/// A manifest's registry passwords, fixed once read. Every finding and change is redacted with them, so the
/// spellings the redactor looks for (as written and JSON-escaped) are worked out once per manifest and kept here.
/// </summary>
internal sealed class SecretSet : IReadOnlyCollection<string>
{
    private readonly HashSet<string> _secrets;
    private string[]? _spellings;

    public SecretSet(HashSet<string> secrets)
    {
        _secrets = secrets;
    }

    public int Count => _secrets.Count;

    /// <summary>The spellings <paramref name="spell"/> gives for this set, computed the first time they are asked for.</summary>
    public string[] Spellings(Func<IReadOnlyCollection<string>, string[]> spell) => _spellings ??= spell(this);

    public IEnumerator<string> GetEnumerator() => _secrets.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

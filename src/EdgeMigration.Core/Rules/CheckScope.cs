using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules;

/// <summary>
/// What the rules read from each module (its ports, its binds, its variables), and each rule's findings, made once per
/// check. Nothing edits a manifest while <see cref="RuleEngine.Check"/> runs, and some twenty rules ask for the same
/// views of every module; outside a check (fixes, the Kubernetes preview) every read is fresh. The scope belongs to the
/// thread that runs the check, so checks on other threads never see it.
/// </summary>
internal sealed class CheckScope : IDisposable
{
    [ThreadStatic]
    private static CheckScope? _current;

    private readonly CheckScope? _outer;
    /// <summary>Each module's views by key (dictionaries of references only, whose code the runtime has ready).</summary>
    private readonly Dictionary<EdgeModule, Dictionary<object, object?>> _views = new();

    /// <summary>Each rule's findings in this check, for the rule that judges from other rules' (K19).</summary>
    private readonly Dictionary<MigrationRule, IReadOnlyList<Finding>> _findings = new();

    private CheckScope(CheckScope? outer)
    {
        _outer = outer;
    }

    /// <summary>Starts a scope on this thread, ended by <see cref="Dispose"/>.</summary>
    public static CheckScope Begin() => _current = new CheckScope(_current);

    public void Dispose() => _current = _outer;

    /// <summary>
    /// The findings of <paramref name="rule"/> on <paramref name="manifest"/>, with <paramref name="settings"/> (the
    /// check's): made once in a check, every time outside one.
    /// </summary>
    public static IReadOnlyList<Finding> FindingsOf(MigrationRule rule, ManifestDocument manifest, CheckSettings settings)
    {
        var scope = _current;
        if (scope is not null && scope._findings.TryGetValue(rule, out var made))
        {
            return made;
        }
        var found = rule.Check(manifest, settings);
        var findings = found as IReadOnlyList<Finding> ?? found.ToList();
        if (scope is not null)
        {
            scope._findings[rule] = findings;
        }
        return findings;
    }

    /// <summary>
    /// The view of <paramref name="module"/> that <paramref name="read"/> gives with <paramref name="key"/> (which names
    /// the view and anything it depends on besides the module): read once in a check, every time outside one.
    /// </summary>
    public static T Read<TKey, T>(EdgeModule module, TKey key, Func<EdgeModule, TKey, T> read) where TKey : notnull
    {
        var scope = _current;
        if (scope is null)
        {
            return read(module, key);
        }
        if (!scope._views.TryGetValue(module, out var views))
        {
            scope._views[module] = views = new Dictionary<object, object?>();
        }
        if (views.TryGetValue(key, out var cached))
        {
            return (T)cached!;
        }
        var view = read(module, key);
        views[key] = view;
        return view;
    }
}

using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using EdgeMigration.Core.Rules.Other;

namespace EdgeMigration.Core.Conversion;

/// <summary>The result of converting one manifest: the new document, every change, and what could not be fixed.</summary>
public sealed class ConversionResult
{
    internal ConversionResult(ManifestDocument manifest, IReadOnlyList<Change> changes, IReadOnlyList<Finding> remaining,
        IReadOnlyDictionary<string, string> moduleRenames, IReadOnlyList<ModuleNameConflict> nameMapConflicts)
    {
        Manifest = manifest;
        Changes = changes;
        RemainingFindings = remaining;
        ModuleRenames = moduleRenames;
        NameMapConflicts = nameMapConflicts;
    }

    public ManifestDocument Manifest { get; }
    public IReadOnlyList<Change> Changes { get; }
    public IReadOnlyList<Finding> RemainingFindings { get; }

    /// <summary>
    /// Old id → new id of every module renamed (O2), with the modules of other deployments whose references a layered
    /// deployment's routes and module twin sections follow.
    /// </summary>
    public IReadOnlyDictionary<string, string> ModuleRenames { get; }

    /// <summary>
    /// The renames of <see cref="ConversionOptions.ModuleNameMap"/> that leave two modules one name on the device, or take
    /// the name of a module the map does not name: the converted manifest cannot be deployed as the user meant it.
    /// </summary>
    public IReadOnlyList<ModuleNameConflict> NameMapConflicts { get; }
}

/// <summary>
/// Rewrites a manifest for the GPU device by applying each selected rule's fix, in catalog order;
/// then writes createOptions back in the input's encoding and checks the result again with every rule.
/// Changes and remaining findings are reported in module order.
/// </summary>
public static class ManifestConverter
{
    /// <summary>Converts a copy of <paramref name="source"/>, which stays as it was.</summary>
    public static ConversionResult Convert(ManifestDocument source, ConversionOptions? options = null) =>
        ConvertInPlace(source.Clone(), options);

    /// <summary>
    /// Converts <paramref name="manifest"/> itself: for a caller that has just read the document and holds the only
    /// reference to it, so the copy <see cref="Convert"/> makes would be one more write and parse for nothing.
    /// </summary>
    public static ConversionResult ConvertInPlace(ManifestDocument manifest, ConversionOptions? options = null)
    {
        options ??= new ConversionOptions();
        // Changes name modules by the ids they had before O2's fix renamed them.
        var moduleNames = ModuleOrder.NamesOf(manifest);
        var context = new ConversionContext(manifest, options);
        foreach (var rule in options.Rules.Apply(RuleCatalog.All).Where(r => r.CanFix))
        {
            rule.Fix(context);
        }
        // Also reads the modules again under the ids O2, the last fix, gave them.
        manifest.CommitAndRefresh();
        // Every rule, not only those whose fixes were chosen: a fix left out leaves its findings, and the result must say
        // so (Compatible is false while an error remains).
        var remaining = RuleEngine.Check(manifest, settings: CheckSettings.ForConversion(options));
        // Module by module, as findings come, rather than rule by rule as the fixes ran.
        var changes = ModuleOrder.Sort(moduleNames, context.Changes, c => c.ModuleName);
        return new ConversionResult(manifest, changes, remaining, context.ModuleRenames, context.NameMapConflicts);
    }
}

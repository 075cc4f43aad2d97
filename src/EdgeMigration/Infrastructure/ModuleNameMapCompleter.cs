using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Rules;

namespace EdgeMigration.Infrastructure;

/// <summary>
/// Tab completion of ConvertTo-GpuEdgeManifest -ModuleNameMap: a hashtable of the module ids that the manifest in -Path
/// would have renamed (rule O2, with the references of a layered deployment to other deployments' modules), each mapped
/// to the id O2 would give it, first all together and then one by one, for the user to change.
/// </summary>
public sealed class ModuleNameMapCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        // O2's own renames, as a conversion of the documents read for completion makes them.
        var renames = CompletionManifests.Read(fakeBoundParameters)
            .SelectMany(manifest => ManifestConverter.ConvertInPlace(manifest, new ConversionOptions { Rules = new RuleSelection(new[] { "O2" }, null) }).ModuleRenames)
            .GroupBy(rename => rename.Key, StringComparer.Ordinal)
            .Select(group => group.First())
            .ToList();
        return HashtableCompletions.Of(renames, wordToComplete, "Module id = the id rule O2 gives it; change the new ids as you like.");
    }
}

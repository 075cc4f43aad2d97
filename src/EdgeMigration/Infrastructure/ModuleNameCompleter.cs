using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace EdgeMigration.Infrastructure;

/// <summary>Tab completion of module ids (Get-EdgeModule -Name, Test-EdgeModuleCompatibility and ConvertTo-EdgeKubernetesManifest -ModuleName) from the manifest in -Path or -LiteralPath, with the image as tooltip.</summary>
public sealed class ModuleNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var typed = (wordToComplete ?? "").Trim('\'', '"');
        var pattern = new WildcardPattern(typed + "*", WildcardOptions.IgnoreCase);
        return CompletionManifests.Read(fakeBoundParameters)
            .SelectMany(manifest => manifest.Modules)
            .Where(module => pattern.IsMatch(module.Name))
            .GroupBy(module => module.Name)
            .Select(group => group.First())
            // In manifest order but for a whole id typed, which comes first: Tab puts the first one offered in place of the word.
            // Ids may differ only in case (Web and web are two modules): the one typed exactly comes before the others.
            .OrderBy(module => module.Name == typed ? 0 : string.Equals(module.Name, typed, System.StringComparison.OrdinalIgnoreCase) ? 1 : 2)
            .Select(module => new CompletionResult(Quoted(module.Name), module.Name, CompletionResultType.ParameterValue,
                string.IsNullOrEmpty(module.Image) ? module.Name : $"{module.Name}: {module.Image}"))
            .ToList();
    }

    /// <summary>Module ids may hold characters the parser reads specially ($, spaces…): quote those.</summary>
    internal static string Quoted(string text) =>
        text.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.') ? text : "'" + text.Replace("'", "''") + "'";
}

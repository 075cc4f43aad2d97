using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using EdgeMigration.Core;
using EdgeMigration.Core.Rules;

namespace EdgeMigration.Infrastructure;

/// <summary>
/// Tab completion of rule ids for -Rule, -ExcludeRule and Get-EdgeMigrationRule -Id, with the title as tooltip: the ids
/// the word typed so far selects as a pattern followed by *, with the wildcards the parameters themselves take, in catalog
/// order but for a whole id typed, which comes first: Tab puts the first one offered in place of the word.
/// </summary>
public sealed class RuleIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        // A pattern still being typed ("O[2") is not a valid one yet: nothing to offer.
        var typed = (wordToComplete ?? "").Trim('\'', '"');
        var pattern = PowerShellWildcard.TryParse(typed + "*");
        return RuleCatalog.All
            .Where(rule => pattern is not null && pattern.IsMatch(rule.Id))
            .OrderBy(rule => !string.Equals(rule.Id, typed, StringComparison.OrdinalIgnoreCase))
            .Select(rule => new CompletionResult(rule.Id, rule.Id, CompletionResultType.ParameterValue, $"{rule.Id} ({rule.DefaultSeverity}): {rule.Title}"));
    }
}

using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using EdgeMigration.Core.Rules;

namespace EdgeMigration.Infrastructure;

/// <summary>Tab completion of rule ids for -Rule, -ExcludeRule and Get-EdgeMigrationRule -Id, with the title as tooltip.</summary>
public sealed class RuleIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var pattern = new WildcardPattern((wordToComplete ?? "").Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
        return RuleCatalog.All
            .Where(rule => pattern.IsMatch(rule.Id))
            .Select(rule => new CompletionResult(rule.Id, rule.Id, CompletionResultType.ParameterValue, $"{rule.Id} ({rule.DefaultSeverity}): {rule.Title}"));
    }
}

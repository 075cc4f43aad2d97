using System.Linq;
using System.Management.Automation;
using EdgeMigration.Core.Rules;

namespace EdgeMigration.Infrastructure;

/// <summary>Manifest cmdlets that run a chosen set of rules: -Rule and -ExcludeRule, like PSScriptAnalyzer's -IncludeRule/-ExcludeRule.</summary>
public abstract class RuleSelectingCmdlet : ManifestInputCmdlet
{
    /// <summary>Only these rules (ids, PowerShell wildcards: * ? [24] [1-3], ` escapes).</summary>
    [Parameter]
    [Alias("IncludeRule")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ValidateRulePattern]
    [ArgumentCompleter(typeof(RuleIdCompleter))]
    public string[]? Rule { get; set; }

    /// <summary>Rules to skip (ids, PowerShell wildcards).</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ValidateRulePattern]
    [ArgumentCompleter(typeof(RuleIdCompleter))]
    public string[]? ExcludeRule { get; set; }

    protected RuleSelection Selection => new(Rule, ExcludeRule);

    /// <summary>
    /// An id without wildcards that names no rule is a mistake: a typo in -Rule would check or fix nothing and report the
    /// manifest compatible, one in -ExcludeRule would not leave out what was meant. So are patterns that together leave no
    /// rule at all ('S*,N*', one pattern where a list was meant). A terminating error, before any input.
    /// </summary>
    protected void RejectMistakenRuleSelection()
    {
        foreach (var ids in new[] { Rule, ExcludeRule })
        {
            foreach (var id in new RuleSelection(ids, null).UnknownIds(RuleCatalog.All))
            {
                ThrowTerminatingError(Errors.RuleNotFound(id));
            }
        }
        if (!Selection.Apply(RuleCatalog.All).Any())
        {
            ThrowTerminatingError(Errors.NoRuleSelected(Rule, ExcludeRule));
        }
    }
}

using System;
using System.Linq;
using System.Management.Automation;
using EdgeMigration.Core.Rules;

namespace EdgeMigration.Infrastructure;

/// <summary>Manifest cmdlets that run a chosen set of rules: -Rule and -ExcludeRule, like PSScriptAnalyzer's -IncludeRule/-ExcludeRule.</summary>
public abstract class RuleSelectingCmdlet : ManifestInputCmdlet
{
    /// <summary>Only these rules (ids, wildcards).</summary>
    [Parameter]
    [Alias("IncludeRule")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(RuleIdCompleter))]
    public string[]? Rule { get; set; }

    /// <summary>Rules to skip (ids, wildcards).</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(RuleIdCompleter))]
    public string[]? ExcludeRule { get; set; }

    protected RuleSelection Selection => new(Rule, ExcludeRule);

    /// <summary>
    /// An id without wildcards that names no rule is a mistake: a typo in -Rule would check or fix nothing and report the
    /// manifest compatible, one in -ExcludeRule would not leave out what was meant. A terminating error, before any input.
    /// </summary>
    protected void RejectUnknownRuleIds()
    {
        foreach (var id in (Rule ?? Array.Empty<string>()).Concat(ExcludeRule ?? Array.Empty<string>()))
        {
            if (!WildcardPattern.ContainsWildcardCharacters(id) && RuleCatalog.Find(id) is null)
            {
                ThrowTerminatingError(Errors.RuleNotFound(id));
            }
        }
    }
}

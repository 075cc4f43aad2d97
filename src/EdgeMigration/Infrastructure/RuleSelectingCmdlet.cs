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
}

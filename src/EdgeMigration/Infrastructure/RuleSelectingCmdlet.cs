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
}

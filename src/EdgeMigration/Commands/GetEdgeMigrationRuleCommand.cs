using System.Linq;
using System.Management.Automation;
using EdgeMigration.Core.Rules;
using EdgeMigration.Infrastructure;

namespace EdgeMigration.Commands;

/// <summary>
/// <para type="synopsis">Lists the migration rules Test-EdgeModuleCompatibility checks and ConvertTo-GpuEdgeManifest fixes.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "EdgeMigrationRule")]
[OutputType(typeof(EdgeMigrationRuleInfo))]
public sealed class GetEdgeMigrationRuleCommand : PSCmdlet
{
    /// <summary>Rule ids to list (PowerShell wildcards, as -Rule takes them); all rules when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("RuleId")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ValidateRulePattern]
    [ArgumentCompleter(typeof(RuleIdCompleter))]
    public string[]? Id { get; set; }

    /// <summary>Only rules of these default severities.</summary>
    [Parameter]
    public Severity[]? Severity { get; set; }

    protected override void ProcessRecord()
    {
        var selection = new RuleSelection(Id, null);
        foreach (var rule in RuleCatalog.All.Where(selection.Includes))
        {
            if (Severity is null || Severity.Contains(rule.DefaultSeverity))
            {
                WriteObject(new EdgeMigrationRuleInfo(rule));
            }
        }
        foreach (var id in selection.UnknownIds(RuleCatalog.All))
        {
            WriteError(Errors.RuleNotFound(id));
        }
    }
}

using EdgeMigration.Core.Rules;

namespace EdgeMigration;

/// <summary>A migration rule, as Get-EdgeMigrationRule lists it.</summary>
/// <remarks>Reads through to the rule, for the reason <see cref="EdgeMigrationFinding"/> gives.</remarks>
public sealed class EdgeMigrationRuleInfo
{
    private readonly MigrationRule _rule;

    internal EdgeMigrationRuleInfo(MigrationRule rule) => _rule = rule;

    public string Id => _rule.Id;
    public Severity Severity => _rule.DefaultSeverity;
    public string Title => _rule.Title;

    /// <summary>The how-to article's section the rule comes from.</summary>
    public string Section => _rule.Section;

    /// <summary>True when ConvertTo-GpuEdgeManifest fixes what the rule finds.</summary>
    public bool CanFix => _rule.CanFix;

    public string HelpUri => _rule.HelpUri;

    public override string ToString() => Id;
}

using EdgeMigration.Core.Rules;

namespace EdgeMigration;

/// <summary>A migration rule, as Get-EdgeMigrationRule lists it.</summary>
public sealed class EdgeMigrationRuleInfo
{
    internal EdgeMigrationRuleInfo(MigrationRule rule)
    {
        Id = rule.Id;
        Severity = rule.DefaultSeverity;
        Title = rule.Title;
        Section = rule.Section;
        CanFix = rule.CanFix;
        HelpUri = rule.HelpUri;
    }

    public string Id { get; }
    public Severity Severity { get; }
    public string Title { get; }

    /// <summary>The how-to article's section the rule comes from.</summary>
    public string Section { get; }

    /// <summary>True when ConvertTo-GpuEdgeManifest fixes what the rule finds.</summary>
    public bool CanFix { get; }

    public string HelpUri { get; }

    public override string ToString() => Id;
}

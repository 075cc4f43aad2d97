using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;

namespace EdgeMigration.Tests;

/// <summary>Runs one rule's check or fix the way the cmdlets do, and reads the test data beside the tests.</summary>
public static class RuleTestKit
{
    public static RuleSelection Only(params string[] ruleIds) => new(ruleIds, null);

    /// <summary>The findings of one rule, through the engine (ordering, redaction).</summary>
    public static IReadOnlyList<Finding> Check(ManifestDocument manifest, string ruleId) =>
        RuleEngine.Check(manifest, Only(ruleId));

    /// <summary>Converts with only <paramref name="ruleId"/>'s fix, options as given.</summary>
    public static ConversionResult Convert(ManifestDocument manifest, string ruleId, Action<ConversionOptions>? configure = null)
    {
        var options = new ConversionOptions { Rules = Only(ruleId) };
        configure?.Invoke(options);
        return ManifestConverter.Convert(manifest, options);
    }

    /// <summary>A second conversion of the result: must change nothing and leave nothing the rule could fix.</summary>
    public static void AssertIdempotent(ConversionResult first, string ruleId, Action<ConversionOptions>? configure = null)
    {
        var second = Convert(first.Manifest, ruleId, configure);
        Xunit.Assert.Empty(second.Changes);
        // The result is checked with every rule; other rules' fixable findings are theirs to fix.
        var chosen = RuleCatalog.All.Where(Only(ruleId).Includes).Select(r => r.Id).ToList();
        Xunit.Assert.DoesNotContain(second.RemainingFindings, f => f.IsFixable && chosen.Contains(f.RuleId));
        Xunit.Assert.Equal(first.Manifest.ToJson(), second.Manifest.ToJson());
    }

    /// <summary>The createOptions text of a module of a converted (or any) manifest.</summary>
    public static string OptionsText(ManifestDocument manifest, string module) =>
        manifest.FindModule(module)!.CreateOptions!.Text!;

    public static string TestDataFile(string name) =>
        Path.Combine(AppContext.BaseDirectory, "TestData", name);

    /// <summary>"R1 Error module location fixable": the fields a finding is judged by, for exact comparisons.</summary>
    public static string Summary(Finding finding) =>
        $"{finding.RuleId} {finding.Severity} {finding.ModuleName ?? "-"} {finding.Location} {(finding.IsFixable ? "fixable" : "manual")}";

    public static IEnumerable<string> Summary(IEnumerable<Finding> findings) => findings.Select(Summary);

    public static string Describe(Change change) =>
        $"{change.RuleId} {change.ModuleName} {change.Location}: {change.Before ?? "-"} -> {change.After ?? "-"}";

    public static IEnumerable<string> Describe(IEnumerable<Change> changes) => changes.Select(Describe);
}

using System.IO;
using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using Xunit;

namespace EdgeMigration.Tests.Conversion;

/// <summary>
/// -Rule and -ExcludeRule choose which fixes a conversion applies, not what its result is checked for: a fix left out
/// leaves its findings, so that a manifest that still cannot run on the GPU device is never reported compatible.
/// </summary>
public class RemainingFindingsTests
{
    private static ManifestDocument Sample() => ManifestDocument.Load(Path.Combine(TestPaths.Samples, "fpga-deployment.json"));

    [Fact]
    public void AnExcludedFixLeavesItsErrors()
    {
        var everyFix = ManifestConverter.Convert(Sample());
        var withoutR1 = ManifestConverter.Convert(Sample(), new ConversionOptions { Rules = new RuleSelection(null, new[] { "R1" }) });

        Assert.DoesNotContain(everyFix.RemainingFindings, f => f.RuleId == "R1");
        Assert.Contains(withoutR1.RemainingFindings, f => f.RuleId == "R1" && f.Severity == Severity.Error);
        Assert.DoesNotContain(withoutR1.Changes, c => c.RuleId == "R1");
    }

    [Fact]
    public void OnlyTheChosenFixesRunButEveryRuleChecksTheResult()
    {
        var onlyS2 = ManifestConverter.Convert(Sample(), new ConversionOptions { Rules = new RuleSelection(new[] { "S2" }, null) });

        Assert.All(onlyS2.Changes, c => Assert.Equal("S2", c.RuleId));
        // What the other rules find in the source is still there after S2's fix alone.
        var source = RuleEngine.Check(Sample()).Where(f => f.RuleId != "S2").Select(f => f.RuleId).Distinct();
        Assert.Equal(source.OrderBy(id => id), onlyS2.RemainingFindings.Where(f => f.RuleId != "S2").Select(f => f.RuleId).Distinct().OrderBy(id => id));
    }
}

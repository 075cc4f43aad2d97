using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using Xunit;

namespace EdgeMigration.Tests;

/// <summary>Every valid corpus manifest checks and converts with every rule, and a converted manifest converts to itself.</summary>
public class CorpusRulesTests
{
    [Theory]
    [MemberData(nameof(TestPaths.CorpusManifests), MemberType = typeof(TestPaths))]
    public void ChecksAndConvertsWithoutException(string file)
    {
        var manifest = ManifestDocument.Load(TestPaths.CorpusFile(file));

        var findings = RuleEngine.Check(manifest);
        var result = ManifestConverter.Convert(manifest);
        var again = ManifestConverter.Convert(result.Manifest);

        Assert.All(findings, f => Assert.Contains(RuleCatalog.All, r => r.Id == f.RuleId));
        Assert.Empty(RuleTestKit.Describe(again.Changes));
        Assert.DoesNotContain(again.RemainingFindings, f => f.IsFixable);
        // Converting must not lose modules (a rename keeps their number).
        Assert.Equal(manifest.Modules.Count, result.Manifest.Modules.Count);
    }
}

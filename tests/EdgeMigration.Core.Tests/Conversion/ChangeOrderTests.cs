using System.Collections.Generic;
using System.IO;
using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using Xunit;

namespace EdgeMigration.Tests.Conversion;

/// <summary>
/// A conversion's changes come module by module, as findings do (the manifest as a whole first, then the modules as the
/// manifest lists them), so that a module's changes read together and the views group them once per module; within a
/// module they keep the order the fixes ran in.
/// </summary>
public class ChangeOrderTests
{
    private static readonly List<string> CatalogOrder = RuleCatalog.All.Select(r => r.Id).ToList();

    [Fact]
    public void TheSamplesChangesComeModuleByModuleInManifestOrder()
    {
        var manifest = ManifestDocument.Load(Path.Combine(TestPaths.Samples, "fpga-deployment.json"));
        var moduleNames = manifest.Modules.Select(m => m.Name).ToList();

        var changes = ManifestConverter.Convert(manifest).Changes;

        var runs = Runs(changes.Select(c => c.ModuleName));
        Assert.Equal(new string?[] { null, "edgeHub", "FpgaInference", "WebServerApp", "file_mover" }, runs);
        Assert.True(runs.Skip(1).Select(n => moduleNames.IndexOf(n!)).SequenceEqual(runs.Skip(1).Select(n => moduleNames.IndexOf(n!)).OrderBy(i => i)));
        Assert.Equal(new[] { "O4", "R1", "R1", "R1", "R2", "R2", "S2", "S2", "S2", "O1", "O2" },
            changes.Where(c => c.ModuleName == "FpgaInference").Select(c => c.RuleId));
    }

    [Theory]
    [MemberData(nameof(TestPaths.CorpusManifests), MemberType = typeof(TestPaths))]
    public void EachModulesChangesAreTogetherInTheOrderTheFixesRan(string file)
    {
        var changes = ManifestConverter.Convert(ManifestDocument.Load(TestPaths.CorpusFile(file))).Changes;

        var runs = Runs(changes.Select(c => c.ModuleName));
        Assert.Equal(runs.Distinct().Count(), runs.Count);
        foreach (var module in changes.GroupBy(c => c.ModuleName))
        {
            var positions = module.Select(c => CatalogOrder.IndexOf(c.RuleId)).ToList();
            Assert.Equal(positions.OrderBy(p => p), positions);
        }
    }

    /// <summary>The values with consecutive repeats collapsed: one entry per group a table view would show.</summary>
    private static List<string?> Runs(IEnumerable<string?> values)
    {
        var runs = new List<string?>();
        foreach (var value in values)
        {
            if (runs.Count == 0 || runs[^1] != value)
            {
                runs.Add(value);
            }
        }
        return runs;
    }
}

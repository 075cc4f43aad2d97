using System;
using System.Linq;
using CsCheck;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using Xunit;

namespace EdgeMigration.Tests.Properties;

public class ConversionProperties
{
    private static readonly Gen<(GeneratedManifest Manifest, ConversionOptions Options)> Cases = ManifestGen.Any.Select(OptionsGen.Any);

    private static void Check(Action<ManifestDocument, ConversionOptions, ConversionResult> property) =>
        Cases.Sample(new Action<(GeneratedManifest Manifest, ConversionOptions Options)>(c =>
        {
            var input = ManifestDocument.Parse(c.Manifest.Bytes, "generated.json");
            property(input, c.Options, ManifestConverter.Convert(input, c.Options));
        }), iter: PropertyRuns.Iterations, print: c => OptionsGen.Describe(c.Item2) + "\n" + c.Item1);

    [Fact]
    public void ConvertingTwiceChangesNothingMore() =>
        Check((_, options, first) =>
        {
            var second = ManifestConverter.Convert(first.Manifest, options);
            Assert.Empty(RuleTestKit.Describe(second.Changes));
            Assert.Equal(first.Manifest.ToBytes(), second.Manifest.ToBytes());
        });

    [Fact]
    public void TheConvertedManifestRaisesNoFindingTheConversionCouldFix() =>
        Check((_, options, result) =>
        {
            // Without the Recreate option the O1 fix is switched off, and its finding is meant to stay.
            var fixable = result.RemainingFindings.Where(f => f.IsFixable && (f.RuleId != "O1" || options.DeploymentStrategy == DeploymentStrategyOption.Recreate));
            Assert.Empty(RuleTestKit.Summary(fixable));
        });

    [Fact]
    public void TheConversionWritesNoLimitBelowARequest() =>
        Check((input, _, result) =>
        {
            // Every request the API server would refuse in the result (K12) was so in the input, in the same words.
            static string Key(Finding f) => f.Location + " " + f.Message;
            var before = RuleEngine.Check(input, new RuleSelection(new[] { "K12" }, null)).Select(Key).ToList();
            foreach (var after in result.RemainingFindings.Where(f => f.RuleId == "K12").Select(Key))
            {
                Assert.True(before.Remove(after), "Made by the conversion: " + after);
            }
        });

    [Fact]
    public void EveryDifferenceBetweenInputAndOutputIsListedInTheChanges() =>
        Check((input, _, result) =>
        {
            var changed = result.Changes.SelectMany(ManifestView.PathsOf).ToList();
            var differences = ManifestView.Differences(ManifestView.Of(input), ManifestView.Of(ManifestView.WithOriginalIds(result)));
            var unlisted = differences.Where(d => !changed.Any(p => ManifestView.IsWithin(d, p) || ManifestView.IsWithin(p, d))).ToList();
            Assert.True(unlisted.Count == 0, "Not in the changes: " + string.Join(", ", unlisted) + "\nChanges: " + string.Join("\n", changed));
        });

    [Fact]
    public void WhatNoChangeNamesStaysByteForByte() =>
        Check((input, _, result) =>
        {
            if (result.Changes.Count == 0)
            {
                Assert.Equal(input.ToBytes(), result.Manifest.ToBytes());
                return;
            }
            var changed = result.Changes.Select(c => c.ManifestPath).ToList();
            Assert.Equal(input.Modules.Count, result.Manifest.Modules.Count);
            foreach (var (before, after) in input.Modules.Zip(result.Manifest.Modules))
            {
                if (!result.Changes.Any(c => c.ModuleName == before.Name) && !changed.Any(p => ManifestView.IsWithin(p, before.Location)))
                {
                    Assert.True(before.Definition.ToJson() == after.Definition.ToJson(), $"Module {before.Name} has no change but was rewritten:\n{after.Definition.ToJson()}");
                }
            }
        });

    [Fact]
    public void TheSameInputAlwaysGivesTheSameOutput() =>
        Check((input, options, first) =>
        {
            var second = ManifestConverter.Convert(ManifestDocument.Parse(input.ToBytes(), "generated.json"), options);
            Assert.Equal(first.Manifest.ToBytes(), second.Manifest.ToBytes());
            Assert.Equal(first.Changes, second.Changes);
            Assert.Equal(first.RemainingFindings, second.RemainingFindings);
            Assert.Equal(RuleEngine.Check(input), RuleEngine.Check(ManifestDocument.Parse(input.ToBytes(), "generated.json")));
        });
}

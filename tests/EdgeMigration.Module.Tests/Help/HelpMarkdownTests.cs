using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EdgeMigration.ModuleBuilder.Help;
using Xunit;

namespace EdgeMigration.Tests.Help;

/// <summary>
/// docs/help/&lt;Cmdlet&gt;.md exists for every exported cmdlet and says what the cmdlet really is: the same
/// parameters with the same type, sets, position, pipeline input, wildcards and aliases; the syntax
/// Get-Command shows; described parameters; examples with their output; links.
/// </summary>
public class HelpMarkdownTests
{
    public const string HowToArticle = "https://learn.microsoft.com/azure/databox-online/azure-stack-edge-gpu-modify-fpga-modules-gpu";

    [Theory]
    [MemberData(nameof(HelpDocs.ExportedCmdlets), MemberType = typeof(HelpDocs))]
    public void EveryExportedCmdletHasItsMarkdown(string cmdlet)
    {
        Assert.True(File.Exists(HelpDocs.MarkdownPath(cmdlet)),
            $"{cmdlet} has no docs/help/{cmdlet}.md. Write it in platyPS's schema (New-MarkdownHelp -Command {cmdlet} -OutputFolder docs/help, where platyPS is installed).");
        var help = HelpDocs.Command(cmdlet);
        Assert.Equal(cmdlet, help.Name);
        Assert.Equal("EdgeMigration.dll-Help.xml", help.ExternalHelpFile);
    }

    [Theory]
    [MemberData(nameof(HelpDocs.ExportedCmdlets), MemberType = typeof(HelpDocs))]
    public void ParametersAreTheCmdletsRealParameters(string cmdlet)
    {
        var facts = HelpDocs.Facts(cmdlet);
        var help = HelpDocs.Command(cmdlet);

        Assert.Equal(facts.Parameters.Select(p => p.Name).OrderBy(n => n, StringComparer.OrdinalIgnoreCase),
            help.Parameters.Select(p => p.Name).OrderBy(n => n, StringComparer.OrdinalIgnoreCase));
        Assert.True(help.SupportsCommonParameters, "### CommonParameters is missing.");
        foreach (var fact in facts.Parameters)
        {
            var documented = help.Parameters.Single(p => p.Name == fact.Name);
            foreach (var yaml in documented.Metadata)
            {
                var where = $"{cmdlet} -{fact.Name}";
                Assert.True(fact.Type == yaml.Type, $"{where}: Type is {fact.Type}, the markdown says {yaml.Type}.");
                Assert.True(fact.Aliases.SequenceEqual(yaml.Aliases), $"{where}: Aliases are '{string.Join(", ", fact.Aliases)}', the markdown says '{string.Join(", ", yaml.Aliases)}'.");
                Assert.True(fact.Wildcards == yaml.AcceptWildcardCharacters, $"{where}: Accept wildcard characters is {fact.Wildcards}.");
                Assert.True(fact.AcceptedValues.SequenceEqual(yaml.AcceptedValues), $"{where}: Accepted values are '{string.Join(", ", fact.AcceptedValues)}'.");
                Assert.True(fact.DefaultValue == yaml.DefaultValue, $"{where}: Default value is {fact.DefaultValue}, the markdown says {yaml.DefaultValue}.");
            }
            foreach (var set in facts.SetNames)
            {
                var real = fact.In(set);
                var yaml = ParameterSets.InSet(documented, set);
                var where = $"{cmdlet} -{fact.Name} in parameter set {set}";
                if (real is null)
                {
                    Assert.True(yaml is null, $"{where}: the markdown puts it in a set it is not in.");
                    continue;
                }
                Assert.True(yaml is not null, $"{where}: the markdown's Parameter Sets leave it out (write '{(fact.Sets.Count == facts.SetNames.Count ? "(All)" : string.Join(", ", fact.Sets.Select(s => s.Set)))}').");
                Assert.True(real.Required == yaml!.Required, $"{where}: Required is {real.Required}.");
                Assert.True(real.Position.Equals(yaml.Position, StringComparison.OrdinalIgnoreCase), $"{where}: Position is {real.Position}, the markdown says {yaml.Position}.");
                Assert.True(real.PipelineInput == yaml.PipelineInput, $"{where}: Accept pipeline input is '{real.PipelineInput}', the markdown says '{yaml.PipelineInput}'.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(HelpDocs.ExportedCmdlets), MemberType = typeof(HelpDocs))]
    public void SyntaxIsWhatGetCommandShows(string cmdlet)
    {
        var facts = HelpDocs.Facts(cmdlet);
        var help = HelpDocs.Command(cmdlet);

        Assert.Equal(facts.SetNames.OrderBy(n => n), help.Syntax.Select(s => s.ParameterSetName).OrderBy(n => n));
        Assert.Equal(facts.DefaultSet, help.Syntax.SingleOrDefault(s => s.IsDefault)?.ParameterSetName ?? facts.SetNames.Single());
        foreach (var block in help.Syntax)
        {
            Assert.Equal(facts.Syntax[block.ParameterSetName], block.Text, ignoreCase: true);
        }
    }

    [Theory]
    [MemberData(nameof(HelpDocs.ExportedCmdlets), MemberType = typeof(HelpDocs))]
    public void EverySectionIsWritten(string cmdlet)
    {
        var help = HelpDocs.Command(cmdlet);

        Assert.False(string.IsNullOrWhiteSpace(help.Synopsis));
        Assert.NotEmpty(help.Description);
        Assert.All(help.Parameters, p => Assert.True(p.Description.Any(d => d.Length > 20), $"-{p.Name} has no description."));
        Assert.True(help.Examples.Count(e => e.Code.Any(IsOutput)) >= 3, $"{cmdlet} needs at least three examples that show their output.");
        Assert.All(help.Examples, e => Assert.Matches("^Example [0-9]+: ", e.Title));
        Assert.NotEmpty(help.Inputs);
        Assert.NotEmpty(help.Outputs);
        Assert.Contains(help.Links, l => l.Uri.StartsWith(HowToArticle, StringComparison.Ordinal));
        Assert.Contains(help.Links, l => l.Text == "about_EdgeMigration");
        Assert.StartsWith(HowToArticle, help.OnlineVersion);
        Assert.DoesNotContain("{{", File.ReadAllText(HelpDocs.MarkdownPath(cmdlet)));
    }

    [Theory]
    [MemberData(nameof(HelpDocs.ExportedCmdlets), MemberType = typeof(HelpDocs))]
    public void OutputsAreTheCmdletsOutputTypes(string cmdlet)
    {
        using var ps = new PowerShellSession();
        var declared = ps.Run($"(Get-Command {cmdlet}).OutputType | ForEach-Object {{ $_.Type.FullName }}").AssertNoErrors()
            .Output.Select(o => o.ToString()).Distinct().OrderBy(n => n);
        Assert.Equal(declared, HelpDocs.Command(cmdlet).Outputs.Select(o => o.TypeName).OrderBy(n => n));
    }

    /// <summary>The description says what the conversion changes: the fix of every rule that has one, named by its id.</summary>
    [Fact]
    public void ConversionDescriptionNamesEveryFix()
    {
        using var ps = new PowerShellSession();
        var fixable = ps.Run("Get-EdgeMigrationRule | Where-Object CanFix | ForEach-Object Id").AssertNoErrors().Output.Select(o => o.ToString()!).ToList();
        var description = string.Join("\n", HelpDocs.Command("ConvertTo-GpuEdgeManifest").Description);

        Assert.NotEmpty(fixable);
        Assert.All(fixable, id => Assert.True(Regex.IsMatch(description, $@"\b{id}\b"), $"The DESCRIPTION of ConvertTo-GpuEdgeManifest does not say what the fix of rule {id} does."));
    }

    public static bool IsOutput(CodeSample code) => code.Language.Equals("Output", StringComparison.OrdinalIgnoreCase);
}

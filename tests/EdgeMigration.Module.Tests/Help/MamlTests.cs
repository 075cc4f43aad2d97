using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using EdgeMigration.ModuleBuilder.Help;
using Xunit;

namespace EdgeMigration.Tests.Help;

/// <summary>
/// The MAML the build put beside the module (en-US/EdgeMigration.dll-Help.xml) says what the markdown says
/// and what the cmdlet really is: a stale or hand-edited MAML, or a cmdlet changed without its docs, fails.
/// </summary>
public class MamlTests
{
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    private static XElement CommandElement(string cmdlet) =>
        XDocument.Load(HelpDocs.MamlPath).Root!.Elements(Command + "command")
            .SingleOrDefault(c => c.Element(Command + "details")!.Element(Command + "name")!.Value == cmdlet)
        ?? throw new Xunit.Sdk.XunitException($"{HelpDocs.MamlPath} has no help for {cmdlet}.");

    private static string Paras(XElement? element) =>
        string.Join("\n", element?.Elements(Maml + "para").Select(p => p.Value) ?? Enumerable.Empty<string>());

    [Fact]
    public void MamlHoldsExactlyTheExportedCmdlets()
    {
        var inMaml = XDocument.Load(HelpDocs.MamlPath).Root!.Elements(Command + "command")
            .Select(c => c.Element(Command + "details")!.Element(Command + "name")!.Value).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(HelpDocs.ExportedCmdlets().Select(row => (string)row[0]), inMaml);
    }

    [Theory]
    [MemberData(nameof(HelpDocs.ExportedCmdlets), MemberType = typeof(HelpDocs))]
    public void TextIsTheMarkdowns(string cmdlet)
    {
        var help = HelpDocs.Command(cmdlet);
        var maml = CommandElement(cmdlet);

        Assert.Equal(help.Synopsis, Paras(maml.Element(Command + "details")!.Element(Maml + "description")));
        Assert.Equal(string.Join("\n", help.Description), Paras(maml.Element(Maml + "description")));
        var examples = maml.Element(Command + "examples")!.Elements(Command + "example").ToList();
        Assert.Equal(help.Examples.Count, examples.Count);
        foreach (var (example, element) in help.Examples.Zip(examples))
        {
            Assert.Contains(example.Title, element.Element(Maml + "title")!.Value);
            Assert.Equal(string.Join("\n\n", example.Code.Select(c => c.Text)), element.Element(Dev + "code")!.Value);
            Assert.Equal(string.Join("\n", example.Introduction.Concat(example.Remarks)), Paras(element.Element(Dev + "remarks")));
        }
        Assert.Equal(MamlWriter.RelatedLinks(help).Select(l => l.Text), maml.Element(Command + "relatedLinks")!.Elements(Maml + "navigationLink").Select(l => l.Element(Maml + "linkText")!.Value));
        Assert.Equal(help.Outputs.Select(o => o.TypeName), maml.Element(Command + "returnValues")!.Elements(Command + "returnValue").Select(r => r.Element(Dev + "type")!.Element(Maml + "name")!.Value));
        Assert.Equal(help.Inputs.Select(o => o.TypeName), maml.Element(Command + "inputTypes")!.Elements(Command + "inputType").Select(r => r.Element(Dev + "type")!.Element(Maml + "name")!.Value));
    }

    [Theory]
    [MemberData(nameof(HelpDocs.ExportedCmdlets), MemberType = typeof(HelpDocs))]
    public void ParametersAreTheMarkdownsAndTheCmdlets(string cmdlet)
    {
        var facts = HelpDocs.Facts(cmdlet);
        var help = HelpDocs.Command(cmdlet);
        var parameters = CommandElement(cmdlet).Element(Command + "parameters")!.Elements(Command + "parameter").ToList();

        Assert.Equal(facts.Parameters.Select(p => p.Name).OrderBy(n => n), parameters.Select(Name).OrderBy(n => n));
        foreach (var element in parameters)
        {
            var fact = facts.Parameters.Single(p => p.Name == Name(element));
            var documented = help.Parameters.Single(p => p.Name == fact.Name);
            var where = $"{cmdlet} -{fact.Name}";
            Assert.True(fact.Type == element.Element(Dev + "type")!.Element(Maml + "name")!.Value, $"{where}: MAML type differs from {fact.Type}.");
            Assert.True((fact.Aliases.Count == 0 ? "none" : string.Join(", ", fact.Aliases)) == (string)element.Attribute("aliases")!, $"{where}: MAML aliases differ.");
            Assert.True(fact.Wildcards == ((string)element.Attribute("globbing")! == "true"), $"{where}: MAML globbing differs.");
            Assert.True(fact.DefaultValue == element.Element(Dev + "defaultValue")!.Value, $"{where}: MAML default value differs from {fact.DefaultValue}.");
            Assert.Equal(string.Join("\n", documented.Description), Paras(element.Element(Maml + "description")));
        }
    }

    /// <summary>MAML has no set names: each syntax item must be one real parameter set, with the same parameters bound the same way.</summary>
    [Theory]
    [MemberData(nameof(HelpDocs.ExportedCmdlets), MemberType = typeof(HelpDocs))]
    public void SyntaxItemsAreTheParameterSets(string cmdlet)
    {
        var facts = HelpDocs.Facts(cmdlet);
        var items = CommandElement(cmdlet).Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();

        Assert.Equal(facts.SetNames.Count, items.Count);
        foreach (var item in items)
        {
            var names = item.Elements(Command + "parameter").Select(Name).OrderBy(n => n).ToList();
            var set = facts.SetNames.SingleOrDefault(s => facts.Parameters.Where(p => p.In(s) is not null).Select(p => p.Name).OrderBy(n => n).SequenceEqual(names))
                ?? throw new Xunit.Sdk.XunitException($"{cmdlet}: no parameter set has exactly {string.Join(", ", names)}.");
            foreach (var element in item.Elements(Command + "parameter"))
            {
                var real = facts.Parameters.Single(p => p.Name == Name(element)).In(set)!;
                var where = $"{cmdlet} -{Name(element)} in {set}";
                Assert.True(real.Required == ((string)element.Attribute("required")! == "true"), $"{where}: required differs.");
                Assert.True(real.Position.Equals((string)element.Attribute("position")!, StringComparison.OrdinalIgnoreCase), $"{where}: position differs.");
                Assert.True(real.PipelineInput == (string)element.Attribute("pipelineInput")!, $"{where}: pipelineInput differs.");
            }
        }
    }

    private static string Name(XElement parameter) => parameter.Element(Maml + "name")!.Value;
}

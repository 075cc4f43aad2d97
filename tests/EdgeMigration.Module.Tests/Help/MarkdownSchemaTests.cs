using EdgeMigration.ModuleBuilder.Help;
using EdgeMigration.ModuleBuilder.Markdown;
using Xunit;

namespace EdgeMigration.Tests.Help;

/// <summary>The help build refuses markdown that platyPS would refuse, naming the file and line, and renders about topics by platyPS's rules.</summary>
public class MarkdownSchemaTests
{
    private const string Front = "---\nexternal help file: EdgeMigration.dll-Help.xml\nschema: 2.0.0\n---\n\n";

    private static HelpSchemaException Refused(string markdown) =>
        Assert.Throws<HelpSchemaException>(() => CommandHelpReader.Read(MarkdownReader.Parse(markdown, "docs/Get-Thing.md")));

    [Fact]
    public void UnknownYamlKeyIsRefusedWithItsLine()
    {
        var error = Refused(Front + "# Get-Thing\n\n## PARAMETERS\n\n### -Name\nThe name.\n\n```yaml\nType: String\nColour: blue\n```\n");

        Assert.Equal(15, error.Line);
        Assert.StartsWith("docs/Get-Thing.md(15): error EMHELP: Unknown key 'Colour'", error.Message);
    }

    [Fact]
    public void UnknownSectionAndExampleWithoutCodeAreRefused()
    {
        Assert.Contains("Unexpected section 'USAGE'", Refused(Front + "# Get-Thing\n\n## USAGE\nText.\n").Message);
        Assert.Contains("has no code block", Refused(Front + "# Get-Thing\n\n## EXAMPLES\n\n### Example 1: Nothing\nJust words.\n").Message);
        Assert.Contains("no 'external help file'", Assert.Throws<HelpSchemaException>(() =>
            CommandHelpReader.Read(MarkdownReader.Parse("# Get-Thing\n\n## SYNOPSIS\nx\n", "docs/Get-Thing.md"))).Message);
    }

    [Fact]
    public void ParameterSetsAndListsAreRead()
    {
        var help = CommandHelpReader.Read(MarkdownReader.Parse(Front +
            "# Get-Thing\n\n## SYNTAX\n\n### ByName (Default)\n```\nGet-Thing -Name <string>\n```\n\n" +
            "## DESCRIPTION\nFirst line\ngoes on.\n\n- one\n- two\n\n## PARAMETERS\n\n### -Name\nThe name.\n\n" +
            "```yaml\nType: String\nParameter Sets: ByName, ById\nAliases: N\nAccepted values: A, B\n\nRequired: True\nPosition: 0\n" +
            "Default value: None\nAccept pipeline input: True (ByValue)\nAccept wildcard characters: True\n```\n", "docs/Get-Thing.md"));

        Assert.Equal(new[] { "First line goes on.", "- one", "- two" }, help.Description);
        Assert.True(help.Syntax[0].IsDefault);
        var name = help.Parameters[0].Metadata[0];
        Assert.Equal(new[] { "ByName", "ById" }, name.ParameterSets);
        Assert.Equal(new[] { "A", "B" }, name.AcceptedValues);
        Assert.True(name.Required && name.AcceptWildcardCharacters);
        Assert.Equal("True (ByValue)", name.PipelineInput);
        Assert.Same(name, ParameterSets.InSet(help.Parameters[0], "ById"));
        Assert.Null(ParameterSets.InSet(help.Parameters[0], "ByPath"));
    }

    [Fact]
    public void AboutTopicFollowsPlatyPSLayout()
    {
        var markdown = "# Thing\n## about_Thing\n\n# SHORT DESCRIPTION\nShort.\n\n# LONG DESCRIPTION\n" +
            new string('w', 3) + string.Concat(System.Linq.Enumerable.Repeat(" word", 30)) + "\n\n## Details\n\n```powershell\nGet-Thing\n```\n";

        var text = AboutTopicWriter.Write(MarkdownReader.Parse(markdown, "docs/about_Thing.md"));

        Assert.StartsWith("TOPIC\n    about_thing\n\nSHORT DESCRIPTION\n    Short.\n\nLONG DESCRIPTION\n    www word", text);
        Assert.Contains("\nDetails\n    Get-Thing\n", text);
        Assert.All(text.Split('\n'), line => Assert.True(line.Length <= 80, line));
    }
}

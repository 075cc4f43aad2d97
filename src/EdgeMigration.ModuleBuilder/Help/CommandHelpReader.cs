using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using EdgeMigration.ModuleBuilder.Markdown;

namespace EdgeMigration.ModuleBuilder.Help;

/// <summary>
/// Reads a cmdlet's markdown in platyPS's schema 2.0.0: "# Name", then SYNOPSIS, SYNTAX, DESCRIPTION,
/// EXAMPLES, PARAMETERS, INPUTS, OUTPUTS, NOTES and RELATED LINKS as level-2 headings. Deviations are
/// errors with the file and line, as platyPS's New-ExternalHelp reports them.
/// </summary>
public sealed class CommandHelpReader
{
    private static readonly Regex SetHeading = new(@"^(?<name>.+?)(\s+\(Default\))?$");
    private static readonly Regex Link = new(@"\[(?<text>[^\]]+)\]\((?<uri>[^)]*)\)");

    private readonly MarkdownDocument _document;
    private int _next;

    private CommandHelpReader(MarkdownDocument document) => _document = document;

    public static CommandHelp Read(MarkdownDocument document) => new CommandHelpReader(document).Read();

    private CommandHelp Read()
    {
        var title = Expect(MarkdownBlockKind.Heading, 1, "the command name as a level-1 heading");
        var help = new CommandHelp
        {
            Name = title.Text,
            SourcePath = _document.Path,
            ExternalHelpFile = _document.Metadata.TryGetValue("external help file", out var file) ? file : "",
            OnlineVersion = _document.Metadata.TryGetValue("online version", out var online) && online.Length > 0 ? online : null,
        };
        if (help.ExternalHelpFile.Length == 0)
        {
            throw Error(title, "The front matter has no 'external help file'.");
        }
        while (Peek() is not null)
        {
            var section = Expect(MarkdownBlockKind.Heading, 2, "a section heading (## SYNOPSIS, ## SYNTAX…)");
            switch (section.Text.ToUpperInvariant())
            {
                case "SYNOPSIS": help.Synopsis = string.Join(" ", Paragraphs()); break;
                case "SYNTAX": ReadSyntax(help); break;
                case "DESCRIPTION": help.Description.AddRange(Paragraphs()); break;
                case "EXAMPLES": ReadExamples(help); break;
                case "PARAMETERS": ReadParameters(help); break;
                case "INPUTS": help.Inputs.AddRange(TypeEntries()); break;
                case "OUTPUTS": help.Outputs.AddRange(TypeEntries()); break;
                case "NOTES": help.Notes.AddRange(Paragraphs()); break;
                case "RELATED LINKS": ReadLinks(help); break;
                default: throw Error(section, $"Unexpected section '{section.Text}'.");
            }
        }
        return help;
    }

    private void ReadSyntax(CommandHelp help)
    {
        while (NextIsHeading(3) is { } heading)
        {
            _next++;
            var match = SetHeading.Match(heading.Text);
            var code = Expect(MarkdownBlockKind.Code, 0, "the syntax of the parameter set in a code block");
            help.Syntax.Add(new SyntaxBlock(match.Groups["name"].Value, heading.Text.EndsWith("(Default)", StringComparison.Ordinal), code.Text));
        }
    }

    private void ReadExamples(CommandHelp help)
    {
        while (NextIsHeading(3) is { } heading)
        {
            _next++;
            var example = new HelpExample { Title = heading.Text };
            while (Peek() is { Kind: not MarkdownBlockKind.Heading } block)
            {
                _next++;
                if (block.Kind == MarkdownBlockKind.Code)
                {
                    example.Code.Add(new CodeSample(block.Language, block.Text));
                }
                else
                {
                    (example.Code.Count == 0 ? example.Introduction : example.Remarks).AddRange(HelpText.ToParagraphs(block.Text));
                }
            }
            if (example.Code.Count == 0)
            {
                throw Error(heading, $"The example '{heading.Text}' has no code block.");
            }
            help.Examples.Add(example);
        }
    }

    private void ReadParameters(CommandHelp help)
    {
        while (NextIsHeading(3) is { } heading)
        {
            _next++;
            if (heading.Text is "CommonParameters" or "<CommonParameters>")
            {
                help.SupportsCommonParameters = true;
                Paragraphs();
                continue;
            }
            if (!heading.Text.StartsWith("-", StringComparison.Ordinal))
            {
                throw Error(heading, $"A parameter heading starts with '-': '### -{heading.Text}'.");
            }
            var parameter = new ParameterHelp { Name = heading.Text.Substring(1) };
            parameter.Description.AddRange(Paragraphs(stopAtCode: true));
            while (Peek() is { Kind: MarkdownBlockKind.Code } yaml)
            {
                _next++;
                parameter.Metadata.Add(ParameterYaml.Read(yaml, _document.Path));
            }
            if (parameter.Metadata.Count == 0)
            {
                throw Error(heading, $"The parameter -{parameter.Name} has no ```yaml block.");
            }
            help.Parameters.Add(parameter);
        }
    }

    private IEnumerable<TypeHelp> TypeEntries()
    {
        var entries = new List<TypeHelp>();
        while (NextIsHeading(3) is { } heading)
        {
            _next++;
            entries.Add(new TypeHelp(heading.Text, Paragraphs().ToList()));
        }
        return entries;
    }

    private void ReadLinks(CommandHelp help)
    {
        while (Peek() is { Kind: MarkdownBlockKind.Paragraph } block)
        {
            _next++;
            foreach (var line in block.Text.Split('\n'))
            {
                var match = Link.Match(line);
                if (!match.Success)
                {
                    throw Error(block, $"RELATED LINKS holds only [text](uri) links, not '{line}'.");
                }
                help.Links.Add(new HelpLink(match.Groups["text"].Value, match.Groups["uri"].Value));
            }
        }
    }

    /// <summary>The paragraphs up to the next heading (or code block, when it may follow), as help paragraphs.</summary>
    private IEnumerable<string> Paragraphs(bool stopAtCode = false)
    {
        var paragraphs = new List<string>();
        while (Peek() is { } block && block.Kind != MarkdownBlockKind.Heading && !(stopAtCode && block.Kind == MarkdownBlockKind.Code))
        {
            if (block.Kind != MarkdownBlockKind.Paragraph)
            {
                throw Error(block, "Expected text here, not a code block.");
            }
            _next++;
            paragraphs.AddRange(HelpText.ToParagraphs(block.Text));
        }
        return paragraphs;
    }

    private MarkdownBlock? Peek() => _next < _document.Blocks.Count ? _document.Blocks[_next] : null;

    private MarkdownBlock? NextIsHeading(int level) => Peek() is { Kind: MarkdownBlockKind.Heading } h && h.Level == level ? h : null;

    private MarkdownBlock Expect(MarkdownBlockKind kind, int level, string what)
    {
        var block = Peek() ?? throw new HelpSchemaException(_document.Path, _document.Blocks.LastOrDefault()?.Line ?? 1, $"Expected {what}; the file ends.");
        if (block.Kind != kind || (kind == MarkdownBlockKind.Heading && block.Level != level))
        {
            throw Error(block, $"Expected {what}.");
        }
        _next++;
        return block;
    }

    private HelpSchemaException Error(MarkdownBlock block, string message) => new(_document.Path, block.Line, message);
}

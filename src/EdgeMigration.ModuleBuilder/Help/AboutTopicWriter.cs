using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using EdgeMigration.ModuleBuilder.Markdown;

namespace EdgeMigration.ModuleBuilder.Help;

/// <summary>
/// Turns an about_ topic's markdown into the about_*.help.txt Get-Help reads, by platyPS 0.14's rules:
/// "# Title" then "## about_Name" become TOPIC and the indented name; level-1 headings are upper-cased,
/// level-2 kept, deeper ones indented and upper-cased; text and code are indented by four spaces and
/// text wrapped at 80 columns.
/// </summary>
public static class AboutTopicWriter
{
    private const string Indent = "    ";
    private const int Width = 80;

    /// <summary>True for markdown that platyPS treats as an about topic: its second heading names it about_….</summary>
    public static bool IsAboutTopic(MarkdownDocument document) =>
        document.Blocks.Count > 1 && document.Blocks[0].Kind == MarkdownBlockKind.Heading &&
        document.Blocks[1] is { Kind: MarkdownBlockKind.Heading, Level: 2 } name &&
        name.Text.StartsWith("about_", StringComparison.OrdinalIgnoreCase);

    public static string Write(MarkdownDocument document)
    {
        if (!IsAboutTopic(document))
        {
            throw new HelpSchemaException(document.Path, 1, "An about topic starts with '# Title' and '## about_Name'.");
        }
        var text = new StringBuilder();
        for (var i = 0; i < document.Blocks.Count; i++)
        {
            var block = document.Blocks[i];
            switch (block.Kind)
            {
                case MarkdownBlockKind.Heading when i == 0:
                    text.Append("TOPIC\n");
                    break;
                case MarkdownBlockKind.Heading when i == 1:
                    text.Append(Indent).Append(block.Text.ToLowerInvariant()).Append("\n\n");
                    break;
                case MarkdownBlockKind.Heading:
                    text.Append(block.Level switch
                    {
                        1 => block.Text.ToUpperInvariant(),
                        2 => block.Text,
                        _ => Indent + block.Text.ToUpperInvariant(),
                    }).Append('\n');
                    break;
                case MarkdownBlockKind.Paragraph:
                    foreach (var line in block.Text.Split('\n'))
                    {
                        foreach (var wrapped in Wrap(line.Trim()))
                        {
                            text.Append(Indent).Append(wrapped).Append('\n');
                        }
                    }
                    text.Append('\n');
                    break;
                default:
                    foreach (var line in block.Text.Split('\n'))
                    {
                        text.Append(Indent).Append(line).Append('\n');
                    }
                    text.Append('\n');
                    break;
            }
        }
        return Regex.Replace(Regex.Replace(text.ToString(), "[ \t]+\n", "\n"), "\n{3,}", "\n\n").TrimEnd('\n') + "\n";
    }

    private static IEnumerable<string> Wrap(string line)
    {
        var current = new StringBuilder();
        foreach (var word in line.Split(' ').Where(w => w.Length > 0))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > Width - Indent.Length)
            {
                yield return current.ToString();
                current.Clear();
            }
            current.Append(current.Length > 0 ? " " : "").Append(word);
        }
        yield return current.ToString();
    }
}

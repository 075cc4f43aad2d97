using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace EdgeMigration.ModuleBuilder.Markdown;

/// <summary>
/// Reads the subset of markdown platyPS help is written in: front matter, ATX headings, fenced code blocks
/// and paragraphs separated by blank lines. Anything else (lists, tables) is paragraph text, as in platyPS.
/// </summary>
public static class MarkdownReader
{
    private static readonly Regex Heading = new(@"^(#{1,6})\s+(.*?)\s*#*\s*$");

    public static MarkdownDocument Load(string path) => Parse(File.ReadAllText(path), path);

    public static MarkdownDocument Parse(string text, string path)
    {
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n").Split('\n');
        var index = 0;
        var metadata = ReadFrontMatter(lines, ref index, path);
        var blocks = new List<MarkdownBlock>();
        var paragraph = new List<string>();
        var paragraphLine = 0;

        void EndParagraph()
        {
            if (paragraph.Count > 0)
            {
                blocks.Add(new MarkdownBlock(MarkdownBlockKind.Paragraph, string.Join("\n", paragraph), paragraphLine));
                paragraph.Clear();
            }
        }

        for (; index < lines.Length; index++)
        {
            var line = lines[index];
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                EndParagraph();
                blocks.Add(ReadFence(lines, ref index, path));
            }
            else if (Heading.Match(line) is { Success: true } heading)
            {
                EndParagraph();
                blocks.Add(new MarkdownBlock(MarkdownBlockKind.Heading, heading.Groups[2].Value, index + 1, heading.Groups[1].Length));
            }
            else if (line.Trim().Length == 0)
            {
                EndParagraph();
            }
            else
            {
                if (paragraph.Count == 0)
                {
                    paragraphLine = index + 1;
                }
                paragraph.Add(line.TrimEnd());
            }
        }
        EndParagraph();
        return new MarkdownDocument(path, metadata, blocks);
    }

    private static Dictionary<string, string> ReadFrontMatter(string[] lines, ref int index, string path)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            return metadata;
        }
        for (index = 1; index < lines.Length; index++)
        {
            var line = lines[index];
            if (line.Trim() == "---")
            {
                index++;
                return metadata;
            }
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                metadata[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
            }
        }
        throw new HelpSchemaException(path, 1, "The front matter that starts on line 1 has no closing '---'.");
    }

    private static MarkdownBlock ReadFence(string[] lines, ref int index, string path)
    {
        var start = index;
        var language = lines[index].Trim().Substring(3).Trim();
        var body = new StringBuilder();
        for (index++; index < lines.Length; index++)
        {
            if (lines[index].Trim() == "```")
            {
                return new MarkdownBlock(MarkdownBlockKind.Code, body.ToString().TrimEnd('\n'), start + 1, Language: language);
            }
            body.Append(lines[index].TrimEnd()).Append('\n');
        }
        throw new HelpSchemaException(path, start + 1, "The code block has no closing ```.");
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace EdgeMigration.ModuleBuilder.Help;

/// <summary>Markdown paragraph text as help paragraphs: wrapped lines joined, each list item a paragraph of its own.</summary>
public static class HelpText
{
    private static readonly Regex ListItem = new(@"^\s*([-*+]|\d+\.)\s");

    public static IEnumerable<string> ToParagraphs(string markdownParagraph)
    {
        var current = new List<string>();
        foreach (var line in markdownParagraph.Split('\n'))
        {
            if (ListItem.IsMatch(line) && current.Count > 0)
            {
                yield return string.Join(" ", current);
                current.Clear();
            }
            current.Add(line.Trim());
        }
        if (current.Count > 0)
        {
            yield return string.Join(" ", current.Where(l => l.Length > 0));
        }
    }
}

using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using EdgeMigration.ModuleBuilder.Markdown;
using Xunit;

namespace EdgeMigration.Tests.Help;

/// <summary>The about topics the build writes from docs/help/about_*.md: the layout Get-Help expects, and the rules topic covers every rule.</summary>
public class AboutTopicTests
{
    private static string Built(string topic) => Path.Combine(HelpDocs.BuiltHelpFolder, topic + ".help.txt");

    [Theory]
    [MemberData(nameof(HelpDocs.AboutTopics), MemberType = typeof(HelpDocs))]
    public void TopicIsLaidOutAsGetHelpExpects(string topic)
    {
        var bytes = File.ReadAllBytes(Built(topic));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3));
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split('\n');

        Assert.Equal("TOPIC", lines[0]);
        Assert.Equal("    " + topic.ToLowerInvariant(), lines[1]);
        Assert.Contains("SHORT DESCRIPTION", lines);
        Assert.Contains("LONG DESCRIPTION", lines);
        // At most 80 columns, except a single word (a URL) that cannot be wrapped.
        Assert.All(lines, line => Assert.True(line.Length <= 80 || !line.Trim().Contains(' '), $"Too long: {line}"));
    }

    /// <summary>
    /// The writer wraps each line of a paragraph on its own (platyPS's rule), so a markdown line wider than the 80 columns
    /// less the indentation left a fragment of a line in Get-Help ("so jobs that" / "share a" / "process do not…").
    /// </summary>
    [Theory]
    [MemberData(nameof(HelpDocs.AboutTopics), MemberType = typeof(HelpDocs))]
    public void ParagraphLinesFitTheIndentedWidth(string topic)
    {
        var paragraphs = MarkdownReader.Load(Path.Combine(HelpDocs.Folder, topic + ".md")).Blocks.Where(b => b.Kind == MarkdownBlockKind.Paragraph);

        Assert.All(paragraphs.SelectMany(p => p.Text.Split('\n')).Select(line => line.Trim()),
            line => Assert.True(line.Length <= 76 || !line.Contains(' '), $"Wider than 76 columns: {line}"));
    }

    [Fact]
    public void RulesTopicDescribesEveryRule()
    {
        using var ps = new PowerShellSession();
        var ids = ps.Run("Get-EdgeMigrationRule | ForEach-Object Id").AssertNoErrors().Output.Select(o => o.ToString()).ToList();
        var text = File.ReadAllText(Built("about_EdgeMigration_Rules"));

        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.Matches($@"(?m)^    {id} \S", text));
    }

    /// <summary>
    /// Each rule's paragraph in about_EdgeMigration_Rules opens with what Get-EdgeMigrationRule says of it: "K22 &lt;title&gt;
    /// (Warning, fixed)", with "fixed" exactly when ConvertTo-GpuEdgeManifest has a fix for it (K22's said nothing of its fix).
    /// </summary>
    [Fact]
    public void RulesTopicGivesEachRuleItsTitleSeverityAndFix()
    {
        using var ps = new PowerShellSession();
        var rules = ps.Run("Get-EdgeMigrationRule | ForEach-Object { '{0}|{1}|{2}|{3}' -f $_.Id, $_.Title, $_.Severity, $_.CanFix }").AssertNoErrors()
            .Output.Select(o => o.ToString()!.Split('|')).ToList();
        var paragraphs = MarkdownReader.Load(Path.Combine(HelpDocs.Folder, "about_EdgeMigration_Rules.md")).Blocks
            .Where(b => b.Kind == MarkdownBlockKind.Paragraph).Select(b => Regex.Replace(b.Text, @"\s*\n\s*", " ")).ToList();

        Assert.NotEmpty(rules);
        Assert.All(rules, rule =>
        {
            var (id, title, severity, canFix) = (rule[0], rule[1], rule[2], bool.Parse(rule[3]));
            var opening = $"{id} {title} (";
            var paragraph = Assert.Single(paragraphs, p => p.StartsWith(id + " ", System.StringComparison.Ordinal));
            Assert.True(paragraph.StartsWith(opening, System.StringComparison.Ordinal), $"{id}'s paragraph does not open with its title: {opening}");
            var said = paragraph.Substring(opening.Length, paragraph.IndexOf(')', opening.Length) - opening.Length);
            Assert.True(said.StartsWith(severity, System.StringComparison.Ordinal), $"{id} is said to be '{said}', but its severity is {severity}.");
            Assert.True(said.Contains("fixed") == canFix, $"{id} is said to be '{said}', but CanFix is {canFix}.");
        });
    }

    /// <summary>Get-Help lists a topic with the first line of its short description as its Synopsis: the short description is that one line.</summary>
    [Theory]
    [MemberData(nameof(HelpDocs.AboutTopics), MemberType = typeof(HelpDocs))]
    public void GetHelpListsTheWholeShortDescription(string topic)
    {
        var shortDescription = File.ReadAllLines(Built(topic)).SkipWhile(line => line != "SHORT DESCRIPTION").Skip(1)
            .TakeWhile(line => line.Trim().Length > 0).Select(line => line.Trim());
        using var ps = new PowerShellSession();

        var synopsis = ps.Run($"Get-Help about_EdgeMigration* | Where-Object Name -eq {topic} | ForEach-Object Synopsis").AssertNoErrors().Single().ToString();

        Assert.Equal(string.Join(" ", shortDescription), synopsis);
    }

    /// <summary>
    /// The README and the help name only rules that exist, and a range of ids (K1 to K15) is every rule of its letter: a rule
    /// added or removed without its docs fails here.
    /// </summary>
    [Fact]
    public void DocsNameOnlyRulesThatExistAndWholeRanges()
    {
        using var ps = new PowerShellSession();
        var ids = ps.Run("Get-EdgeMigrationRule | ForEach-Object Id").AssertNoErrors().Output.Select(o => o.ToString()!).ToHashSet();
        var letters = string.Concat(ids.Select(id => id[0]).Distinct());
        var docs = Directory.GetFiles(HelpDocs.Folder, "*.md").Append(Path.Combine(TestPaths.RepoRoot, "README.md"));

        foreach (var doc in docs)
        {
            var text = File.ReadAllText(doc);
            var name = Path.GetFileName(doc);
            Assert.All(Regex.Matches(text, $@"\b[{letters}][0-9]+\b").Select(m => m.Value).Distinct(),
                id => Assert.True(ids.Contains(id), $"{name} names rule {id}, which does not exist."));
            foreach (Match range in Regex.Matches(text, @"\b([A-Z])1 to \1([0-9]+)\b"))
            {
                var last = ids.Where(id => id[0] == range.Groups[1].Value[0]).Max(id => int.Parse(id.Substring(1)));
                Assert.True(last.ToString() == range.Groups[2].Value, $"{name} says '{range.Value}', but the last {range.Groups[1].Value} rule is {range.Groups[1].Value}{last}.");
            }
        }
    }
}

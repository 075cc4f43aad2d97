using System.IO;
using System.Linq;
using System.Text;
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

    [Fact]
    public void RulesTopicDescribesEveryRule()
    {
        using var ps = new PowerShellSession();
        var ids = ps.Run("Get-EdgeMigrationRule | ForEach-Object Id").AssertNoErrors().Output.Select(o => o.ToString()).ToList();
        var text = File.ReadAllText(Built("about_EdgeMigration_Rules"));

        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.Matches($@"(?m)^    {id} \S", text));
    }
}

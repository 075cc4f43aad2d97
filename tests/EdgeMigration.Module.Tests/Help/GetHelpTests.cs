using System;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using Xunit;

namespace EdgeMigration.Tests.Help;

/// <summary>Get-Help in the PowerShell 7.6 engine shows the documented text: -Full, -Examples, -Parameter, about topics.</summary>
public class GetHelpTests
{
    /// <summary>Help text as its non-blank lines: Get-Help puts blank lines between paragraphs.</summary>
    private static string Lines(string text) =>
        string.Join("\n", text.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    private static string Text(object? value) => Lines(value switch
    {
        null => "",
        PSObject ps when ps.Properties["Text"] is { } text => Convert.ToString(text.Value) ?? "",
        PSObject ps => Text(ps.BaseObject),
        object[] many => string.Join("\n", many.Select(Text)),
        _ => value.ToString() ?? "",
    });

    [Theory]
    [MemberData(nameof(HelpDocs.ExportedCmdlets), MemberType = typeof(HelpDocs))]
    public void FullHelpIsTheDocumentedHelp(string cmdlet)
    {
        var doc = HelpDocs.Command(cmdlet);
        using var ps = new PowerShellSession();

        var help = ps.Run($"Get-Help {cmdlet} -Full").AssertNoErrors().Single();

        Assert.Equal(doc.Synopsis, help.Properties["Synopsis"].Value?.ToString()?.Trim());
        Assert.Equal(string.Join("\n", doc.Description), Text(help.Properties["description"].Value));
        var parameters = ps.Run($"(Get-Help {cmdlet} -Full).parameters.parameter | ForEach-Object name").AssertNoErrors().Output.Select(o => o.ToString());
        Assert.Equal(doc.Parameters.Select(p => p.Name).OrderBy(n => n), parameters.OrderBy(n => n));
        var links = ps.Run($"(Get-Help {cmdlet} -Full).relatedLinks.navigationLink | ForEach-Object linkText").AssertNoErrors().Output.Select(o => o.ToString());
        Assert.Equal(new[] { "Online Version:" }.Concat(doc.Links.Select(l => l.Text)), links);
        var online = ps.Run($"(Get-Help {cmdlet} -Full).relatedLinks.navigationLink[0].uri").AssertNoErrors().Single().ToString();
        Assert.Equal(doc.OnlineVersion, online);
    }

    [Theory]
    [MemberData(nameof(HelpDocs.ExportedCmdlets), MemberType = typeof(HelpDocs))]
    public void ExamplesAreTheDocumentedExamples(string cmdlet)
    {
        var doc = HelpDocs.Command(cmdlet);
        using var ps = new PowerShellSession();

        var examples = ps.Run($"(Get-Help {cmdlet} -Examples).examples.example").AssertNoErrors().Output;

        Assert.Equal(doc.Examples.Count, examples.Count);
        foreach (var (documented, shown) in doc.Examples.Zip(examples))
        {
            Assert.Contains(documented.Title, shown.Properties["title"].Value.ToString());
            Assert.Equal(string.Join("\n\n", documented.Code.Select(c => c.Text)), shown.Properties["code"].Value.ToString());
            Assert.Equal(string.Join("\n", documented.Introduction.Concat(documented.Remarks)), Text(shown.Properties["remarks"].Value));
        }
    }

    [Theory]
    [MemberData(nameof(HelpDocs.ExportedCmdlets), MemberType = typeof(HelpDocs))]
    public void EachParameterHasItsDocumentedHelp(string cmdlet)
    {
        var doc = HelpDocs.Command(cmdlet);
        var facts = HelpDocs.Facts(cmdlet);
        using var ps = new PowerShellSession();

        foreach (var parameter in doc.Parameters)
        {
            var shown = ps.Run($"Get-Help {cmdlet} -Parameter {parameter.Name}").AssertNoErrors().Single();
            Assert.Equal(string.Join("\n", parameter.Description), Text(shown.Properties["description"].Value));
            var fact = facts.Parameters.Single(p => p.Name == parameter.Name);
            Assert.Equal(fact.Wildcards.ToString(), shown.Properties["globbing"].Value.ToString(), ignoreCase: true);
        }
    }

    [Fact]
    public void FullHelpRendersAsTextInTheShell()
    {
        var cmdlets = HelpDocs.ExportedCmdlets().Select(row => (string)row[0]).ToList();
        var result = ShellRunner.Run(string.Join("; ", cmdlets.Select(c => $"Get-Help {c} -Full")));

        Assert.Equal(0, result.ExitCode);
        // The help view wraps at the console width, inside words too: compare the text without any white space.
        static string Squeeze(string text) => Regex.Replace(text, @"\s+", "");
        var text = Squeeze(result.StandardOutput);
        foreach (var cmdlet in cmdlets)
        {
            var doc = HelpDocs.Command(cmdlet);
            Assert.Contains(Squeeze(doc.Synopsis), text);
            Assert.Contains(Squeeze(doc.Description.Last()), text);
            Assert.Contains(Squeeze(doc.Parameters[0].Description[0]), text);
            Assert.Contains(Squeeze(doc.Examples[0].Title), text);
            Assert.Contains(Squeeze(doc.Examples[0].Code[0].Text), text);
        }
        Assert.DoesNotContain("\u001b", result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HelpDocs.AboutTopics), MemberType = typeof(HelpDocs))]
    public void AboutTopicIsFound(string topic)
    {
        using var ps = new PowerShellSession();
        var text = string.Join("\n", ps.Run($"Get-Help {topic}").AssertNoErrors().Output.Select(o => o.ToString()));

        Assert.StartsWith("TOPIC", text.TrimStart('\uFEFF'));
        Assert.Contains(topic.ToLowerInvariant(), text);
        Assert.Contains("SHORT DESCRIPTION", text);
        Assert.Contains("LONG DESCRIPTION", text);
    }
}

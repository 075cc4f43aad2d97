using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EdgeMigration.ModuleBuilder.Help;
using Xunit;

namespace EdgeMigration.Tests.Help;

/// <summary>
/// Every documented example that shows its output is run in the shell host, in a copy of samples/ as the
/// current folder, and must print exactly that output: the docs show what the cmdlets really print.
/// When behaviour changes on purpose, EDGEMIGRATION_UPDATE_DOCS=1 writes the new output into the markdown
/// instead of failing (review the diff before committing it).
/// </summary>
public class DocExampleTests
{
    /// <summary>
    /// The engine in the shell has no Microsoft.PowerShell.Management: Get-Content as the examples use it, each string
    /// noting the file it was read from (PSPath) and its line (ReadCount), as Get-Content's do.
    /// </summary>
    internal const string Prelude =
        "function Get-Content { param([Parameter(Mandatory, Position = 0)][string] $Path, [switch] $Raw) " +
        "$file = $ExecutionContext.SessionState.Path.GetResolvedProviderPathFromPSPath($Path, [ref]$null)[0]; $number = 0; " +
        "foreach ($text in $(if ($Raw) { , [System.IO.File]::ReadAllText($file) } else { [System.IO.File]::ReadAllLines($file) })) { " +
        "$read = [psobject]::new($text); $read.PSObject.Properties.Add([psnoteproperty]::new('PSPath', \"Microsoft.PowerShell.Core\\FileSystem::$file\")); " +
        "$read.PSObject.Properties.Add([psnoteproperty]::new('ReadCount', ++$number)); $read } }\n";

    public static IEnumerable<object[]> ExamplesWithOutput() =>
        Directory.GetFiles(HelpDocs.Folder, "*.md")
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Where(name => !name.StartsWith("about_", StringComparison.Ordinal))
            .SelectMany(name => HelpDocs.Command(name).Examples
                .Where(e => e.Code.Any(HelpMarkdownTests.IsOutput))
                .Select(e => new object[] { name, e.Title }));

    [Theory]
    [MemberData(nameof(ExamplesWithOutput))]
    public void ExamplePrintsItsDocumentedOutput(string cmdlet, string title)
    {
        var example = HelpDocs.Command(cmdlet).Examples.Single(e => e.Title == title);
        var command = example.Code.First(c => !HelpMarkdownTests.IsOutput(c)).Text;
        var expected = string.Join("\n", example.Code.Where(HelpMarkdownTests.IsOutput).Select(c => c.Text));

        var folder = CopyOfSamples();
        try
        {
            var result = ShellRunner.Run(Prelude + command, folder);
            var actual = Normalize(result.StandardOutput);
            Assert.True(result.ExitCode == 0, $"{cmdlet} '{title}' failed: {result.StandardError}");
            if (Environment.GetEnvironmentVariable("EDGEMIGRATION_UPDATE_DOCS") == "1")
            {
                UpdateOutput(cmdlet, title, actual);
                return;
            }
            Assert.True(Normalize(expected) == actual, $"{cmdlet} '{title}' prints:\n{actual}\n--- but the docs show:\n{Normalize(expected)}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Replaces the ```Output block of one example in its markdown file.</summary>
    private static void UpdateOutput(string cmdlet, string title, string output)
    {
        var path = HelpDocs.MarkdownPath(cmdlet);
        var text = File.ReadAllText(path).Replace("\r\n", "\n");
        var start = text.IndexOf("```Output\n", text.IndexOf("### " + title + "\n", StringComparison.Ordinal), StringComparison.Ordinal) + "```Output\n".Length;
        var end = text.IndexOf("```", start, StringComparison.Ordinal);
        File.WriteAllText(path, text.Substring(0, start) + output + "\n" + text.Substring(end));
    }

    /// <summary>Lines without trailing blanks, and without the blank lines around the whole output.</summary>
    private static string Normalize(string text) =>
        string.Join("\n", text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd())).Trim('\n');

    private static string CopyOfSamples()
    {
        var folder = Path.Combine(Path.GetTempPath(), "edgemigration-docs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(TestPaths.Samples))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
        return folder;
    }
}

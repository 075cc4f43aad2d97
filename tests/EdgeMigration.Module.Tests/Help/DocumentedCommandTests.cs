using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using System.Text.RegularExpressions;
using Xunit;

namespace EdgeMigration.Tests.Help;

/// <summary>
/// Every PowerShell command the README and the help show, run here or not (Az, a device, a kubeconfig), parses, and its
/// EdgeMigration commands bind as written: no parameter the cmdlet does not have, none of two parameter sets at once.
/// </summary>
public class DocumentedCommandTests
{
    /// <summary>The ```powershell blocks of README.md and docs/help/*.md, and the command lines the README gives the shell host.</summary>
    private static IReadOnlyList<string> Snippets(string file)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, file)).Replace("\r\n", "\n");
        return Regex.Matches(text, @"```powershell\n(.*?)```", RegexOptions.Singleline)
            .Concat(Regex.Matches(text, @"src/EdgeMigration\.Shell -c Release -- '([^']*)'"))
            .Select(m => m.Groups[1].Value)
            .ToList();
    }

    public static IEnumerable<object[]> DocumentedSnippets() =>
        Directory.GetFiles(HelpDocs.Folder, "*.md").Prepend(Path.Combine(TestPaths.RepoRoot, "README.md"))
            .Select(f => Path.GetRelativePath(TestPaths.RepoRoot, f).Replace('\\', '/'))
            .SelectMany(file => Snippets(file).Select((_, index) => new object[] { file, index }));

    /// <summary>The engine's own static binder, in a session with the module imported, on each EdgeMigration command of the snippet.</summary>
    private const string BindEdgeMigrationCommands = @"
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($snippet, [ref]$null, [ref]$null)
        $cmdlets = (Get-Command -Module EdgeMigration -CommandType Cmdlet).Name
        foreach ($command in $ast.FindAll({ $args[0] -is [System.Management.Automation.Language.CommandAst] }, $true)) {
            if ($cmdlets -notcontains $command.GetCommandName()) { continue }
            $binding = [System.Management.Automation.Language.StaticParameterBinder]::BindCommand($command, $true)
            foreach ($problem in $binding.BindingExceptions.GetEnumerator()) {
                '{0}: {1} ({2})' -f $command.Extent.Text, $problem.Value.BindingException.Message, $problem.Value.BindingException.ErrorId
            }
        }";

    [Fact]
    public void TheReadmeAndEveryHelpFileShowCommands()
    {
        var files = DocumentedSnippets().Select(row => (string)row[0]).Distinct().ToList();
        Assert.Contains("README.md", files);
        Assert.Contains("docs/help/about_EdgeMigration.md", files);
        Assert.Equal(Directory.GetFiles(HelpDocs.Folder, "*.md").Length + 1, files.Count);
    }

    [Theory]
    [MemberData(nameof(DocumentedSnippets))]
    public void SnippetParsesAndBindsToRealParameters(string file, int index)
    {
        var snippet = Snippets(file)[index];
        Parser.ParseInput(snippet, out _, out var errors);
        Assert.True(errors.Length == 0, $"{file}, PowerShell block {index + 1}: " + string.Join("\n", errors.Select(e => $"{e.Extent.StartLineNumber}:{e.Extent.StartColumnNumber} {e.Message}")));

        using var ps = new PowerShellSession();
        var problems = ps.Run(BindEdgeMigrationCommands, new Dictionary<string, object?> { ["snippet"] = snippet }).AssertNoErrors().Output.Select(o => o.ToString());

        Assert.True(!problems.Any(), $"{file}, PowerShell block {index + 1}:\n" + string.Join("\n", problems));
    }
}

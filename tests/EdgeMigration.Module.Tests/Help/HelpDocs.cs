using System.Collections.Generic;
using System.IO;
using System.Linq;
using EdgeMigration.ModuleBuilder.Help;
using EdgeMigration.ModuleBuilder.Markdown;

namespace EdgeMigration.Tests.Help;

/// <summary>The help sources (docs/help/*.md) and what the build made of them (out/EdgeMigration/en-US).</summary>
public static class HelpDocs
{
    public static string Folder => Path.Combine(TestPaths.RepoRoot, "docs", "help");

    public static string MarkdownPath(string cmdlet) => Path.Combine(Folder, cmdlet + ".md");

    public static CommandHelp Command(string cmdlet) => CommandHelpReader.Read(MarkdownReader.Load(MarkdownPath(cmdlet)));

    public static string BuiltHelpFolder => Path.Combine(TestPaths.RepoRoot, "out", "EdgeMigration", "en-US");

    public static string MamlPath => Path.Combine(BuiltHelpFolder, "EdgeMigration.dll-Help.xml");

    /// <summary>The exported cmdlets, one xUnit row each (read from the engine once per test run).</summary>
    public static IEnumerable<object[]> ExportedCmdlets() => AllFacts.Value.Select(f => new object[] { f.Name });

    public static CmdletFacts Facts(string cmdlet) => AllFacts.Value.Single(f => f.Name == cmdlet);

    private static readonly System.Lazy<IReadOnlyList<CmdletFacts>> AllFacts = new(CmdletFacts.Exported);

    public static IEnumerable<object[]> AboutTopics() => new[] { new object[] { "about_EdgeMigration" }, new object[] { "about_EdgeMigration_Rules" } };
}

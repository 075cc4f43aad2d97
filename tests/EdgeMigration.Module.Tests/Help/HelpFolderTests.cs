using System;
using System.IO;
using System.Linq;
using EdgeMigration.ModuleBuilder.Help;
using Xunit;

namespace EdgeMigration.Tests.Help;

/// <summary>
/// The repository's en-US folder is the module's help: what EdgeMigration.ModuleBuilder writes from docs/help/*.md, byte
/// for byte, and what the build puts beside the module. Markdown changed without en-US fails here.
/// </summary>
public class HelpFolderTests : IDisposable
{
    private const string UpdateCommand = "dotnet run --project src/EdgeMigration.ModuleBuilder -c Release -- help docs/help en-US (or build.ps1 -Task Help)";

    private static readonly string Committed = Path.Combine(TestPaths.RepoRoot, "en-US");

    private readonly string written = Path.Combine(Path.GetTempPath(), "edgemigration-help-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(written))
        {
            Directory.Delete(written, recursive: true);
        }
    }

    private static string[] Names(string folder) =>
        Directory.GetFiles(folder).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray()!;

    [Fact]
    public void EnUsIsWhatTheMarkdownMakes()
    {
        HelpBuilder.Build(HelpDocs.Folder, written);

        Assert.True(Names(written).SequenceEqual(Names(Committed)),
            $"en-US holds {string.Join(", ", Names(Committed))}; docs/help makes {string.Join(", ", Names(written))}. Run: {UpdateCommand}");
        foreach (var name in Names(written))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(written, name)).SequenceEqual(File.ReadAllBytes(Path.Combine(Committed, name))),
                $"en-US/{name} is not what docs/help/*.md make. Run: {UpdateCommand}");
        }
    }

    [Fact]
    public void TheBuiltModuleShipsEnUs()
    {
        Assert.Equal(Names(Committed), Names(HelpDocs.BuiltHelpFolder));
        foreach (var name in Names(Committed))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(Committed, name)).SequenceEqual(File.ReadAllBytes(Path.Combine(HelpDocs.BuiltHelpFolder, name))),
                $"out/EdgeMigration/en-US/{name} differs from en-US/{name}.");
        }
    }

    [Fact]
    public void HelpOfTopicsNoLongerInTheDocsIsRemoved()
    {
        Directory.CreateDirectory(written);
        File.WriteAllText(Path.Combine(written, "about_Gone.help.txt"), "TOPIC\n    about_gone\n");
        File.WriteAllText(Path.Combine(written, "Old-Help.xml"), "<helpItems />");
        File.WriteAllText(Path.Combine(written, "notes.md"), "not help");

        HelpBuilder.Build(HelpDocs.Folder, written);

        Assert.False(File.Exists(Path.Combine(written, "about_Gone.help.txt")));
        Assert.False(File.Exists(Path.Combine(written, "Old-Help.xml")));
        Assert.True(File.Exists(Path.Combine(written, "notes.md")));
    }
}

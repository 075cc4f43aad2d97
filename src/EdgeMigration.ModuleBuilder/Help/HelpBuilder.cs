using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using EdgeMigration.ModuleBuilder.Markdown;

namespace EdgeMigration.ModuleBuilder.Help;

/// <summary>
/// What New-ExternalHelp does for the module: every cmdlet markdown in the docs folder goes into its
/// "external help file" (EdgeMigration.dll-Help.xml), every about_ markdown into about_*.help.txt.
/// </summary>
public static class HelpBuilder
{
    /// <summary>UTF-8 with a BOM, as platyPS writes help and Windows PowerShell 5.1 reads it safely.</summary>
    private static readonly Encoding Utf8Bom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>
    /// Line feeds on every platform: the repository's en-US folder holds these files as written here, and a build
    /// on Windows must write the same bytes as one on Linux.
    /// </summary>
    private static readonly XmlWriterSettings MamlSettings = new() { Encoding = Utf8Bom, Indent = true, NewLineChars = "\n" };

    public static IReadOnlyList<string> Build(string docsFolder, string outputFolder)
    {
        var documents = Directory.GetFiles(docsFolder, "*.md").OrderBy(f => f, StringComparer.Ordinal).Select(MarkdownReader.Load).ToList();
        foreach (var stray in documents.Where(d => !AboutTopicWriter.IsAboutTopic(d) && !d.Metadata.ContainsKey("external help file")))
        {
            throw new HelpSchemaException(stray.Path, 1, "Neither cmdlet help (front matter with 'external help file') nor an about topic ('## about_Name' as second heading).");
        }
        Directory.CreateDirectory(outputFolder);
        var written = new List<string>();
        foreach (var about in documents.Where(AboutTopicWriter.IsAboutTopic))
        {
            var target = Path.Combine(outputFolder, Path.GetFileNameWithoutExtension(about.Path) + ".help.txt");
            File.WriteAllText(target, AboutTopicWriter.Write(about), Utf8Bom);
            written.Add(target);
        }
        var commands = documents.Where(d => d.Metadata.ContainsKey("external help file")).Select(CommandHelpReader.Read);
        foreach (var file in commands.GroupBy(c => c.ExternalHelpFile, StringComparer.OrdinalIgnoreCase))
        {
            var target = Path.Combine(outputFolder, file.Key);
            using (var writer = XmlWriter.Create(target, MamlSettings))
            {
                MamlWriter.Write(file.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)).Save(writer);
            }
            written.Add(target);
        }
        RemoveStaleHelp(outputFolder, written);
        return written;
    }

    /// <summary>Help files of topics or cmdlets the docs no longer have, so that they stop shipping.</summary>
    private static void RemoveStaleHelp(string outputFolder, IReadOnlyCollection<string> written)
    {
        var stale = Directory.GetFiles(outputFolder, "*.help.txt").Concat(Directory.GetFiles(outputFolder, "*-Help.xml"))
            .Where(file => !written.Contains(file, StringComparer.OrdinalIgnoreCase));
        foreach (var file in stale)
        {
            File.Delete(file);
        }
    }
}

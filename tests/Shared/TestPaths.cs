using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace EdgeMigration.Tests;

/// <summary>Where the repository, the shared corpus and reference, and the built module are.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>../shared beside the clone (CI and every developer machine have it there).</summary>
    public static string Shared => Existing(Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared")));

    public static string Corpus => Path.Combine(Shared, "corpus");

    public static string Reference => Path.Combine(Shared, "reference");

    public static string Samples => Path.Combine(RepoRoot, "samples");

    public static string ModuleManifest => Path.Combine(RepoRoot, "out", "EdgeMigration", "EdgeMigration.psd1");

    public static string CorpusFile(string name) => Existing(Path.Combine(Corpus, name));

    /// <summary>Every corpus manifest, with the ones whose names or content say they are not valid JSON manifests.</summary>
    public static IEnumerable<string> CorpusFiles() =>
        Directory.GetFiles(Corpus, "*.json").OrderBy(f => f, StringComparer.Ordinal);

    /// <summary>Corpus files that are deliberately not JSON (an installer's template with &lt;create option&gt; marks).</summary>
    public static readonly IReadOnlyCollection<string> InvalidJsonCorpusFiles = new[]
    {
        "Azure-Samples__azure-intelligent-edge-patterns__factory-ai-vision__Installer__deployment.ava.json",
    };

    /// <summary>Corpus files that are JSON schemas for manifests, not manifests.</summary>
    public static readonly IReadOnlyCollection<string> SchemaCorpusFiles = new[]
    {
        "Azure+azure-iot-cli-extension__azext_iot_assets_azure-iot-edgeagent-deployment-1.0.json",
        "Azure+azure-iot-cli-extension__azext_iot_assets_azure-iot-edgeagent-deployment-1.1.json",
        "Azure+iotedge__doc_deployment-schema-1.0.json",
    };

    /// <summary>Every corpus file that is a manifest (valid JSON, not a schema).</summary>
    public static IEnumerable<object[]> CorpusManifests() =>
        ValidCorpusFiles().Where(row => !SchemaCorpusFiles.Contains((string)row[0]));

    public static IEnumerable<object[]> ValidCorpusFiles() =>
        CorpusFiles().Where(f => !InvalidJsonCorpusFiles.Contains(Path.GetFileName(f))).Select(f => new object[] { Path.GetFileName(f) });

    private static string Existing(string path) =>
        File.Exists(path) || Directory.Exists(path) ? path
            : throw new FileNotFoundException($"Test input not found: {path}. The tests read the corpus of real manifests and the reference from the shared folder beside the clone ({Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"))}).", path);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EdgeMigration.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("EdgeMigration.sln not found above " + AppContext.BaseDirectory);
    }
}

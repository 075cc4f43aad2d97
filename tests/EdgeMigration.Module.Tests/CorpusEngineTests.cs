using System;
using System.IO;
using System.Linq;
using Xunit;

namespace EdgeMigration.Tests;

/// <summary>
/// The whole shared corpus through the module as a user pipes a folder into it: every real manifest is read,
/// and only the files that are not manifests raise (non-terminating) errors, naming the file.
/// </summary>
public sealed class CorpusEngineTests : IDisposable
{
    private static readonly string[] NotManifests = TestPaths.InvalidJsonCorpusFiles.Concat(TestPaths.SchemaCorpusFiles).ToArray();

    private readonly string _folder = Directory.CreateTempSubdirectory("edgemigration-corpus-").FullName;

    private static string PipeCorpus => $"[System.IO.DirectoryInfo]::new('{TestPaths.Corpus}').GetFiles('*.json')";

    [Fact]
    public void CheckingEveryCorpusFileErrsOnlyForTheFilesThatAreNotManifests()
    {
        using var ps = new PowerShellSession();
        var result = ps.Run($"{PipeCorpus} | Test-EdgeModuleCompatibility");

        Assert.Null(result.Terminating);
        AssertErrorsNameExactlyTheNonManifests(result);
        var manifests = result.Output.Select(o => (string)o.Properties["Manifest"].Value).Distinct().Count();
        Assert.Equal(TestPaths.CorpusManifests().Count(), manifests);
    }

    [Fact]
    public void ConvertingEveryCorpusFileWritesOneManifestPerManifestAndReadsBackClean()
    {
        using var ps = new PowerShellSession();
        var result = ps.Run($"{PipeCorpus} | ConvertTo-GpuEdgeManifest -Destination '{_folder}' -WarningAction SilentlyContinue");

        Assert.Null(result.Terminating);
        AssertErrorsNameExactlyTheNonManifests(result);
        var written = Directory.GetFiles(_folder).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal);
        Assert.Equal(TestPaths.CorpusManifests().Select(row => (string)row[0]), written);

        // What was written converts to itself: nothing fixable is left, nothing changes a second time.
        var again = ps.Run($"[System.IO.DirectoryInfo]::new('{_folder}').GetFiles('*.json') | ConvertTo-GpuEdgeManifest -WarningAction SilentlyContinue | Where-Object {{ $_.Changes.Count -gt 0 }} | ForEach-Object Manifest").AssertNoErrors();
        Assert.Empty(again.Output);
    }

    [Fact]
    public void AFileObjectAWildcardPathAndAPipedPathStringReadTheSameManifest()
    {
        using var ps = new PowerShellSession();
        var file = "Azure-Samples__azure-intelligent-edge-patterns__factory-ai-vision__EdgeSolution__deployment.gpu.template.json";
        var byObject = ps.Run($"[System.IO.FileInfo]::new('{TestPaths.CorpusFile(file)}') | Test-EdgeModuleCompatibility | ForEach-Object ModuleName").AssertNoErrors();
        var byWildcard = ps.Run($"Test-EdgeModuleCompatibility '{Path.Combine(TestPaths.Corpus, "*factory-ai-vision__EdgeSolution__deployment.gpu.template.json")}' | ForEach-Object ModuleName").AssertNoErrors();

        var byPipedString = ps.Run($"'{TestPaths.CorpusFile(file)}' | Test-EdgeModuleCompatibility | ForEach-Object ModuleName").AssertNoErrors();

        // The manifest-level result (no module) comes first; then every module of the template.
        Assert.Contains("webmodule", byObject.Output.Select(o => o?.BaseObject));
        Assert.Equal(byObject.Output.Select(o => o?.BaseObject), byWildcard.Output.Select(o => o?.BaseObject));
        Assert.Equal(byObject.Output.Select(o => o?.BaseObject), byPipedString.Output.Select(o => o?.BaseObject));
    }

    private static void AssertErrorsNameExactlyTheNonManifests(RunResult result)
    {
        var failed = result.Errors.Select(e => Path.GetFileName(e.TargetObject?.ToString() ?? "")).OrderBy(f => f, StringComparer.Ordinal);
        Assert.Equal(NotManifests.OrderBy(f => f, StringComparer.Ordinal), failed);
        Assert.All(result.Errors, e => Assert.Contains(Path.GetFileName(e.TargetObject!.ToString()!), e.Exception.Message));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

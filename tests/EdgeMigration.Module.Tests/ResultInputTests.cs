using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace EdgeMigration.Tests;

/// <summary>
/// The module's results piped into its manifest cmdlets: a result of a manifest file as it is stands for that file, read
/// once however many of its results come (as Select-String's matches stand for their file); a result of anything else
/// (a conversion, JSON text, a job's copy) is refused once per manifest, never read as the file it names.
/// </summary>
public sealed class ResultInputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("edgemigration-").FullName;
    private readonly string _fpga;
    private readonly string _fhir;
    private readonly PowerShellSession _ps = new();

    public ResultInputTests()
    {
        _fpga = Path.Combine(_folder, "fpga.json");
        _fhir = Path.Combine(_folder, "fhir.json");
        File.Copy(TestPaths.Samples + "/fpga-deployment.json", _fpga);
        File.Copy(TestPaths.CorpusFile("Azure-Samples__azure-intelligent-edge-patterns__fhir-server-edge__azure-stack-edge__deployment.template.json"), _fhir);
    }

    public void Dispose()
    {
        _ps.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    public static TheoryData<string> Cmdlets => new() { "Get-EdgeModule", "Test-EdgeModuleCompatibility", "ConvertTo-GpuEdgeManifest", "ConvertTo-EdgeKubernetesManifest" };

    private RunResult Run(string script) =>
        _ps.Run(script, new Dictionary<string, object?> { ["fpga"] = _fpga, ["fhir"] = _fhir, ["folder"] = _folder });

    /// <summary>Runs <paramref name="script"/>, which must give no output, and returns its errors' messages.</summary>
    private IReadOnlyList<string> Refusals(string script)
    {
        var run = Run(script);
        Assert.Empty(run.Output);
        return run.Errors.Select(e => e.Exception.Message).ToList();
    }

    private static IEnumerable<string> Manifests(RunResult run) => run.Output.Select(o => (string)o.Properties["Manifest"].Value);

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void ResultsOfFilesStandForThemEachReadOnce(string cmdlet)
    {
        // Twelve results of two files: the cmdlet gives what the two files give, not a conversion per module.
        var fromResults = Run($"Test-EdgeModuleCompatibility $fpga, $fhir | {cmdlet} -WarningAction Ignore").AssertNoErrors();
        var fromFiles = Run($"$fpga, $fhir | {cmdlet} -WarningAction Ignore").AssertNoErrors();

        Assert.Equal(Manifests(fromFiles), Manifests(fromResults));
        Assert.Equal(new[] { _fpga, _fhir }, Manifests(fromResults).Distinct());
    }

    [Theory]
    [InlineData("Get-EdgeModule $fpga")]
    [InlineData("Test-EdgeModuleCompatibility $fpga")]
    [InlineData("Test-EdgeModuleCompatibility $fpga | ForEach-Object Findings")]
    [InlineData("ConvertTo-EdgeKubernetesManifest $fpga -WarningAction Ignore")]
    [InlineData("ConvertTo-EdgeKubernetesManifest $fpga -WarningAction Ignore | ForEach-Object DroppedSettings")]
    [InlineData("ConvertTo-EdgeKubernetesManifest $fpga -WarningAction Ignore | ForEach-Object StartProblems")]
    public void EveryResultOfAFileStandsForIt(string results)
    {
        var run = Run($"{results} | ConvertTo-GpuEdgeManifest -WarningAction Ignore").AssertNoErrors();

        Assert.Equal(_fpga, Assert.Single(Manifests(run)));
    }

    [Fact]
    public void TheManifestsWithIncompatibleModulesConvertToFiles()
    {
        // The fleet step the README shows: convert only what the check failed, each manifest once into the folder.
        var compatible = Path.Combine(_folder, "compatible.json");
        File.WriteAllText(compatible, """{ "modulesContent": { "$edgeAgent": { "properties.desired": { "schemaVersion": "1.1", "modules": {} } } } }""");
        var gpu = Directory.CreateDirectory(Path.Combine(_folder, "gpu")).FullName;

        var run = Run($"Test-EdgeModuleCompatibility $fpga, '{compatible}' | Where-Object Compatible -eq $false | ConvertTo-GpuEdgeManifest -Destination '{gpu}' -WarningAction Ignore").AssertNoErrors();

        Assert.Equal(_fpga, Assert.Single(Manifests(run)));
        Assert.Equal(new[] { "fpga.json" }, Directory.GetFiles(gpu).Select(Path.GetFileName));
    }

    [Fact]
    public void AModuleIsReadOnlyAsTheOtherResultsAre()
    {
        // Piped on, it stands for its file: a Manifest or an Image set on it would be ignored.
        var run = Run("$module = Get-EdgeModule $fpga -Name edgeHub; $module.Manifest = $fhir; $module.Image = 'x'; $module | Test-EdgeModuleCompatibility");

        Assert.Equal(2, run.Errors.Count(e => e.FullyQualifiedErrorId == "PropertyAssignmentException"));
        Assert.Equal(new[] { _fpga }, Manifests(run).Distinct());
    }

    [Fact]
    public void TheFileIsReadAsItIsNow()
    {
        Run("$results = Test-EdgeModuleCompatibility $fpga").AssertNoErrors();
        File.Delete(_fpga);

        var run = Run("$results | ConvertTo-GpuEdgeManifest");

        Assert.Empty(run.Output);
        var error = Assert.Single(run.Errors);
        Assert.Contains(_fpga, error.Exception.Message);
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void ResultsOfAConversionAreRefusedOncePerManifestNotReadAsItsFile(string cmdlet)
    {
        // They carry the original file's name, but describe the converted manifest: the file would be the wrong one.
        var run = Run($"ConvertTo-GpuEdgeManifest $fpga -WarningAction Ignore | Test-EdgeModuleCompatibility | {cmdlet} -WarningAction Ignore");

        Assert.Empty(run.Output);
        Assert.Equal("NotAManifest", Assert.Single(run.ErrorIds).Split(',')[0]);
        Assert.Equal(
            $"EdgeMigration.EdgeModuleCompatibility is a result of this module for {_fpga} as it was piped in (converted, or as JSON text or objects), not as a file holds it; pipe that manifest itself.",
            run.Errors[0].Exception.Message);
    }

    [Fact]
    public void ResultsOfTextOrChangesAreRefusedOncePerManifest()
    {
        var text = Run("[System.IO.File]::ReadAllText($fpga), [System.IO.File]::ReadAllText($fhir) | Get-EdgeModule | Test-EdgeModuleCompatibility");
        var changes = Run("(ConvertTo-GpuEdgeManifest $fpga -WarningAction Ignore).Changes | Test-EdgeModuleCompatibility");

        Assert.Empty(text.Output);
        Assert.StartsWith("EdgeMigration.EdgeModuleInfo is a result of this module for JSON text as it was piped in", Assert.Single(text.Errors).Exception.Message);
        Assert.Empty(changes.Output);
        Assert.StartsWith($"EdgeMigration.EdgeManifestChange is a result of this module for {_fpga} as it was piped in", Assert.Single(changes.Errors).Exception.Message);
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void CopiesSelectObjectMadeOfResultsAreRefusedOncePerManifest(string cmdlet)
    {
        // Select-Object Manifest, ModuleName, Compatible names its copies so (this engine has no Select-Object); they were
        // read as JSON objects, "not an IoT Edge manifest" once per row. A conversion's copy is still read (below).
        var refusals = Refusals("1..3 | ForEach-Object { $copy = [pscustomobject]@{ Manifest = $fpga; ModuleName = \"m$_\"; Compatible = $false }; " +
                                $"$copy.PSObject.TypeNames.Insert(0, 'Selected.EdgeMigration.EdgeModuleCompatibility'); $copy }} | {cmdlet} -WarningAction Ignore");

        Assert.Equal(
            $"Selected.EdgeMigration.EdgeModuleCompatibility is a copy Select-Object made of a result of this module, which no longer knows its manifest; pipe the results themselves (select after the manifest cmdlet), or the manifest itself: its file ({_fpga}), JSON text or object.",
            Assert.Single(refusals));
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void CopiesSelectObjectMadeWithAPathPropertyReadThatFile(string cmdlet)
    {
        // Select-Object @{ n = 'FullName'; e = { $_.Manifest } } -Unique: a property no result has, named as -LiteralPath
        // and -Path take files by property name, is the user's path, read as it is from any other object; the copies
        // were refused as results that "no longer know" their manifest.
        var run = Run("'FullName', 'PSPath', 'Path' | ForEach-Object { $copy = [pscustomobject]@{ $_ = $fpga }; " +
                      $"$copy.PSObject.TypeNames.Insert(0, 'Selected.EdgeMigration.EdgeModuleCompatibility'); $copy }} | {cmdlet} -WarningAction Ignore").AssertNoErrors();
        var fromFile = Run($"$fpga, $fpga, $fpga | {cmdlet} -WarningAction Ignore").AssertNoErrors();

        Assert.Equal(Manifests(fromFile), Manifests(run));
        Assert.NotEmpty(run.Output);
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void CopiesSelectObjectMadeOfResultsBroughtBackFromAJobAreRefusedOncePerManifest(string cmdlet)
    {
        // Start-Job { ... | Select-Object Manifest, ModuleName } or Export-Clixml of a selection: named
        // Deserialized.Selected.EdgeMigration.*, they were read as JSON objects, "not an IoT Edge manifest" once per row.
        var refusals = Refusals("[System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize(" +
                                "@(1..3 | ForEach-Object { $copy = [pscustomobject]@{ Manifest = $fpga; ModuleName = \"m$_\" }; " +
                                $"$copy.PSObject.TypeNames.Insert(0, 'Selected.EdgeMigration.EdgeModuleInfo'); $copy }}), 1)) | {cmdlet} -WarningAction Ignore");

        Assert.Equal(
            $"Deserialized.Selected.EdgeMigration.EdgeModuleInfo is a result of this module brought back by remoting, a job or Import-Clixml, which no longer knows its manifest; pipe the manifest itself: its file ({_fpga}), JSON text or object.",
            Assert.Single(refusals));
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void RulesAreNotAManifestOneErrorEach(string cmdlet)
    {
        var run = Run($"(Get-EdgeMigrationRule)[0, 1] | {cmdlet}");

        Assert.Empty(run.Output);
        Assert.Equal(new[] { "NotAManifest", "NotAManifest" }, run.ErrorIds.Select(id => id.Split(',')[0]));
        Assert.All(run.Errors, e => Assert.Equal(
            "EdgeMigration.EdgeMigrationRuleInfo is a result of this module, not a manifest; pipe the manifest itself: its file, JSON text or object.",
            e.Exception.Message));
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void ResultsBroughtBackFromAJobAreRefusedOncePerManifest(string cmdlet)
    {
        // A job or Import-Clixml gives property bags, which no longer know whether they describe a file as it is.
        var refusals = Refusals("[System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize(" +
                                $"@(Get-EdgeModule $fpga, $fhir), 1)) | {cmdlet} -WarningAction Ignore");

        Assert.Equal(new[]
        {
            $"Deserialized.EdgeMigration.EdgeModuleInfo is a result of this module brought back by remoting, a job or Import-Clixml, which no longer knows its manifest; pipe the manifest itself: its file ({_fpga}), JSON text or object.",
            $"Deserialized.EdgeMigration.EdgeModuleInfo is a result of this module brought back by remoting, a job or Import-Clixml, which no longer knows its manifest; pipe the manifest itself: its file ({_fhir}), JSON text or object.",
        }, refusals);
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace EdgeMigration.Tests;

/// <summary>
/// What both manifest cmdlets take from the pipeline besides files and whole JSON text: objects that name files, JSON
/// text that starts with a comment or a bracket, lines of any of it, and what is neither; and that errors keep their
/// place among the results.
/// </summary>
public sealed class PipelineInputTests : IDisposable
{
    private const string Password = "pipeline-registry-password";

    private readonly string _folder = Directory.CreateTempSubdirectory("edgemigration-").FullName;

    private static string Sample => TestPaths.Samples + "/fpga-deployment.json";

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Cmdlets => new() { "Test-EdgeModuleCompatibility", "ConvertTo-GpuEdgeManifest" };

    /// <summary>The sample with a registry password, as a file in the test's folder.</summary>
    private string SampleWithPassword(string name = "secret.json")
    {
        var file = Path.Combine(_folder, name);
        File.WriteAllText(file, File.ReadAllText(Sample).Replace("REPLACE-WITH-REGISTRY-PASSWORD", Password));
        return file;
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void ObjectsThatNameAFileAreReadAsThatFile(string cmdlet)
    {
        var file = Path.Combine(_folder, "site[1].json");
        File.Copy(Sample, file);
        using var ps = new PowerShellSession();
        foreach (var property in new[] { "FullName", "PSPath", "LP", "LiteralPath" })
        {
            var run = ps.Run($"[pscustomobject]@{{ {property} = $file; Length = 1 }} | {cmdlet} -WarningAction Ignore | ForEach-Object {{ $_.Manifest }}",
                new Dictionary<string, object?> { ["file"] = file }).AssertNoErrors();
            Assert.NotEmpty(run.Output);
            Assert.All(run.Output, o => Assert.Equal(file, o.ToString()));
        }
        // -Path by property name takes wildcards, as for Get-Content.
        var wildcard = ps.Run($"[pscustomobject]@{{ Path = $folder + '/site`[1`].json' }} | {cmdlet} -WarningAction Ignore | ForEach-Object {{ $_.Manifest }}",
            new Dictionary<string, object?> { ["folder"] = _folder }).AssertNoErrors();
        Assert.Equal(file, wildcard.Output.First().ToString());
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void AnArrayGivenToInputObjectIsReadAsIfPiped(string cmdlet)
    {
        // -InputObject (Get-Content x.json), -InputObject $deployments, -InputObject (Get-ChildItem …): no manifest is an array.
        using var ps = new PowerShellSession();
        var variables = new Dictionary<string, object?> { ["file"] = Sample };

        var one = ps.Run($"{cmdlet} -LiteralPath $file -WarningAction Ignore | ForEach-Object Manifest", variables).AssertNoErrors();
        var lines = ps.Run($"{cmdlet} -InputObject ([System.IO.File]::ReadAllLines($file)) -WarningAction Ignore | ForEach-Object Manifest", variables).AssertNoErrors();
        var files = ps.Run($"{cmdlet} -InputObject @([System.IO.FileInfo]::new($file), $file) -WarningAction Ignore | ForEach-Object Manifest", variables).AssertNoErrors();

        Assert.Equal(one.Output.Count, lines.Output.Count);
        Assert.Equal(new[] { "JSON text from the pipeline" }, lines.Output.Select(o => o.ToString()).Distinct());
        Assert.Equal(2 * one.Output.Count, files.Output.Count);
        Assert.Equal(one.Output.Select(o => o.ToString()).Distinct(), files.Output.Select(o => o.ToString()).Distinct());
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void AListOfDeploymentsIsReadDeploymentByDeployment(string cmdlet)
    {
        // az iot edge deployment list prints a JSON list: each deployment is a result, named by its id, and what is no
        // manifest an error of its own. Windows PowerShell's ConvertFrom-Json sends a list as one array, read the same way.
        var sample = File.ReadAllText(Sample);
        var list = Path.Combine(_folder, "deployments.json");
        File.WriteAllText(list, $"[\n{{ \"id\": \"fpga-v1\", \"content\": {sample} }},\n{{ \"content\": {sample} }},\n42\n]\n");
        using var ps = new PowerShellSession();
        var variables = new Dictionary<string, object?> { ["file"] = list, ["sample"] = Sample };

        var text = ps.Run($"[System.IO.File]::ReadAllText($file) | {cmdlet} -WarningAction Ignore | ForEach-Object Manifest", variables);
        var lines = ps.Run($"[System.IO.File]::ReadAllLines($file) | {cmdlet} -WarningAction Ignore | ForEach-Object Manifest", variables);
        var whole = ps.Run($", @([System.IO.File]::ReadAllText($sample), [System.IO.File]::ReadAllText($sample)) | {cmdlet} -WarningAction Ignore | ForEach-Object Manifest", variables).AssertNoErrors();

        foreach (var (run, source) in new[] { (text, "JSON text"), (lines, "JSON text from the pipeline") })
        {
            Assert.Equal(new[] { "deployment 'fpga-v1'", source + ", element [1]" }, run.Output.Select(o => o.ToString()).Distinct());
            Assert.Equal("NotAManifest", Assert.Single(run.ErrorIds).Split(',')[0]);
        }
        var perManifest = text.Output.Count(o => o.ToString() == "deployment 'fpga-v1'");
        Assert.Equal(2 * perManifest, whole.Output.Count);
        Assert.Equal(new[] { "JSON text" }, whole.Output.Select(o => o.ToString()).Distinct());
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void OneDeploymentAsTextIsNamedByItsIdAsInAList(string cmdlet)
    {
        // az iot edge deployment show | …, or Get-Content -Raw of a file holding one deployment: named as Az.IotHub's objects are.
        var deployment = Path.Combine(_folder, "deployment.json");
        File.WriteAllText(deployment, $"{{ \"id\": \"fpga-v1\", \"content\": {File.ReadAllText(Sample)} }}\n");
        using var ps = new PowerShellSession();
        var variables = new Dictionary<string, object?> { ["file"] = deployment };

        var text = ps.Run($"[System.IO.File]::ReadAllText($file) | {cmdlet} -WarningAction Ignore | ForEach-Object Manifest", variables).AssertNoErrors();
        var lines = ps.Run($"[System.IO.File]::ReadAllLines($file) | {cmdlet} -WarningAction Ignore | ForEach-Object Manifest", variables).AssertNoErrors();

        Assert.Equal(new[] { "deployment 'fpga-v1'" }, text.Output.Select(o => o.ToString()).Distinct());
        Assert.Equal(new[] { "deployment 'fpga-v1'" }, lines.Output.Select(o => o.ToString()).Distinct());
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void OneDeploymentAsAHashtableIsNamedByItsId(string cmdlet)
    {
        // ConvertFrom-Json -AsHashtable of az iot edge deployment show's output.
        using var ps = new PowerShellSession();
        var run = ps.Run($$"""
            [ordered]@{ id = 'fpga-v1'; content = @{ modulesContent = @{ '$edgeAgent' = @{ 'properties.desired' = @{ schemaVersion = '1.0'; runtime = @{ type = 'docker' };
                modules = @{ m1 = @{ type = 'docker'; settings = @{ image = 'x'; createOptions = '{}' } } } } } } } } | {{cmdlet}} -WarningAction Ignore | ForEach-Object Manifest
            """).AssertNoErrors();

        Assert.Equal(new[] { "deployment 'fpga-v1'" }, run.Output.Select(o => o.ToString()));
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void DeviceConfigurationsAreNotAManifestErrorsNamedByTheirIds(string cmdlet)
    {
        // az iot hub configuration list (or Get-AzIotHubConfiguration) beside deployments: the configurations set device
        // twin properties and deploy no modules; each is an error of its own, not a manifest without modules that passes.
        const string configuration = """{"id": "chiller", "content": {"deviceContent": {"properties.desired.chiller-water": {"temperature": 66}}, "moduleContent": {}, "modulesContent": {}}, "targetCondition": "*", "priority": 1}""";
        var list = Path.Combine(_folder, "configurations.json");
        File.WriteAllText(list, $"[\n{{ \"id\": \"fpga-v1\", \"content\": {File.ReadAllText(Sample)} }},\n{configuration}\n]\n");
        using var ps = new PowerShellSession();
        var variables = new Dictionary<string, object?> { ["file"] = list, ["configuration"] = configuration };

        var text = ps.Run($"[System.IO.File]::ReadAllText($file) | {cmdlet} -WarningAction Ignore | ForEach-Object Manifest", variables);
        var az = ps.Run($$"""
            [pscustomobject]@{ Id = 'chiller'; Priority = 1; TargetCondition = '*'; Labels = @{}; Content = [pscustomobject]@{ DeviceContent = @{ 'properties.desired.chiller-water' = @{ temperature = 66 } }; ModulesContent = @{} } } |
                {{cmdlet}} -WarningAction Ignore
            """);

        Assert.Equal(new[] { "deployment 'fpga-v1'" }, text.Output.Select(o => o.ToString()).Distinct());
        foreach (var run in new[] { text, az })
        {
            Assert.Equal("NotAManifest", Assert.Single(run.ErrorIds).Split(',')[0]);
            Assert.Equal("deployment 'chiller'", run.Errors[0].TargetObject);
            Assert.StartsWith("deployment 'chiller': the JSON is an IoT Hub device configuration", run.Errors[0].Exception.Message);
        }
        Assert.Empty(az.Output);
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void AFolderFromThePipelineIsAFolderError(string cmdlet)
    {
        using var ps = new PowerShellSession();
        var run = ps.Run($"[System.IO.DirectoryInfo]::new('{_folder}') | {cmdlet}");
        Assert.Equal($"PathIsDirectory,EdgeMigration.Commands.{cmdlet.Replace("-", "")}Command", Assert.Single(run.ErrorIds));
        Assert.Equal(_folder, run.Errors[0].TargetObject);
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void AFileNameWithBracketsIsFoundThoughNotEscaped(string cmdlet)
    {
        var file = Path.Combine(_folder, "a[1].json");
        File.Copy(Sample, file);
        using var ps = new PowerShellSession();
        var run = ps.Run($"$file | {cmdlet} -WarningAction Ignore | ForEach-Object Manifest", new Dictionary<string, object?> { ["file"] = file }).AssertNoErrors();
        Assert.NotEmpty(run.Output);
        Assert.All(run.Output, o => Assert.Equal(file, o.ToString()));
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void JsonTextThatStartsWithACommentIsRead(string cmdlet)
    {
        AssertReadWholeAndByLines(cmdlet, "// Deployment for site A { see the wiki }\n/* \"quoted\" [ */\n" + File.ReadAllText(Sample));
    }

    /// <summary>The text piped whole and one line at a time (as Get-Content sends it): read, and read alike.</summary>
    private static void AssertReadWholeAndByLines(string cmdlet, string text)
    {
        using var ps = new PowerShellSession();
        var whole = ps.Run($"$text | {cmdlet} -WarningAction Ignore", new Dictionary<string, object?> { ["text"] = text }).AssertNoErrors();
        var lines = ps.Run($"$text.Split(\"`n\") | {cmdlet} -WarningAction Ignore", new Dictionary<string, object?> { ["text"] = text }).AssertNoErrors();
        Assert.NotEmpty(whole.Output);
        Assert.Equal(whole.Output.Count, lines.Output.Count);
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void ABraceInACommentDoesNotEndTheLinesOfAManifest(string cmdlet)
    {
        var text = File.ReadAllText(Sample).Replace("\"modulesContent\"", "// TODO: drop the old FPGA modules }\n  \"modulesContent\"");
        using var ps = new PowerShellSession();
        var run = ps.Run($"$text.Split(\"`n\") | {cmdlet} -WarningAction Ignore", new Dictionary<string, object?> { ["text"] = text }).AssertNoErrors();
        Assert.NotEmpty(run.Output);
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void TextThatIsNotAManifestNeverShowsItsPasswords(string cmdlet)
    {
        var text = File.ReadAllText(SampleWithPassword());
        using var ps = new PowerShellSession();
        // A JSON array of the manifest, whole and as lines; and the manifest's lines one by one, as if each were a path.
        var run = ps.Run($"'[' + $text + ']' | {cmdlet}; ('[' + $text + ']').Split(\"`n\") | {cmdlet}; $text.Split(\"`n\") | ForEach-Object {{ $_ | {cmdlet} }}",
            new Dictionary<string, object?> { ["text"] = text });

        Assert.NotEmpty(run.Errors);
        Assert.Contains(run.Errors, e => e.Exception.Message.Contains("array", StringComparison.Ordinal));
        foreach (var error in run.Errors)
        {
            Assert.DoesNotContain(Password, error.Exception.Message);
            Assert.DoesNotContain(Password, error.TargetObject?.ToString() ?? "");
            Assert.DoesNotContain(Password, error.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void PathsThatStartLikeACommentAreStillPaths(string cmdlet)
    {
        var good = Path.Combine(_folder, "good.json");
        File.Copy(Sample, good);
        using var ps = new PowerShellSession();
        var variables = new Dictionary<string, object?> { ["good"] = good, ["wildcard"] = "/*/" + Path.GetFileName(_folder) + "/good.json" };

        var run = ps.Run($"'//nosuchserver/share/m.json', $good, $wildcard | {cmdlet} -WarningAction Ignore | ForEach-Object Manifest", variables);

        Assert.Equal("ManifestFileNotFound", Assert.Single(run.ErrorIds).Split(',')[0]);
        Assert.Equal(new[] { good }, run.Output.Select(o => o.ToString()).Distinct());
        Assert.True(run.Output.Count >= 2);
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void CommentsAfterAManifestBelongToIt(string cmdlet)
    {
        var text = File.ReadAllText(Sample);
        using var ps = new PowerShellSession();
        var variables = new Dictionary<string, object?> { ["text"] = text, ["line"] = text.Replace("\n", " ").Replace("\r", " ") };

        var lines = ps.Run($"($text + \"`n// end of the deployment`n/* generated */\").Split(\"`n\") | {cmdlet} -WarningAction Ignore", variables).AssertNoErrors();
        var oneLine = ps.Run($"$line, '// end' | {cmdlet} -WarningAction Ignore", variables).AssertNoErrors();

        Assert.NotEmpty(lines.Output);
        Assert.Equal(lines.Output.Count, oneLine.Output.Count);
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void AByteOrderMarkDecodedIntoTheTextIsSkipped(string cmdlet)
    {
        AssertReadWholeAndByLines(cmdlet, "\uFEFF" + File.ReadAllText(Sample));
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void FilesNamedInBracesOrWithQuotesAreFound(string cmdlet)
    {
        var braces = Path.Combine(_folder, "{6f1c2a7e}.json");
        var quote = Path.Combine(_folder, "dq\"uote.json");
        File.Copy(Sample, braces);
        File.Copy(Sample, quote);
        using var ps = new PowerShellSession();
        var run = ps.Run($"$braces, $quote | {cmdlet} -WarningAction Ignore | ForEach-Object Manifest",
            new Dictionary<string, object?> { ["braces"] = braces, ["quote"] = quote }).AssertNoErrors();
        Assert.Equal(new[] { braces, quote }, run.Output.Select(o => o.ToString()).Distinct());
    }

    [Fact]
    public void AManifestObjectWithAPathPropertyIsTheManifest()
    {
        using var ps = new PowerShellSession();
        var run = ps.Run("[pscustomobject]@{ schemaVersion = '1.1'; modules = [pscustomobject]@{ mine = [pscustomobject]@{ type = 'docker'; settings = [pscustomobject]@{ image = 'x' } } }; Path = $sample } | Get-EdgeModule | ForEach-Object Name",
            new Dictionary<string, object?> { ["sample"] = Sample }).AssertNoErrors();
        Assert.Contains("mine", run.Output.Select(o => o.ToString()));
        Assert.DoesNotContain("file_mover", run.Output.Select(o => o.ToString()));
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void ErrorsComeInTheirPlaceAndStopAfterTheResultsBeforeThem(string cmdlet)
    {
        var good = Path.Combine(_folder, "good.json");
        File.Copy(Sample, good);
        var missing = Path.Combine(_folder, "missing.json");
        using var ps = new PowerShellSession();
        var variables = new Dictionary<string, object?> { ["good"] = good, ["missing"] = missing, ["folder"] = _folder };

        var merged = ps.Run($"{cmdlet} $good, $missing, $folder, $good -WarningAction Ignore 2>&1 | ForEach-Object {{ if ($_ -is [System.Management.Automation.ErrorRecord]) {{ 'error ' + $_.FullyQualifiedErrorId.Split(',')[0] }} else {{ 'result' }} }}",
            variables);
        var order = merged.Output.Select(o => o.ToString()).Distinct().ToList();
        Assert.Equal(new[] { "result", "error ManifestFileNotFound", "error PathIsDirectory" }, order.Take(3));
        Assert.Equal("result", merged.Output.Last().ToString());

        var stopped = ps.Run($"try {{ {cmdlet} $good, $missing -WarningAction Ignore -ErrorAction Stop | ForEach-Object {{ 'result' }} }} catch {{ 'stopped' }}", variables);
        Assert.Equal("stopped", stopped.Output.Last().ToString());
        Assert.Contains("result", stopped.Output.Select(o => o.ToString()));
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void ARuleIdThatNamesNoRuleStopsTheCommand(string cmdlet)
    {
        using var ps = new PowerShellSession();
        foreach (var parameter in new[] { "-Rule R01", "-ExcludeRule X9" })
        {
            var run = ps.Run($"{cmdlet} '{Sample}' {parameter} -WarningAction Ignore");
            Assert.Empty(run.Output);
            Assert.Equal($"RuleNotFound,EdgeMigration.Commands.{cmdlet.Replace("-", "")}Command", Assert.Single(run.ErrorIds));
        }
        ps.Run($"{cmdlet} '{Sample}' -Rule 'R*' -ExcludeRule 'Z*' -WarningAction Ignore").AssertNoErrors();
    }

    /// <summary>
    /// Patterns that leave no rule to run (several in one string, or all excluded again) would check nothing and report the
    /// manifest compatible, or fix nothing: as sure a mistake as a misspelt id.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void RulePatternsThatLeaveNoRuleStopTheCommand(string cmdlet)
    {
        using var ps = new PowerShellSession();
        foreach (var (parameters, chosen) in new[]
        {
            ("-Rule 'S*,N*'", "-Rule 'S*,N*'"),
            ("-Rule R*, O? -ExcludeRule R*, O*", "-Rule 'R*', 'O?' with -ExcludeRule 'R*', 'O*'"),
            ("-ExcludeRule *", "-ExcludeRule '*'"),
        })
        {
            var run = ps.Run($"{cmdlet} '{Sample}' {parameters} -WarningAction Ignore");

            Assert.Empty(run.Output);
            var error = Assert.Single(run.Errors);
            Assert.Equal($"NoRuleSelected,EdgeMigration.Commands.{cmdlet.Replace("-", "")}Command", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.StartsWith($"{chosen} leaves no migration rule to run", error.Exception.Message);
        }
        Assert.Contains("-Rule S*, N*", Assert.Single(ps.Run($"{cmdlet} '{Sample}' -Rule 'S*,N*'").Errors).Exception.Message);
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void ShareMapEntriesThatNoBindUsesAreWarnedOfOnce(string cmdlet)
    {
        using var ps = new PowerShellSession();
        var run = ps.Run($"{cmdlet} '{Sample}', '{Sample}' -ShareMap @{{ '/nope' = 'nope'; 'Input' = 'input'; '/var/www/html/' = 'webcontent' }}").AssertNoErrors();

        var warning = Assert.Single(run.Warnings, w => w.StartsWith("-ShareMap", StringComparison.Ordinal));
        Assert.Contains("'/nope' or 'Input'", warning);
        Assert.DoesNotContain("/var/www/html", warning);
        Assert.DoesNotContain(ps.Run($"{cmdlet} '{Sample}' -ShareMap @{{ '/var/www/html' = 'webcontent' }}").AssertNoErrors().Warnings,
            w => w.StartsWith("-ShareMap", StringComparison.Ordinal));
    }

    [Fact]
    public void AModuleNameThatNamesNoModuleIsAnError()
    {
        using var ps = new PowerShellSession();
        var run = ps.Run($"Test-EdgeModuleCompatibility '{Sample}' -ModuleName file_mover_typo -Quiet");
        // No result of the manifest, and -Quiet's False: a script never takes a typo for compatible.
        Assert.Equal(new object[] { false }, run.Output.Select(o => o.BaseObject));
        Assert.Equal("ModuleNotFound,EdgeMigration.Commands.TestEdgeModuleCompatibilityCommand", Assert.Single(run.ErrorIds));
        // A wildcard that matches no module is no error (as for Get-Process); the manifest's own findings still come out.
        ps.Run($"Test-EdgeModuleCompatibility '{Sample}' -ModuleName 'nothing*'").AssertNoErrors();
    }

    [Fact]
    public void SeveralModuleNamesCheckEachModuleTheyMatch()
    {
        // As Get-EdgeModule -Name and ConvertTo-EdgeKubernetesManifest -ModuleName take them.
        using var ps = new PowerShellSession();
        var run = ps.Run($"Test-EdgeModuleCompatibility '{Sample}' -ModuleName file_mover, web* | ForEach-Object ModuleName").AssertNoErrors();
        Assert.Equal(new object?[] { null, "WebServerApp", "file_mover" }, run.Output.Select(o => o?.BaseObject));

        // Each name that names no module is an error, and the manifest gives no result: -Quiet says False, once.
        var missing = ps.Run($"Test-EdgeModuleCompatibility '{Sample}' -ModuleName file_mover, typo1, typo2 -Quiet");
        Assert.Equal(new object[] { false }, missing.Output.Select(o => o.BaseObject));
        Assert.Equal(new[] { "typo1", "typo2" }, missing.Errors.Select(e => e.TargetObject));
    }
}

using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace EdgeMigration.Tests;

/// <summary>Paths that name no manifest, and destinations that cannot be written: one exact error each, and the rest goes on.</summary>
public sealed class HostileInputEngineTests : IDisposable
{
    private static string Sample => TestPaths.Samples + "/fpga-deployment.json";

    private readonly string _folder = Directory.CreateTempSubdirectory("edgemigration-hostile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Cmdlets => new() { "Get-EdgeModule", "Test-EdgeModuleCompatibility", "ConvertTo-GpuEdgeManifest", "ConvertTo-EdgeKubernetesManifest" };

    private static string ErrorId(string id, string cmdlet) => $"{id},EdgeMigration.Commands.{cmdlet.Replace("-", "")}Command";

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void ADirectoryAMissingFileAndAWildcardMatchingNothingEachGetTheirAnswerAndTheNextInputIsRead(string cmdlet)
    {
        using var ps = new PowerShellSession();
        var missing = Path.Combine(_folder, "missing.json");

        var result = ps.Run($"{cmdlet} -Path '{_folder}', '{missing}', '{_folder}/none-*.json', '{Sample}' | ForEach-Object Manifest");

        Assert.Equal(new[] { ErrorId("PathIsDirectory", cmdlet), ErrorId("ManifestFileNotFound", cmdlet) }, result.ErrorIds);
        Assert.Equal($"'{_folder}' is a directory; give a manifest file, or pipe the files from Get-ChildItem '{_folder}' -Filter *.json.", result.Errors[0].Exception.Message);
        Assert.Equal((ErrorCategory.InvalidArgument, (object)_folder), (result.Errors[0].CategoryInfo.Category, result.Errors[0].TargetObject));
        Assert.Equal($"Cannot find the manifest file '{missing}' because it does not exist.", result.Errors[1].Exception.Message);
        Assert.Equal((ErrorCategory.ObjectNotFound, (object)missing), (result.Errors[1].CategoryInfo.Category, result.Errors[1].TargetObject));
        Assert.NotEmpty(result.Output);
        Assert.All(result.Output, o => Assert.Equal(Sample, o.BaseObject));
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void AMissingFileGivenByARelativePathIsNamedInFull(string cmdlet)
    {
        // A runbook's log shows the error, not the folder the job ran in: the file is named as -LiteralPath and Get-Item name it.
        using var ps = new PowerShellSession();
        var missing = Path.Combine(_folder, "missing.json");

        var result = ps.Run($"$null = $ExecutionContext.SessionState.Path.SetLocation('{_folder}'); {cmdlet} -Path ./missing.json; {cmdlet} -LiteralPath ./missing.json");

        Assert.Equal(new[] { ErrorId("ManifestFileNotFound", cmdlet), ErrorId("ManifestFileNotFound", cmdlet) }, result.ErrorIds);
        Assert.All(result.Errors, error =>
        {
            Assert.Equal($"Cannot find the manifest file '{missing}' because it does not exist.", error.Exception.Message);
            Assert.Equal((object)missing, error.TargetObject);
        });
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void AWildcardMatchingNothingIsNoErrorButALiteralPathIs(string cmdlet)
    {
        using var ps = new PowerShellSession();

        var wildcard = ps.Run($"{cmdlet} -Path '{_folder}/*.json'");
        var literal = ps.Run($"{cmdlet} -LiteralPath '{_folder}/[a]*.json'");

        Assert.Equal((0, 0), (wildcard.Output.Count, wildcard.Errors.Count));
        Assert.False(wildcard.HadErrors);
        Assert.Equal(new[] { ErrorId("ManifestFileNotFound", cmdlet) }, literal.ErrorIds);
        Assert.Equal($"Cannot find the manifest file '{_folder}/[a]*.json' because it does not exist.", literal.Errors[0].Exception.Message);
    }

    [Fact]
    public void AFolderNobodyMayWriteToIsAWriteErrorForEachManifestAndTheRunGoesOn()
    {
        // sysfs refuses new files and folders even to root, as a read-only share refuses them to a user.
        using var ps = new PowerShellSession();
        var other = Path.Combine(_folder, "other.json");
        File.Copy(Sample, other);

        var intoFolder = ps.Run($"ConvertTo-GpuEdgeManifest -Path '{Sample}', '{other}' -Destination /sys/edgemigration-out -WarningAction SilentlyContinue");
        var intoFile = ps.Run($"ConvertTo-GpuEdgeManifest -Path '{Sample}' -OutFile /sys/edgemigration-gpu.json -WarningAction SilentlyContinue");

        var notWritten = "OutputFileNotWritten,EdgeMigration.Commands.ConvertToGpuEdgeManifestCommand";
        Assert.Equal(new[] { notWritten, notWritten }, intoFolder.ErrorIds);
        Assert.Equal("Access to the path '/sys/edgemigration-out' is denied.", intoFolder.Errors[0].Exception.Message);
        Assert.Equal((ErrorCategory.WriteError, (object)"/sys/edgemigration-out/other.json"), (intoFolder.Errors[1].CategoryInfo.Category, intoFolder.Errors[1].TargetObject));
        Assert.Empty(intoFolder.Output);
        Assert.Equal(new[] { notWritten }, intoFile.ErrorIds);
        Assert.StartsWith("The file '/sys/edgemigration-gpu.json' was not written: Access to the path '/sys/.edgemigration-gpu.json.", intoFile.Errors[0].Exception.Message);
        Assert.False(File.Exists("/sys/edgemigration-gpu.json"));
    }

    /// <summary>A folder given as -OutFile, or a file where an output folder goes: .NET's "already exists" would send the user to -Force, no use here.</summary>
    [Fact]
    public void AFolderAsTheOutFileAndAFileAsAFolderAreErrorsThatSaySo()
    {
        using var ps = new PowerShellSession();
        var file = Path.Combine(_folder, "taken.json");
        File.WriteAllText(file, "keep me");

        var folderAsFile = ps.Run($"ConvertTo-GpuEdgeManifest -Path '{Sample}' -OutFile '{_folder}' -Force -WarningAction SilentlyContinue");
        var fileAsDestination = ps.Run($"ConvertTo-GpuEdgeManifest -Path '{Sample}' -Destination '{file}' -WarningAction SilentlyContinue");
        var fileInPath = ps.Run($"ConvertTo-GpuEdgeManifest -Path '{Sample}' -OutFile '{file}/sub/gpu.json' -WarningAction SilentlyContinue");

        var folder = Assert.Single(folderAsFile.Errors);
        Assert.Equal(("OutputPathIsFolder,EdgeMigration.Commands.ConvertToGpuEdgeManifestCommand", ErrorCategory.InvalidArgument), (folder.FullyQualifiedErrorId, folder.CategoryInfo.Category));
        Assert.Equal($"'{_folder}' is a folder: give -OutFile the path of a file, or -Destination the folder to write into.", folder.Exception.Message);
        Assert.Equal($"Cannot make the folder '{file}': '{file}' is a file.", Assert.Single(fileAsDestination.Errors).Exception.Message);
        Assert.Equal($"Cannot make the folder '{file}/sub': '{file}' is a file.", Assert.Single(fileInPath.Errors).Exception.Message);
        Assert.All(new[] { folderAsFile, fileAsDestination, fileInPath }, run => Assert.Empty(run.Output));
        Assert.Equal("keep me", File.ReadAllText(file));
    }

    [Fact]
    public void AnExistingDestinationIsKeptWithoutForceAndReplacedWholeWithIt()
    {
        using var ps = new PowerShellSession();
        var target = Path.Combine(_folder, "gpu.json");
        File.WriteAllText(target, "keep me");

        var refused = ps.Run($"ConvertTo-GpuEdgeManifest -Path '{Sample}' -OutFile '{target}' -WarningAction SilentlyContinue");
        var kept = File.ReadAllText(target);
        var replaced = ps.Run($"(ConvertTo-GpuEdgeManifest -Path '{Sample}' -OutFile '{target}' -Force -WarningAction SilentlyContinue).ToJson()").AssertNoErrors();

        Assert.Equal($"The file '{target}' already exists; use -Force to overwrite it.", Assert.Single(refused.Errors).Exception.Message);
        Assert.Equal("keep me", kept);
        Assert.Equal(replaced.Single().BaseObject, File.ReadAllText(target));
        Assert.Equal(new[] { "gpu.json" }, Directory.GetFiles(_folder).Select(Path.GetFileName));
    }
}

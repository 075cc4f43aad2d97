using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Management.Automation;
using System.Xml.Linq;
using Xunit;

namespace EdgeMigration.Tests;

/// <summary>
/// The packages a release ships: the zip Azure Automation imports (a folder named like the module, paths under
/// 140 characters) and the .nupkg Publish-Module would make (module files at the root, a nuspec that agrees
/// with the psd1). Facts about the module come from the engine's Test-ModuleManifest.
/// </summary>
[Collection(DotnetBuild.Collection)]
public class PackageTests : IClassFixture<PackageFixture>
{
    private static readonly XNamespace Nuspec = "http://schemas.microsoft.com/packaging/2011/08/nuspec.xsd";
    private readonly PackageFixture _package;

    public PackageTests(PackageFixture package) => _package = package;

    private static PSObject Manifest(PowerShellSession ps) =>
        ps.Run($"Test-ModuleManifest -Path '{TestPaths.ModuleManifest}'").AssertNoErrors().Single();

    private static string Version()
    {
        using var ps = new PowerShellSession();
        return Manifest(ps).Properties["Version"].Value.ToString()!;
    }

    [Fact]
    public void ZipHoldsTheModuleFolderForAzureAutomation()
    {
        var zip = Path.Combine(_package.Folder, $"EdgeMigration-{Version()}.zip");
        using var archive = ZipFile.OpenRead(zip);
        var names = archive.Entries.Select(e => e.FullName.Replace('\\', '/')).ToList();

        Assert.All(names, n => Assert.StartsWith("EdgeMigration/", n));
        Assert.All(names, n => Assert.True(n.Length < 140, $"{n} is {n.Length} characters; Azure Automation needs under 140."));
        foreach (var required in new[] { "EdgeMigration.psd1", "EdgeMigration.dll", "EdgeMigration.Core.dll", "EdgeMigration.Format.ps1xml", "EdgeMigration.Types.ps1xml",
                     "System.Text.Json.dll", "en-US/EdgeMigration.dll-Help.xml", "en-US/about_EdgeMigration.help.txt",
                     $"runtimes/win-x64/lib/net{Environment.Version.Major}.0/EdgeMigration.Core.dll" })
        {
            Assert.Contains("EdgeMigration/" + required, names);
        }
        Assert.True(new FileInfo(zip).Length < 100L * 1024 * 1024);
    }

    [Fact]
    public void ModuleImportsFromTheUnzippedFolderWithItsHelp()
    {
        var unzipped = Path.Combine(_package.Folder, "unzipped");
        ZipFile.ExtractToDirectory(Path.Combine(_package.Folder, $"EdgeMigration-{Version()}.zip"), unzipped);
        var module = Path.Combine(unzipped, "EdgeMigration");

        // In a fresh process, as a user imports it: this one has EdgeMigration.dll of out/EdgeMigration loaded, and .NET loads
        // no second assembly of that name. It reused that one for a copy of the same build, and refused a copy of another
        // ("Assembly with same name is already loaded": the sources or the commit had changed since out/ was built).
        var result = ShellRunner.Run("(Get-Module EdgeMigration).ModuleBase; (Get-Command Get-EdgeModule).ImplementingType.Assembly.Location; " +
            "(Get-Help Get-EdgeModule).Synopsis", module: module);

        Assert.True(result.ExitCode == 0, result.StandardError);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(module, lines[0]);
        Assert.Equal(Path.Combine(module, "EdgeMigration.dll"), lines[1]);
        Assert.StartsWith("Lists the modules of IoT Edge manifests", lines[2]);
    }

    [Fact]
    public void InstallsWithPSResourceGetAsTheReadmeSays()
    {
        // The README's commands in a real pwsh, with a home folder of the test's own (on Unix, where PSResourceGet and pwsh
        // keep a user's repositories and modules): the repository registered and the module installed go into no user's
        // settings or modules.
        var home = Directory.CreateDirectory(Path.Combine(_package.Folder, "home")).FullName;
        var script = string.Join("; ",
            "$ErrorActionPreference = 'Stop'",
            $"Register-PSResourceRepository -Name local -Uri {RealPwsh.Quoted(_package.Folder)} -Trusted",
            "Install-PSResource EdgeMigration -Repository local",
            "Import-Module EdgeMigration",
            "(Get-Module EdgeMigration).ModuleBase",
            "(Get-Command -Module EdgeMigration).Count",
            "(Get-Help Get-EdgeModule).Synopsis",
            $"Test-EdgeModuleCompatibility {RealPwsh.Quoted(Path.Combine(TestPaths.Samples, "fpga-deployment.json"))} -Quiet");

        var result = RealPwsh.Run(script, environment =>
        {
            environment["HOME"] = home;
            environment.Remove("XDG_DATA_HOME");
            environment.Remove("XDG_CONFIG_HOME");
            environment.Remove("PSModulePath");
        });

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(Path.Combine(home, ".local", "share", "powershell", "Modules", "EdgeMigration", Version()), lines[0]);
        Assert.Equal(new[] { "6", "Lists the modules of IoT Edge manifests, in any shape, with their decoded createOptions.", "False" }, lines.Skip(1));
    }

    [Fact]
    public void NupkgIsLaidOutAsPublishModuleMakesIt()
    {
        var nupkg = Path.Combine(_package.Folder, $"EdgeMigration.{Version()}.nupkg");
        using var archive = ZipFile.OpenRead(nupkg);
        var names = archive.Entries.Select(e => e.FullName.Replace('\\', '/')).ToHashSet();
        var moduleFolder = Path.Combine(_package.Folder, "module", "EdgeMigration");

        Assert.Contains("EdgeMigration.nuspec", names);
        Assert.Contains("[Content_Types].xml", names);
        foreach (var file in Directory.GetFiles(moduleFolder, "*", SearchOption.AllDirectories))
        {
            Assert.Contains(Path.GetRelativePath(moduleFolder, file).Replace('\\', '/'), names);
        }
    }

    [Fact]
    public void NuspecAgreesWithThePsd1()
    {
        using var ps = new PowerShellSession();
        var manifest = Manifest(ps);
        var psData = ps.Run($"(Test-ModuleManifest -Path '{TestPaths.ModuleManifest}').PrivateData.PSData").AssertNoErrors().Single().BaseObject as System.Collections.Hashtable;
        var cmdlets = ps.Run("(Get-Module EdgeMigration).ExportedCmdlets.Keys").AssertNoErrors().Output.Select(o => o.ToString()!).ToList();
        using var archive = ZipFile.OpenRead(Path.Combine(_package.Folder, $"EdgeMigration.{Version()}.nupkg"));
        using var stream = archive.GetEntry("EdgeMigration.nuspec")!.Open();
        var metadata = XDocument.Load(stream).Root!.Element(Nuspec + "metadata")!;
        string Field(string name) => metadata.Element(Nuspec + name)?.Value ?? "";

        Assert.Equal("EdgeMigration", Field("id"));
        Assert.Equal(manifest.Properties["Version"].Value.ToString(), Field("version"));
        Assert.Equal(manifest.Properties["Author"].Value.ToString(), Field("authors"));
        Assert.Equal(manifest.Properties["Description"].Value.ToString(), Field("description"));
        Assert.Equal(psData!["ProjectUri"]!.ToString(), Field("projectUrl"));
        Assert.Equal(psData["LicenseUri"]!.ToString(), Field("licenseUrl"));
        Assert.Equal(psData["ReleaseNotes"]!.ToString(), Field("releaseNotes"));
        var tags = Field("tags").Split(' ');
        Assert.Subset(tags.ToHashSet(), ((object[])psData["Tags"]!).Select(t => t.ToString()!).ToHashSet());
        Assert.Contains("PSModule", tags);
        Assert.All(cmdlets, c => Assert.Contains("PSCmdlet_" + c, tags));
        Assert.All(cmdlets, c => Assert.Contains("PSCommand_" + c, tags));
    }

    [Fact]
    public void Psd1CarriesGalleryMetadataAndTheLicenseExists()
    {
        using var ps = new PowerShellSession();
        var psData = (System.Collections.Hashtable)ps.Run($"(Test-ModuleManifest -Path '{TestPaths.ModuleManifest}').PrivateData.PSData").AssertNoErrors().Single().BaseObject;

        Assert.NotEmpty((object[])psData["Tags"]!);
        Assert.True(Uri.IsWellFormedUriString(psData["ProjectUri"]!.ToString(), UriKind.Absolute));
        Assert.EndsWith("/LICENSE", psData["LicenseUri"]!.ToString());
        Assert.False(string.IsNullOrWhiteSpace(psData["ReleaseNotes"]?.ToString()));
        Assert.StartsWith("MIT License", File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "LICENSE")));
    }
}

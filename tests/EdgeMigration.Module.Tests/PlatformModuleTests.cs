using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using Xunit;

namespace EdgeMigration.Tests;

/// <summary>
/// Precompiled code: the module built for one platform (dotnet build src/EdgeMigration -p:ModuleRuntime=&lt;rid&gt;,
/// build.ps1 -Runtime) has ReadyToRun code for this machine and a manifest for PowerShell 7 only; the portable module
/// keeps IL-only assemblies and carries EdgeMigration.Core precompiled for the usual platforms, which it loads at import
/// on those. All convert like the IL-only module (what Windows PowerShell and other platforms run), with far fewer
/// methods for the JIT.
/// </summary>
[Collection(DotnetBuild.Collection)]
public class PlatformModuleTests : IClassFixture<PlatformModuleTests.Build>
{
    private static readonly string PortableFolder = Path.GetDirectoryName(TestPaths.ModuleManifest)!;

    /// <summary>The platforms the portable module carries a precompiled core for (PrecompiledPlatforms in src/EdgeMigration/PlatformModule.targets).</summary>
    private static readonly string[] PortablePlatforms = { "linux-x64", "win-x64", "osx-arm64" };

    private readonly Build _build;

    public PlatformModuleTests(Build build) => _build = build;

    public sealed class Build : IDisposable
    {
        public Build()
        {
            Folder = Path.Combine(Path.GetTempPath(), "edgemigration-platform-" + Guid.NewGuid().ToString("N"));
            Output = DotnetBuild.Run(Path.Combine("src", "EdgeMigration", "EdgeMigration.csproj"), "-c", "Release",
                $"-p:ModuleRuntime={RuntimeInformation.RuntimeIdentifier}",
                $"-p:ModuleOutDir={Path.Combine(Folder, "EdgeMigration")}{Path.DirectorySeparatorChar}");
            // The portable module without its precompiled core: what every other platform and .NET run.
            var ilOnly = Directory.CreateDirectory(Path.Combine(Folder, "il-only", "EdgeMigration")).FullName;
            foreach (var file in Directory.EnumerateFiles(PortableFolder, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(PortableFolder, file);
                if (!relative.StartsWith("runtimes" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(ilOnly, relative))!);
                    File.Copy(file, Path.Combine(ilOnly, relative));
                }
            }
        }

        public string Folder { get; }
        public string Output { get; }
        public string Module => Path.Combine(Folder, "EdgeMigration");
        public string Manifest => Path.Combine(Module, "EdgeMigration.psd1");
        public string IlOnlyManifest => Path.Combine(Folder, "il-only", "EdgeMigration", "EdgeMigration.psd1");

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }

    private static bool IsReadyToRun(string assembly)
    {
        using var reader = new PEReader(File.OpenRead(assembly));
        return reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
    }

    private static string PrecompiledCore(string platform) =>
        Path.Combine(PortableFolder, "runtimes", platform, "lib", $"net{Environment.Version.Major}.0", "EdgeMigration.Core.dll");

    [Theory]
    [InlineData("EdgeMigration.dll")]
    [InlineData("EdgeMigration.Core.dll")]
    public void ModuleAssembliesArePrecompiledOnlyInThePlatformBuild(string assembly)
    {
        Assert.Contains($"EdgeMigration module precompiled for {RuntimeInformation.RuntimeIdentifier}", _build.Output);
        Assert.True(IsReadyToRun(Path.Combine(_build.Module, assembly)), $"{assembly} of the platform build has no ReadyToRun code.");
        // The portable module's own assemblies are what Windows PowerShell 5.1 and every other platform load: IL only.
        Assert.False(IsReadyToRun(Path.Combine(PortableFolder, assembly)));
    }

    [Fact]
    public void PlatformManifestDeclaresPowerShell7AndExportsTheSameCommands()
    {
        using var ps = new PowerShellSession();
        var result = ps.Run(
            "$platform = Test-ModuleManifest -Path $platformPath; $portable = Test-ModuleManifest -Path $portablePath; " +
            "($platform.CompatiblePSEditions -join ','); $platform.PowerShellVersion.ToString(); ($platform.Tags -contains 'PSEdition_Desktop'); " +
            "(@($platform.ExportedCmdlets.Keys) -join ',') -eq (@($portable.ExportedCmdlets.Keys) -join ','); $platform.Version -eq $portable.Version",
            new Dictionary<string, object?> { ["platformPath"] = _build.Manifest, ["portablePath"] = TestPaths.ModuleManifest }).AssertNoErrors();

        Assert.Equal(new[] { "Core", "7.4", "False", "True", "True" }, result.Output.Select(o => o.ToString()).ToArray());
    }

    [Fact]
    public void PortableModuleCarriesTheCorePrecompiledForTheUsualPlatforms()
    {
        foreach (var platform in PortablePlatforms)
        {
            Assert.True(IsReadyToRun(PrecompiledCore(platform)), $"The portable module's core for {platform} has no ReadyToRun code.");
        }
        Assert.Equal(PortablePlatforms.OrderBy(p => p), Directory.GetDirectories(Path.Combine(PortableFolder, "runtimes")).Select(Path.GetFileName).OrderBy(p => p));
    }

    [Fact]
    public void ModulesConvertAlikeAndPrecompiledCodeSparesTheJit()
    {
        var sample = Path.Combine(TestPaths.Samples, "fpga-deployment.json");
        (string Bytes, int Jitted, string Core) Convert(string module, string outFile)
        {
            // In a fresh process: the methods the JIT compiles for the first conversion after Import-Module, and the
            // file EdgeMigration.Core was loaded from.
            var result = ShellRunner.Run(
                $"$before = [System.Runtime.JitInfo]::GetCompiledMethodCount(); " +
                $"$null = ConvertTo-GpuEdgeManifest -LiteralPath '{sample}' -OutFile '{outFile}' -WarningAction SilentlyContinue; " +
                "[System.Runtime.JitInfo]::GetCompiledMethodCount() - $before; [EdgeMigration.Core.Rules.Finding].Assembly.Location", module: module);
            Assert.True(result.ExitCode == 0, result.StandardError);
            var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return (File.ReadAllText(outFile), int.Parse(lines[0]), lines[1]);
        }

        var ilOnly = Convert(_build.IlOnlyManifest, Path.Combine(_build.Folder, "il-only.json"));
        var portable = Convert(TestPaths.ModuleManifest, Path.Combine(_build.Folder, "portable.json"));
        var platform = Convert(_build.Manifest, Path.Combine(_build.Folder, "platform.json"));

        Assert.Equal(ilOnly.Bytes, portable.Bytes);
        Assert.Equal(ilOnly.Bytes, platform.Bytes);
        Assert.Equal(Path.Combine(Path.GetDirectoryName(_build.IlOnlyManifest)!, "EdgeMigration.Core.dll"), ilOnly.Core);
        Assert.True(platform.Jitted * 2 < ilOnly.Jitted,
            $"The first conversion compiled {platform.Jitted} methods with the platform module and {ilOnly.Jitted} with the IL-only one.");
        if (PortablePlatforms.Contains(RuntimeInformation.RuntimeIdentifier))
        {
            Assert.Equal(PrecompiledCore(RuntimeInformation.RuntimeIdentifier), portable.Core);
            Assert.True(portable.Jitted * 2 < ilOnly.Jitted,
                $"The first conversion compiled {portable.Jitted} methods with the portable module and {ilOnly.Jitted} with the IL-only one.");
        }
        else
        {
            Assert.Equal(Path.Combine(PortableFolder, "EdgeMigration.Core.dll"), portable.Core);
        }
    }
}

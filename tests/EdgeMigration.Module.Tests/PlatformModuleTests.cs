using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using Xunit;

namespace EdgeMigration.Tests;

/// <summary>
/// The module precompiled for one platform (dotnet build src/EdgeMigration -p:ModuleRuntime=&lt;rid&gt;, build.ps1
/// -Runtime): ReadyToRun code for this machine, a manifest for PowerShell 7 only, the same conversions as the portable
/// module, and a first command that hardly needs the JIT.
/// </summary>
[Collection(DotnetBuild.Collection)]
public class PlatformModuleTests : IClassFixture<PlatformModuleTests.Build>
{
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
        }

        public string Folder { get; }
        public string Output { get; }
        public string Module => Path.Combine(Folder, "EdgeMigration");
        public string Manifest => Path.Combine(Module, "EdgeMigration.psd1");

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }

    private static bool IsReadyToRun(string assembly)
    {
        using var reader = new PEReader(File.OpenRead(assembly));
        return reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
    }

    [Theory]
    [InlineData("EdgeMigration.dll")]
    [InlineData("EdgeMigration.Core.dll")]
    public void ModuleAssembliesArePrecompiledOnlyInThePlatformBuild(string assembly)
    {
        Assert.Contains($"EdgeMigration module precompiled for {RuntimeInformation.RuntimeIdentifier}", _build.Output);
        Assert.True(IsReadyToRun(Path.Combine(_build.Module, assembly)), $"{assembly} of the platform build has no ReadyToRun code.");
        // The portable module is what Windows PowerShell 5.1 and every other platform load: IL only.
        Assert.False(IsReadyToRun(Path.Combine(Path.GetDirectoryName(TestPaths.ModuleManifest)!, assembly)));
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
    public void PlatformModuleConvertsLikeThePortableOneWithoutCompilingItself()
    {
        var sample = Path.Combine(TestPaths.Samples, "fpga-deployment.json");
        (string Bytes, int Jitted) Convert(string module, string outFile)
        {
            // In a fresh process: the methods the JIT compiles for the first conversion after Import-Module.
            var result = ShellRunner.Run(
                $"$before = [System.Runtime.JitInfo]::GetCompiledMethodCount(); " +
                $"$null = ConvertTo-GpuEdgeManifest -LiteralPath '{sample}' -OutFile '{outFile}' -WarningAction SilentlyContinue; " +
                "[System.Runtime.JitInfo]::GetCompiledMethodCount() - $before", module: module);
            Assert.True(result.ExitCode == 0, result.StandardError);
            return (File.ReadAllText(outFile), int.Parse(result.StandardOutput.Trim()));
        }

        var portable = Convert(TestPaths.ModuleManifest, Path.Combine(_build.Folder, "portable.json"));
        var platform = Convert(_build.Manifest, Path.Combine(_build.Folder, "platform.json"));

        Assert.Equal(portable.Bytes, platform.Bytes);
        Assert.True(platform.Jitted * 2 < portable.Jitted,
            $"The first conversion compiled {platform.Jitted} methods with the precompiled module and {portable.Jitted} with the portable one.");
    }
}

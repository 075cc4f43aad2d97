using System;
using System.IO;
using System.Linq;
using Xunit;

namespace EdgeMigration.Tests;

/// <summary>
/// The Pester suite under tests/ in a real pwsh: PowerShell 7.6 as the .NET tool of .config/dotnet-tools.json (which
/// has Select-Object, ConvertTo-Json, Test-ModuleManifest and the rest the hosted engine lacks), with Pester 5 from
/// NuGet. Each file in a process of its own, which imports the built module from out/EdgeMigration, as build.ps1 runs it.
/// </summary>
public class PesterSuiteTests
{
    public static TheoryData<string> Suites()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "tests"), "*.Tests.ps1").OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void PesterSuitePasses(string fileName)
    {
        var script = string.Join("; ",
            "$PSStyle.OutputRendering = 'PlainText'",
            $"Import-Module {RealPwsh.Quoted(PesterModule)}",
            "$configuration = New-PesterConfiguration",
            $"$configuration.Run.Path = {RealPwsh.Quoted(Path.Combine(TestPaths.RepoRoot, "tests", fileName))}",
            "$configuration.Run.PassThru = $true",
            "$configuration.Output.Verbosity = 'Detailed'",
            "$result = Invoke-Pester -Configuration $configuration",
            // No test found (a suite that failed to load) is a failure too.
            "exit $(if ($result.TotalCount -eq 0) { 255 } else { $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount })");
        var run = RealPwsh.Run(script);
        Assert.True(run.ExitCode == 0, $"Pester on tests/{fileName} exited with {run.ExitCode}:\n{run.StandardOutput}\n{run.StandardError}");
        Assert.Contains("Tests Passed:", run.StandardOutput);
    }

    /// <summary>Pester 5 as the test project's build downloaded it from NuGet.</summary>
    private static string PesterModule
    {
        get
        {
            var path = Path.Combine(RealPwsh.NuGetPackageRoot, "pester", RealPwsh.PesterVersion, "tools", "Pester.psd1");
            return File.Exists(path) ? path : throw new FileNotFoundException($"Pester is not where the test project's restore put it: {path}", path);
        }
    }
}

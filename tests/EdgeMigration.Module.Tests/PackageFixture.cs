using System;
using System.Diagnostics;
using System.IO;

namespace EdgeMigration.Tests;

/// <summary>
/// Runs the packaging a user runs (dotnet build src/EdgeMigration -t:PackageModule, what build.ps1 -Task
/// Package calls) once, into a folder of its own, so that the module folder the other tests import is untouched.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public PackageFixture()
    {
        Folder = Path.Combine(Path.GetTempPath(), "edgemigration-package-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = TestPaths.RepoRoot,
        };
        foreach (var argument in new[]
        {
            "build", Path.Combine("src", "EdgeMigration", "EdgeMigration.csproj"), "-c", "Release", "-t:PackageModule", "-nologo", "-nodeReuse:false",
            $"-p:ModuleOutDir={Path.Combine(Folder, "module", "EdgeMigration")}{Path.DirectorySeparatorChar}",
            $"-p:PackageOutDir={Folder}{Path.DirectorySeparatorChar}",
        })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Packaging failed:\n{output.Result}\n{errors.Result}");
        }
        BuildOutput = output.Result;
    }

    public string Folder { get; }
    public string BuildOutput { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }
}

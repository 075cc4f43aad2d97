using System;
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
        BuildOutput = DotnetBuild.Run(
            Path.Combine("src", "EdgeMigration", "EdgeMigration.csproj"), "-c", "Release", "-t:PackageModule",
            $"-p:ModuleOutDir={Path.Combine(Folder, "module", "EdgeMigration")}{Path.DirectorySeparatorChar}",
            $"-p:PackageOutDir={Folder}{Path.DirectorySeparatorChar}");
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

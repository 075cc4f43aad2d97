using System;
using System.IO;
using System.Runtime.InteropServices;
using EdgeMigration.Tests;

namespace EdgeMigration.Benchmarks.Engine;

/// <summary>
/// tests/EdgeMigration.Benchmarks.Host, published for this machine, in which the fleet and import modes measure: a
/// process with the PowerShell engine and nothing of EdgeMigration but the module it imports from out/EdgeMigration
/// (this benchmark's own process holds EdgeMigration.Core, which would stand in for the module's copy).
/// </summary>
public sealed class BenchmarkHost
{
    private readonly string _assembly;

    private BenchmarkHost(string assembly, bool readyToRun)
    {
        _assembly = assembly;
        ReadyToRun = readyToRun;
    }

    /// <summary>
    /// Whether PowerShell's assemblies are precompiled (ReadyToRun), as in pwsh's releases. Without it they are the IL
    /// of the NuGet package, and every command also pays for compiling PowerShell's own code.
    /// </summary>
    public bool ReadyToRun { get; }

    public string Description => ReadyToRun
        ? "PowerShell 7.6.9 engine precompiled (ReadyToRun) as in pwsh's releases"
        : "PowerShell 7.6.9 engine as IL, as the NuGet package ships it (compiled by the JIT as it runs)";

    /// <summary>Publishes the host (an up-to-date publish takes a few seconds) and returns it.</summary>
    public static BenchmarkHost Publish(bool readyToRun)
    {
        var project = Path.Combine(TestPaths.RepoRoot, "tests", "EdgeMigration.Benchmarks.Host", "EdgeMigration.Benchmarks.Host.csproj");
        var output = Path.Combine(TestPaths.RepoRoot, "out", "benchmark-host", readyToRun ? "readytorun" : "il");
        Console.WriteLine($"Publishing the benchmark host to {output}…");
        DotnetCommand.RunOrFail(new[] { "publish", project, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false",
            $"-p:PublishReadyToRun={readyToRun.ToString().ToLowerInvariant()}", "-o", output, "--nologo", "-v", "quiet" });
        return new BenchmarkHost(Path.Combine(output, "EdgeMigration.Benchmarks.Host.dll"), readyToRun);
    }

    /// <summary>Runs the host with <paramref name="arguments"/> in a fresh process and returns what it reported.</summary>
    public ChildReport Run(params string[] arguments) => ChildReport.Parse(DotnetCommand.RunOrFail([_assembly, .. arguments]));
}

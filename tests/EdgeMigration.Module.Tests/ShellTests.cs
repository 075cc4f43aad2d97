using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace EdgeMigration.Tests;

/// <summary>The README's first command: the shell host runs a command line against the built module.</summary>
public class ShellTests
{
    /// <summary>The command lines the README gives to the shell host, in order.</summary>
    private static IReadOnlyList<string> ReadmeShellCommands() =>
        Regex.Matches(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md")), @"dotnet run --project src/EdgeMigration.Shell -c Release -- '([^']+)'")
            .Select(m => m.Groups[1].Value)
            .ToList();

    [Fact]
    public void ReadmeMainCommandConvertsTheSampleAndListsTheChanges()
    {
        var command = ReadmeShellCommands()[0];
        var written = Path.Combine(TestPaths.RepoRoot, "out", "fpga-deployment.gpu.json");
        File.Delete(written);

        var result = ShellRunner.Run(command);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"RuleId +Location +Description", result.StandardOutput);
        Assert.Matches(@"Module: FpgaInference \(samples.fpga-deployment\.json\)\s+RuleId .*\s+[- ]+\s+O4 +Env\[1\] .*\s+R1 +…\S*\.resources\.limits ", result.StandardOutput); // long locations keep their end
        Assert.Contains("Renamed module 'FpgaInference' to 'fpgainference'", result.StandardOutput);
        Assert.DoesNotContain("\u001b[", result.StandardOutput, StringComparison.Ordinal); // culture comparison ignores control characters
        Assert.Contains("nvidia.com/gpu", File.ReadAllText(written));
    }

    [Fact]
    public void ReadmeReportCommandShowsTheSampleReportAsATable()
    {
        var command = Assert.Single(ReadmeShellCommands(), c => c.StartsWith("Test-EdgeModuleCompatibility", StringComparison.Ordinal));

        var result = ShellRunner.Run(command);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"ModuleName +Compatible +Errors +Warnings", result.StandardOutput);
        Assert.Matches(@"FpgaInference +False", result.StandardOutput);
        Assert.DoesNotContain("\u001b[", result.StandardOutput, StringComparison.Ordinal); // culture comparison ignores control characters
        Assert.Equal("", result.StandardError);
    }

    [Fact]
    public void ReadmePreviewCommandPrintsTheConvertedSampleAsKubernetesYaml()
    {
        var command = Assert.Single(ReadmeShellCommands(), c => c.Contains("ConvertTo-EdgeKubernetesManifest", StringComparison.Ordinal));

        var result = ShellRunner.Run(command);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("# Module 'fpgainference' runs as 'fpgainference'.", result.StandardOutput);
        Assert.Matches(@"(?m)^kind: Service$", result.StandardOutput);
        // The conversion keeps file-mover's bind of the file /etc/localtime (without -DropFileBinds): its pod would not start.
        Assert.Contains("# Module 'file-mover' runs as 'file-mover': deployed, but DOES NOT START, see below.", result.StandardOutput);
        // As in pwsh, the warning goes to stdout (before the YAML, written at the end), errors alone to stderr.
        Assert.Equal("", result.StandardError);
        var warning = Assert.Single(result.StandardOutput.Split('\n'), line => line.StartsWith("WARNING: ", StringComparison.Ordinal));
        Assert.Matches(@"^WARNING: \S+fpga-deployment\.json: file-mover: HostConfig\.Binds\[0\] mounts '/etc/localtime' .* \(rule S4\)\r?$", warning);
    }

    [Fact]
    public void ErrorsGoToStandardErrorWithANonZeroExitCode()
    {
        var result = ShellRunner.Run("Get-EdgeModule ./no-such-file.json");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Cannot find the manifest file", result.StandardError);
        Assert.Equal("", result.StandardOutput.Trim());
    }

    [Fact]
    public void NoCommandIsAUsageError()
    {
        var result = ShellRunner.Run("");
        Assert.Equal(2, result.ExitCode);
    }
}

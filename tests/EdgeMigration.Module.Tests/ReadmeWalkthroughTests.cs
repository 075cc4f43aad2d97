using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EdgeMigration.Tests.Help;
using Xunit;

namespace EdgeMigration.Tests;

/// <summary>The README's walkthrough works as written: each of its module commands runs in the shell host from the clone's root.</summary>
public class ReadmeWalkthroughTests
{
    /// <summary>Commands that need Azure or a device are shown, not run.</summary>
    private static readonly string[] NeedsAzureOrDevice = { "-ComputerName", "-KubeConfig", "-Session " };

    public static IEnumerable<object[]> WalkthroughCommands()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));
        var section = Regex.Match(readme, @"## A 5-minute walkthrough(.*?)\n## ", RegexOptions.Singleline).Groups[1].Value;
        return Regex.Matches(section, @"```powershell\n(.*?)```", RegexOptions.Singleline)
            .SelectMany(block => block.Groups[1].Value.Split('\n'))
            .Select(line => line.Trim())
            .Where(line => Regex.IsMatch(line, @"^\(?(Get-Content .*\| )?(Get-EdgeModule|Test-EdgeModuleCompatibility|ConvertTo-GpuEdgeManifest|ConvertTo-EdgeKubernetesManifest|Get-EdgeMigrationRule|Get-EdgeModuleExternalIp)\b"))
            .Where(line => !NeedsAzureOrDevice.Any(line.Contains))
            .Select(line => new object[] { line });
    }

    [Fact]
    public void WalkthroughCoversInspectCheckConvertPreviewAndFindTheIp()
    {
        var commands = WalkthroughCommands().Select(row => (string)row[0]).ToList();
        foreach (var cmdlet in new[] { "Get-EdgeModule", "Test-EdgeModuleCompatibility", "ConvertTo-GpuEdgeManifest", "ConvertTo-EdgeKubernetesManifest", "Get-EdgeModuleExternalIp" })
        {
            Assert.Contains(commands, c => c.Contains(cmdlet, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(WalkthroughCommands))]
    public void CommandRuns(string command)
    {
        var result = ShellRunner.Run(DocExampleTests.Prelude + command);

        Assert.True(result.ExitCode == 0, $"'{command}' failed: {result.StandardError}");
        Assert.NotEqual("", result.StandardOutput.Trim());
    }
}

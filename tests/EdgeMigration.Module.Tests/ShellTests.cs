using Xunit;

namespace EdgeMigration.Tests;

/// <summary>The README's first command: the shell host runs a command line against the built module.</summary>
public class ShellTests
{
    [Fact]
    public void ReadmeCommandShowsTheSampleReportAsATable()
    {
        var result = ShellRunner.Run("Test-EdgeModuleCompatibility ./samples/fpga-deployment.json");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("ModuleName", result.StandardOutput);
        Assert.Contains("FpgaInference", result.StandardOutput);
        Assert.DoesNotContain("\u001b[", result.StandardOutput);
        Assert.Equal("", result.StandardError);
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

using System.Linq;
using Xunit;

namespace EdgeMigration.Tests;

public class ModuleManifestTests
{
    [Fact]
    public void ManifestPassesTestModuleManifest()
    {
        using var ps = new PowerShellSession();
        var result = ps.Run($"Test-ModuleManifest -Path '{TestPaths.ModuleManifest}'").AssertNoErrors();
        var info = result.Single();
        Assert.Equal("EdgeMigration", info.Properties["Name"].Value);
        Assert.Equal("0.1.0", info.Properties["Version"].Value.ToString());
    }

    [Fact]
    public void ModuleDeclaresBothEditionsAndPowerShell51()
    {
        using var ps = new PowerShellSession();
        var info = ps.Run("Get-Module EdgeMigration").AssertNoErrors().Single();
        var editions = ((System.Collections.IEnumerable)info.Properties["CompatiblePSEditions"].Value).Cast<object>().Select(o => o.ToString()).ToList();
        Assert.Equal(new[] { "Desktop", "Core" }, editions);
        Assert.Equal("5.1", info.Properties["PowerShellVersion"].Value.ToString());
        var tags = ps.Run("(Get-Module EdgeMigration).PrivateData.PSData.Tags").AssertNoErrors().Output.Select(o => o.ToString()).ToList();
        Assert.Contains("IoTEdge", tags);
    }

    [Theory]
    [InlineData(false, "7.0.20", true)]   // pwsh 7.3
    [InlineData(false, "6.0.36", true)]   // pwsh 7.2, Azure Automation's older 7.x runtime
    [InlineData(false, "8.0.11", false)]  // pwsh 7.4
    [InlineData(false, "10.0.12", false)] // pwsh 7.6
    [InlineData(true, "4.0.30319", false)] // Windows PowerShell 5.1
    public void PwshBefore74IsRefusedAtImportWithWhatItNeeds(bool netFramework, string runtime, bool refused)
    {
        // QA (conventions): PowerShellVersion 5.1 with the Core edition lets pwsh 7.0-7.3 import the module, which then
        // fails at its first JSON read. Only 7.6 runs here, so the decision is asked of the module's own code directly.
        using var ps = new PowerShellSession();
        var why = ps.Run("[EdgeMigration.Infrastructure.ModuleInitializer].GetMethod('UnsupportedRuntime', [System.Reflection.BindingFlags]'NonPublic, Static')" +
            $".Invoke($null, @(${netFramework.ToString().ToLowerInvariant()}, [version]'{runtime}'))").AssertNoErrors().Output.SingleOrDefault()?.BaseObject as string;

        if (refused)
        {
            Assert.Equal($"EdgeMigration needs PowerShell 7.4 or later, or Windows PowerShell 5.1: this PowerShell runs on .NET {runtime}, and the module needs .NET 8 or later (System.Text.Json 8).", why);
        }
        else
        {
            Assert.Null(why);
        }
    }

    [Fact]
    public void ExportedCmdletsAreExactlyTheOnesListedInThePsd1()
    {
        using var ps = new PowerShellSession();
        var exported = ps.Run("(Get-Module EdgeMigration).ExportedCmdlets.Keys").AssertNoErrors().Output.Select(o => o.ToString()).OrderBy(n => n).ToList();
        // Import-PowerShellDataFile is a Utility cmdlet, absent from the bare engine: read the psd1 with the engine's parser.
        var declared = ps.Run($"$ast = [System.Management.Automation.Language.Parser]::ParseFile('{TestPaths.RepoRoot}/EdgeMigration.psd1', [ref]$null, [ref]$null); $ast.EndBlock.Statements[0].PipelineElements[0].Expression.SafeGetValue().CmdletsToExport")
            .AssertNoErrors().Output.Select(o => o.ToString()).ToList();
        Assert.Equal(declared.OrderBy(n => n), exported);
        Assert.DoesNotContain(declared, d => d.Contains('*'));
    }
}

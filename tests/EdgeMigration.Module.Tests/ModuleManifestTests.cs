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

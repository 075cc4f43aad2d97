using System.Linq;
using Xunit;

namespace EdgeMigration.Tests;

/// <summary>The storage rules through the cmdlets, on the shipped FPGA sample (Edge share binds, a host directory, /etc/localtime).</summary>
public class StorageRulesCmdletTests
{
    private static string Sample => TestPaths.Samples + "/fpga-deployment.json";

    private static string ModuleOptions(PowerShellSession ps, string conversion, string module) =>
        (string)ps.Run($"({conversion}).ModulesContent['$edgeAgent']['properties.desired'].modules['{module}'].settings.createOptions")
            .AssertNoErrors().Single().BaseObject;

    [Fact]
    public void ShareMapNamesTheSharesOfTheVolumeMounts()
    {
        using var ps = new PowerShellSession();

        var options = ModuleOptions(ps, $"ConvertTo-GpuEdgeManifest -Path '{Sample}' -ShareMap @{{ '/home/hcsshares/fpgainput' = 'gpuinput' }}", "fpgainference");

        Assert.Contains("\"Mounts\":[{\"Target\":\"/home/input\",\"Source\":\"gpuinput\",\"Type\":\"volume\"},{\"Target\":\"/home/output\",\"Source\":\"fpgaoutput\",\"Type\":\"volume\",\"ReadOnly\":true}]", options);
        Assert.DoesNotContain("Binds", options);
        var changes = ps.Run($"(ConvertTo-GpuEdgeManifest -Path '{Sample}' -ShareMap @{{ '/home/hcsshares/fpgainput' = 'gpuinput' }}).Changes | Where-Object RuleId -eq S2 | ForEach-Object Location")
            .AssertNoErrors();
        Assert.Equal(new object[] { "HostConfig.Mounts[0]", "HostConfig.Mounts[1]", "HostConfig.Binds", "HostConfig.Mounts[0]", "HostConfig.Binds" },
            changes.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void FileBindsStayWithAWarningUnlessDropFileBinds()
    {
        using var ps = new PowerShellSession();

        var kept = ps.Run($"ConvertTo-GpuEdgeManifest -Path '{Sample}'");
        Assert.Contains(kept.Warnings, w => w.Contains("S4 file-mover: HostConfig.Binds[0] mounts '/etc/localtime'"));
        Assert.Contains("\"Binds\":[\"/etc/localtime:/etc/localtime:ro\"]", ModuleOptions(ps, $"ConvertTo-GpuEdgeManifest -Path '{Sample}'", "file-mover"));

        var dropped = ps.Run($"ConvertTo-GpuEdgeManifest -Path '{Sample}' -DropFileBinds");
        Assert.DoesNotContain(dropped.Warnings, w => w.Contains("S4"));
        Assert.Equal("{\"HostConfig\":{\"Mounts\":[{\"Target\":\"/home/output\",\"Source\":\"fpgaoutput\",\"Type\":\"volume\"}]},\"k8s-experimental\":{\"strategy\":{\"type\":\"Recreate\"}}}",
            ModuleOptions(ps, $"ConvertTo-GpuEdgeManifest -Path '{Sample}' -DropFileBinds", "file-mover"));
    }

    [Fact]
    public void AHostDirectoryBoundTwiceIsAnErrorAndTheModuleIsNotDeployed()
    {
        using var ps = new PowerShellSession();
        const string Options = """{"HostConfig": {"Binds": ["/data:/a", "/data:/b"]}}""";

        var rule = ps.Run("Get-EdgeMigrationRule K13 | ForEach-Object { '{0} {1} {2} {3}' -f $_.Id, $_.Severity, $_.CanFix, $_.Section }").AssertNoErrors();
        Assert.Equal("K13 Error False storage", Assert.Single(rule.Output).BaseObject);
        var check = ps.Run($"'{Options}' | Test-EdgeModuleCompatibility -ModuleName twice").AssertNoErrors().Single();
        Assert.Equal(false, check.Properties["Compatible"].Value);
        var finding = ps.Run($"('{Options}' | Test-EdgeModuleCompatibility -ModuleName twice -Rule K13).Findings | ForEach-Object {{ $_.Location + ' | ' + $_.Message }}").AssertNoErrors();
        Assert.Equal("HostConfig.Binds[1] | HostConfig.Binds[0] (host path '/data') and HostConfig.Binds[1] (host path '/data') both become the volume 'data'; the API server refuses the Deployment (duplicate volume name).",
            Assert.Single(finding.Output).BaseObject);
        // The preview sends both volumes, as the agent does, and says the Deployment is refused.
        var preview = ps.Run($"'{Options}' | ConvertTo-EdgeKubernetesManifest -ModuleName twice | Where-Object Kind -eq Deployment | ForEach-Object {{ $_.Deploys; $_.Object.spec.template.spec.volumes.Count; $_.DroppedSettings.Location }}")
            .AssertNoErrors();
        Assert.Equal(new object[] { false, 2, "HostConfig.Binds[1]" }, preview.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void AShareMapThatNamesNoShareIsRefused()
    {
        using var ps = new PowerShellSession();

        var result = ps.Run($"ConvertTo-GpuEdgeManifest -Path '{Sample}' -ShareMap @{{ '/home/hcsshares/fpgainput' = 'a/b' }}");

        Assert.Equal("InvalidShareMap,EdgeMigration.Commands.ConvertToGpuEdgeManifestCommand", Assert.Single(result.ErrorIds));
        Assert.Empty(result.Output);
    }

    [Fact]
    public void AShareMapNamingAShareTheDeviceCannotHaveIsRefused()
    {
        using var ps = new PowerShellSession();

        // The agent would name the claim 'badshare', a share the user did not choose; the device has no share 'Bad_Share'.
        var result = ps.Run($"ConvertTo-GpuEdgeManifest -Path '{Sample}' -ShareMap @{{ '/home/hcsshares/fpgainput' = 'Bad_Share' }}");

        Assert.Equal("InvalidShareMap,EdgeMigration.Commands.ConvertToGpuEdgeManifestCommand", Assert.Single(result.ErrorIds));
        // The sentence alone, without .NET's " (Parameter 'ShareMap')" after it.
        Assert.Equal("ShareMap entry '/home/hcsshares/fpgainput' = 'Bad_Share' must map a host path (or volume name) to the name of a share the device can have: " +
            "3 to 63 letters, digits and '-', starting with a letter or digit, and a letter or digit on each side of every '-'.", Assert.Single(result.Errors).Exception.Message);
        Assert.Empty(result.Output);
        // Upper-case letters are a share's; the agent's claim is the name lower-cased.
        var mixed = ps.Run($"(ConvertTo-GpuEdgeManifest -Path '{Sample}' -ShareMap @{{ '/home/hcsshares/fpgainput' = 'GpuInput' }} -WarningAction SilentlyContinue) | ConvertTo-EdgeKubernetesManifest -ModuleName FpgaInference 3>$null | Where-Object Kind -eq PersistentVolumeClaim | ForEach-Object Name")
            .AssertNoErrors();
        Assert.Contains("gpuinput", mixed.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void TestEdgeModuleCompatibilityTakesTheShareMapTheConversionWillUse()
    {
        using var ps = new PowerShellSession();
        string Findings(string shareMap) => string.Join(", ", ps.Run(
                $"Test-EdgeModuleCompatibility -Path '{Sample}' -ModuleName WebServerApp -Rule S2, S3 {shareMap} | ForEach-Object Findings | ForEach-Object {{ $_.RuleId + ' ' + $_.IsFixable }}")
            .AssertNoErrors().Output.Select(o => o.BaseObject));

        Assert.Equal("S3 True", Findings(""));
        Assert.Equal("S2 True", Findings("-ShareMap @{ '/var/www/html' = 'webcontent' }"));
        Assert.Equal("S2 False", Findings("-ShareMap @{ '/var/www' = 'www' }"));

        var refused = ps.Run($"Test-EdgeModuleCompatibility -Path '{Sample}' -ShareMap @{{ '/var/www' = 'a:b' }}");
        Assert.Equal("InvalidShareMap,EdgeMigration.Commands.TestEdgeModuleCompatibilityCommand", Assert.Single(refused.ErrorIds));
        Assert.Empty(refused.Output);
    }

    [Fact]
    public void TestEdgeModuleCompatibilityReturnsTheStorageFindings()
    {
        using var ps = new PowerShellSession();

        var findings = ps.Run($"Test-EdgeModuleCompatibility -Path '{Sample}' -Rule S* | ForEach-Object Findings | ForEach-Object {{ $_.RuleId + ' ' + $_.ModuleName + ' ' + $_.Location + ' ' + $_.Certainty }}")
            .AssertNoErrors();

        Assert.Equal(new object[]
        {
            "S2 FpgaInference HostConfig.Binds[0] Certain",
            "S2 FpgaInference HostConfig.Binds[1] Certain",
            "S1 FpgaInference HostConfig.Binds Certain",
            "S3 WebServerApp HostConfig.Binds[0] Certain",
            "S1 WebServerApp HostConfig.Binds Certain",
            "S4 file_mover HostConfig.Binds[1] Certain",
            "S2 file_mover HostConfig.Binds[0] Certain",
            "S1 file_mover HostConfig.Binds Certain",
        }, findings.Output.Select(o => o.BaseObject));
    }
}

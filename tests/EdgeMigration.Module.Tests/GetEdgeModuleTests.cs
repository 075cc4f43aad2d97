using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace EdgeMigration.Tests;

public class GetEdgeModuleTests
{
    private static string Sample => TestPaths.Samples + "/fpga-deployment.json";

    [Fact]
    public void ListsModulesOfAFileWithDecodedCreateOptions()
    {
        using var ps = new PowerShellSession();
        var result = ps.Run($"Get-EdgeModule -Path '{Sample}'").AssertNoErrors();
        Assert.Equal(new[] { "edgeAgent", "edgeHub", "FpgaInference", "WebServerApp", "file_mover" }, result.Output.Select(o => o.Properties["Name"].Value));
        var privileged = ps.Run($"(Get-EdgeModule '{Sample}' -Name Fpga*).CreateOptions.HostConfig.Privileged").AssertNoErrors().Single();
        Assert.Equal(true, privileged.BaseObject);
    }

    [Fact]
    public void PathTakesWildcardsAndAWildcardMatchingNothingIsNotAnError()
    {
        using var ps = new PowerShellSession();
        var result = ps.Run($"Get-EdgeModule -Path '{TestPaths.Corpus}/*lva-edge-iot-central-gateway_setup_deployment.a*.json', '{TestPaths.Corpus}/nothing-*.json'").AssertNoErrors();
        Assert.Equal(2, result.Output.Select(o => o.Properties["Manifest"].Value).Distinct().Count());
    }

    [Fact]
    public void FileInfoObjectsBindByProperty()
    {
        using var ps = new PowerShellSession();
        var result = ps.Run($"[System.IO.DirectoryInfo]::new('{TestPaths.Samples}').GetFiles('*.json') | Get-EdgeModule").AssertNoErrors();
        Assert.Equal(5, result.Output.Count);
    }

    [Fact]
    public void PipedJsonTextHashtablesAndLinesAreRead()
    {
        using var ps = new PowerShellSession();
        var text = ps.Run($"[System.IO.File]::ReadAllText('{Sample}') | Get-EdgeModule").AssertNoErrors();
        Assert.Equal(5, text.Output.Count);
        var lines = ps.Run($"[System.IO.File]::ReadAllLines('{Sample}') | Get-EdgeModule").AssertNoErrors();
        Assert.Equal(5, lines.Output.Count);
        var hashtable = ps.Run("@{ modulesContent = @{ '$edgeAgent' = @{ 'properties.desired' = @{ schemaVersion = '1.0'; modules = @{ m1 = @{ type = 'docker'; settings = @{ image = 'x:1'; createOptions = '{}' } } } } } } } | Get-EdgeModule").AssertNoErrors();
        Assert.Equal("x:1", hashtable.Single().Properties["Image"].Value);
    }

    [Fact]
    public void ReadsAnAzPSDeploymentWhoseValuesAreNewtonsoftTokens()
    {
        using var ps = new PowerShellSession();
        var script = """
            $agent = [Newtonsoft.Json.Linq.JToken]::Parse('{"properties.desired": {"schemaVersion": "1.0", "modules": {"m1": {"type": "docker", "settings": {"image": "x:2", "createOptions": "{}"}}}}}')
            $deployment = [pscustomobject]@{ Id = 'fpga-v1'; Priority = 10; TargetCondition = "tags.x='y'"; Labels = @{}; Content = [pscustomobject]@{ ModulesContent = @{ '$edgeAgent' = $agent } } }
            $deployment | Get-EdgeModule
            """;
        var module = ps.Run(script).AssertNoErrors().Single();
        Assert.Equal(("m1", "x:2", "HubDeployment"), ((string)module.Properties["Name"].Value, (string)module.Properties["Image"].Value, (string)module.Properties["Shape"].Value));
    }

    [Fact]
    public void BadInputsAreNonTerminatingErrorsAndTheRestGoesOn()
    {
        using var ps = new PowerShellSession();
        var result = ps.Run($"Get-EdgeModule -Path '/nonexistent/manifest.json', '{TestPaths.Corpus}', '{TestPaths.CorpusFile("Azure-Samples__azure-intelligent-edge-patterns__factory-ai-vision__Installer__deployment.ava.json")}', '{Sample}'");
        Assert.Equal(5, result.Output.Count);
        Assert.Equal(new[]
        {
            "ManifestFileNotFound,EdgeMigration.Commands.GetEdgeModuleCommand",
            "PathIsDirectory,EdgeMigration.Commands.GetEdgeModuleCommand",
            "InvalidManifestJson,EdgeMigration.Commands.GetEdgeModuleCommand",
        }, result.ErrorIds);
        Assert.Equal(ErrorCategory.ParserError, result.Errors[2].CategoryInfo.Category);
        Assert.Contains("line 159, column 15", result.Errors[2].Exception.Message);
    }

    [Fact]
    public void JsonThatIsNotAManifestSaysWhatIsAccepted()
    {
        using var ps = new PowerShellSession();
        var result = ps.Run("'{\"hello\": 1}' | Get-EdgeModule");
        Assert.Equal("NotAManifest,EdgeMigration.Commands.GetEdgeModuleCommand", Assert.Single(result.ErrorIds));
        Assert.Contains("Accepted: a deployment manifest", result.Errors[0].Exception.Message);
    }

    [Fact]
    public void ANameWithoutWildcardsThatNamesNoModuleIsAnError()
    {
        using var ps = new PowerShellSession();
        var sample = TestPaths.Samples + "/fpga-deployment.json";
        var run = ps.Run($"Get-EdgeModule '{sample}' -Name file_mover, nope | ForEach-Object Name");
        Assert.Equal(new object[] { "file_mover" }, run.Output.Select(o => o.BaseObject));
        Assert.Equal("ModuleNotFound,EdgeMigration.Commands.GetEdgeModuleCommand", Assert.Single(run.ErrorIds));
        ps.Run($"Get-EdgeModule '{sample}' -Name 'nope*'").AssertNoErrors();
    }

    [Fact]
    public void ModuleNameAsTheOtherCmdletsCallItSelectsToo()
    {
        // QA (conventions): Test-EdgeModuleCompatibility and ConvertTo-EdgeKubernetesManifest take -ModuleName.
        using var ps = new PowerShellSession();
        var run = ps.Run($"Get-EdgeModule '{TestPaths.Samples}/fpga-deployment.json' -ModuleName Fpga*, edgeHub | ForEach-Object Name").AssertNoErrors();
        Assert.Equal(new object[] { "edgeHub", "FpgaInference" }, run.Output.Select(o => o.BaseObject));
    }
}

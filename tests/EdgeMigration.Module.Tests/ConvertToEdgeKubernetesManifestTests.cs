using System;
using System.Linq;
using Xunit;

namespace EdgeMigration.Tests;

public class ConvertToEdgeKubernetesManifestTests
{
    private const string Command = "EdgeMigration.Commands.ConvertToEdgeKubernetesManifestCommand";

    private static string Sample => TestPaths.Samples + "/fpga-deployment.json";

    [Fact]
    public void AConvertedManifestPipesInAndComesOutAsYaml()
    {
        using var ps = new PowerShellSession();
        var result = ps.Run($"ConvertTo-GpuEdgeManifest '{Sample}' -WarningAction SilentlyContinue | ConvertTo-EdgeKubernetesManifest -AsYaml").AssertNoErrors();

        var yaml = Assert.IsType<string>(result.Single().BaseObject);
        Assert.StartsWith("# Module 'edgeAgent' runs as 'edgeagent': nothing is deployed for it.\n", yaml);
        Assert.Contains("\n---\napiVersion: apps/v1\nkind: Deployment\n", yaml);
        Assert.Contains("nvidia.com/gpu: \"2\"", yaml);
        Assert.Contains("  name: file-mover\n", yaml);
        // The converted manifest deploys: no module is refused, and the registry password never shows. file-mover's bind
        // of /etc/localtime, which the conversion keeps without -DropFileBinds, keeps its pod from starting.
        Assert.EndsWith("(rule S4)", Assert.Single(result.Warnings));
        Assert.Contains("# Module 'file-mover' runs as 'file-mover': deployed, but DOES NOT START, see below.\n#   DOES NOT START (rule S4): HostConfig.Binds[0]", yaml);
        Assert.DoesNotContain("FAILS", yaml);
        Assert.DoesNotContain("REPLACE-WITH-REGISTRY-PASSWORD", yaml);
    }

    [Fact]
    public void ObjectsCarryKindNameModuleAndTheObjectAsHashtables()
    {
        using var ps = new PowerShellSession();
        var result = ps.Run($"ConvertTo-EdgeKubernetesManifest -Path '{Sample}' -WarningAction SilentlyContinue | ForEach-Object {{ '{{0}} {{1}} {{2}} {{3}}' -f $_.ModuleName, $_.ApiVersion, $_.Kind, $_.Name }}").AssertNoErrors();

        Assert.Equal(new[]
        {
            "edgeHub apps/v1 Deployment edgehub", "edgeHub v1 Service edgehub", "edgeHub v1 ServiceAccount edgehub",
            "FpgaInference apps/v1 Deployment fpgainference", "FpgaInference v1 ServiceAccount fpgainference", "FpgaInference v1 Secret contosoacr-contosoacr.azurecr.io",
            "WebServerApp apps/v1 Deployment webserverapp", "WebServerApp v1 Service webserverapp", "WebServerApp v1 ServiceAccount webserverapp",
            "file_mover apps/v1 Deployment filemover", "file_mover v1 ServiceAccount filemover", "file_mover v1 Secret contosoacr-contosoacr.azurecr.io",
        }, result.Output.Select(o => o.BaseObject));
        var ports = ps.Run($"(ConvertTo-EdgeKubernetesManifest '{Sample}' -ModuleName WebServerApp | Where-Object Kind -eq Service).Object.spec.ports | ForEach-Object {{ \"$($_.name)=$($_.port)\" }}").AssertNoErrors();
        Assert.Equal(new object[] { "exposedport-80-tcp=80", "hostport-80-tcp=8080" }, ports.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void DroppedSettingsAreListedAndModulesTheDeviceRefusesWarn()
    {
        using var ps = new PowerShellSession();
        // Every object of the module is piped: its dropped settings come once, with its Deployment.
        var result = ps.Run($"ConvertTo-EdgeKubernetesManifest '{Sample}' -ModuleName Fpga* | ForEach-Object DroppedSettings | ForEach-Object {{ \"$($_.Effect) $($_.Location)\" }}").AssertNoErrors();

        Assert.Equal(new object[] { "Ignored HostConfig.Memory", "Ignored HostConfig.NanoCpus", "Fails Env[1]" }, result.Output.Select(o => o.BaseObject));
        Assert.Contains(result.Warnings, w => w.Contains("FpgaInference: Environment variable name 'Logging:LogLevel:Default'"));
    }

    [Fact]
    public void AModuleThatStopsTheWholeDeploymentWarnsOnceAndTheOthersDoNotDeploy()
    {
        using var ps = new PowerShellSession();
        const string Manifest = "@{ modulesContent = @{ '$edgeAgent' = @{ 'properties.desired' = [ordered]@{ schemaVersion = '1.1'; modules = [ordered]@{ " +
            "broken = @{ type = 'docker'; settings = @{ image = 'contoso/broken:1'; createOptions = '{\"HostConfig\":{\"Mounts\":[{\"Type\":\"volume\",\"Source\":\"share1\"}]}}' } }; " +
            "fine = @{ type = 'docker'; settings = @{ image = 'contoso/fine:1' } } } } } } }";

        var all = ps.Run($"{Manifest} | ConvertTo-EdgeKubernetesManifest | Where-Object Kind -eq Deployment | ForEach-Object {{ '{{0}} {{1}}' -f $_.ModuleName, $_.Deploys }}").AssertNoErrors();
        // Only the module that stops the deployment is in a table of one module: it says why the one shown is not deployed.
        var one = ps.Run($"{Manifest} | ConvertTo-EdgeKubernetesManifest -ModuleName fine | Where-Object Kind -eq Deployment | ForEach-Object Deploys").AssertNoErrors();

        Assert.Equal(new object[] { "broken False", "fine False" }, all.Output.Select(o => o.BaseObject));
        Assert.Contains("broken: A mount without Type, Source and Target fails the whole deployment", Assert.Single(all.Warnings));
        Assert.Equal(new object[] { false }, one.Output.Select(o => o.BaseObject));
        Assert.Contains("fine: Module 'broken' stops the whole deployment", Assert.Single(one.Warnings));
    }

    [Fact]
    public void ModulesTheDeviceDeploysButThatDoNotStartSayWhyInTheTableAndInWarnings()
    {
        const string Preview = "ConvertTo-GpuEdgeManifest ./fpga-deployment.json -GpuCount 1 3>$null | ConvertTo-EdgeKubernetesManifest";
        var table = ShellRunner.Run(Preview + " 3>$null", TestPaths.Samples);

        Assert.Matches(@"(?m)^Kind +Name +Deploys +Starts +Drops +Note$", table.StandardOutput);
        Assert.Matches(@"(?m)^ +Module: webserverapp \(fpga-deployment\.json\)\s+^Kind .*\s+^-.*\s+^Deployment +webserverapp +True +True +0 +replicas 1$", table.StandardOutput);
        Assert.Matches(@"(?m)^ +Module: file-mover \(fpga-deployment\.json\)\s+^Kind .*\s+^-.*\s+^Deployment +file-mover +True +False +0 +does not start: S4$", table.StandardOutput);

        using var ps = new PowerShellSession();
        var problems = ps.Run($"ConvertTo-GpuEdgeManifest '{Sample}' -GpuCount 1 -WarningAction SilentlyContinue | ConvertTo-EdgeKubernetesManifest" +
            " | Where-Object Starts -eq $false | ForEach-Object StartProblems | ForEach-Object { \"$($_.RuleId) $($_.ModuleName) $($_.Location)\" }").AssertNoErrors();
        Assert.Equal(new object[] { "S4 file-mover HostConfig.Binds[0]" }, problems.Output.Select(o => o.BaseObject));
        Assert.Contains("file-mover: HostConfig.Binds[0] mounts '/etc/localtime' at '/etc/localtime', certainly a single file", Assert.Single(problems.Warnings));
    }

    [Theory]
    [InlineData(80)]
    [InlineData(100)]
    [InlineData(120)]
    public void TheTableKeepsEveryColumnAndWholeKindsAndNotesFromEightyColumnsOn(int columns)
    {
        const string Preview = "ConvertTo-GpuEdgeManifest ./fpga-deployment.json -GpuCount 1 3>$null | ConvertTo-EdgeKubernetesManifest 3>$null";
        var table = ShellRunner.Run(Preview, TestPaths.Samples, columns: columns);

        Assert.Matches(@"(?m)^Kind +Name +Deploys +Starts +Drops +Note$", table.StandardOutput);
        Assert.Matches(@"(?m)^ServiceAccount +file-mover +True +False *$", table.StandardOutput);
        Assert.Matches(@"(?m)^Service +edgehub +True +True +LoadBalancer$", table.StandardOutput);
        Assert.Matches(@"(?m)^PersistentVolumeClaim +fpgainput +True +True +must exist \(share\)$", table.StandardOutput);
        Assert.Matches(@"(?m)^Deployment +file-mover +True +False +0 +does not start: S4$", table.StandardOutput);
        Assert.DoesNotContain(table.StandardOutput.Split('\n'), line => line.TrimEnd('\r').Length > columns);
    }

    [Fact]
    public void AModuleTheAgentCannotReadIsADeploymentRowThatDoesNotDeploy()
    {
        // createOptions that are not JSON: nothing is rendered for the module, and the agent refuses the whole deployment.
        var manifest = System.IO.Path.Combine(System.IO.Directory.CreateTempSubdirectory("edgemigration-badjson-").FullName, "badjson.json");
        System.IO.File.WriteAllText(manifest, """
            {"modulesContent": {"$edgeAgent": {"properties.desired": {"schemaVersion": "1.1", "runtime": {"type": "docker", "settings": {}},
              "modules": {"broken": {"type": "docker", "settings": {"image": "b:1", "createOptions": "{\"HostConfig\":{}"}},
                          "fine": {"type": "docker", "settings": {"image": "f:1", "createOptions": "{}"}}}}},
              "$edgeHub": {"properties.desired": {"schemaVersion": "1.1", "routes": {}}}}}
            """);
        using var ps = new PowerShellSession();

        var result = ps.Run($"ConvertTo-EdgeKubernetesManifest '{manifest}' -WarningAction SilentlyContinue | Where-Object Deploys -eq $false | Where-Object ModuleName -eq broken | " +
                            "ForEach-Object { \"$($_.ModuleName) $($_.Kind)/$($_.Name) $($_.Starts) $($_.Object.metadata.namespace)\"; $_.DroppedSettings | ForEach-Object { \"$($_.Effect) $($_.Reason)\" } }").AssertNoErrors();
        var fine = ps.Run($"ConvertTo-EdgeKubernetesManifest '{manifest}' -ModuleName fine -WarningAction SilentlyContinue | Where-Object Kind -eq Deployment | " +
                          "ForEach-Object { \"$($_.Deploys) $($_.DroppedSettings.StoppedBy)\" }").AssertNoErrors();
        System.IO.Directory.Delete(System.IO.Path.GetDirectoryName(manifest)!, recursive: true);

        Assert.Equal(2, result.Output.Count);
        Assert.Equal("broken Deployment/broken False iotedge", result.Output[0].BaseObject);
        Assert.StartsWith("Fails ", (string)result.Output[1].BaseObject);
        Assert.Contains("no agent can read the module's createOptions, so the agent refuses the whole deployment", (string)result.Output[1].BaseObject);
        Assert.Equal("False broken", Assert.Single(fine.Output).BaseObject);
    }

    [Fact]
    public void CreateOptionsOfOneModuleCanBeRenderedOnTheirOwn()
    {
        using var ps = new PowerShellSession();
        var result = ps.Run("'{\"HostConfig\": {\"PortBindings\": {\"80/tcp\": [{\"HostPort\": \"8080\"}]}}}' | ConvertTo-EdgeKubernetesManifest -ModuleName Web_App -WarningAction SilentlyContinue | ForEach-Object { \"$($_.Kind)/$($_.Name)\" }").AssertNoErrors();

        Assert.Equal(new object[] { "Deployment/webapp", "Service/webapp", "ServiceAccount/webapp" }, result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void APlaceholderForAnObjectIsPendingNotAReasonToRefuseTheModule()
    {
        using var ps = new PowerShellSession();
        var result = ps.Run("'{\"k8s-experimental\": {\"resources\": {\"limits\": \"${LIMITS}\"}}}' | ConvertTo-EdgeKubernetesManifest -ModuleName gpu | Where-Object Kind -eq Deployment | " +
            "ForEach-Object { \"$($_.Deploys) $($_.Object.spec.template.spec.containers[0].resources.limits)\"; $_.DroppedSettings | ForEach-Object { \"$($_.Effect) $($_.Location)\" } }").AssertNoErrors();

        Assert.Equal(new object[] { "True ${LIMITS}", "Pending k8s-experimental.resources.limits" }, result.Output.Select(o => o.BaseObject));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void AModuleKeepingOthersFromStartingIsOneWarningNamingThem()
    {
        using var ps = new PowerShellSession();

        var run = ps.Run($"{ConvertToGpuEdgeManifestTests.RefusedSensor} | ConvertTo-EdgeKubernetesManifest | Where-Object Kind -eq Deployment | ForEach-Object {{ \"$($_.ModuleName) $($_.Starts)\" }}").AssertNoErrors();

        Assert.Equal(new[] { "sensor False", "a False", "b False", "c False" }, run.Output.Select(o => o.ToString()));
        var warning = Assert.Single(run.Warnings, w => w.Contains("(rule K19)", StringComparison.Ordinal));
        Assert.StartsWith("hashtable from the pipeline: a, b, c: The API server refuses the Deployment of module 'sensor' (rule K18)", warning);
    }

    [Fact]
    public void JsonIsOneListPerManifest()
    {
        using var ps = new PowerShellSession();
        // Converted: the sample as written has Deployments the API server refuses, so no ServiceAccount would be created (K19).
        var result = ps.Run($"$json = ConvertTo-GpuEdgeManifest '{Sample}' -WarningAction SilentlyContinue | ConvertTo-EdgeKubernetesManifest -ModuleName WebServerApp -AsJson; $doc = [System.Text.Json.JsonDocument]::Parse($json); $doc.RootElement.GetProperty('kind').GetString(); $doc.RootElement.GetProperty('items').GetArrayLength()").AssertNoErrors();

        Assert.Equal(new object[] { "List", 3 }, result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void DeviceIdAndHubNameLabelTheObjects()
    {
        using var ps = new PowerShellSession();
        var result = ps.Run($"(ConvertTo-EdgeKubernetesManifest '{Sample}' -ModuleName edgeHub -DeviceId GpuDevice1 -IotHubHostName contoso.azure-devices.net -Namespace edge | Where-Object Kind -eq Deployment).Object.metadata | ForEach-Object {{ $_.namespace; $_.labels['net.azure-devices.edge.deviceid'] }}").AssertNoErrors();

        Assert.Equal(new object[] { "edge", "gpudevice1" }, result.Output.Select(o => o.BaseObject));
    }

    [Theory]
    [InlineData("Bad_NS")]
    [InlineData("IoTEdge")]
    [InlineData("-edge")]
    // A regular expression's $ takes a line break at the end, which Kubernetes does not.
    [InlineData("iotedge\n")]
    public void ANamespaceKubernetesRefusesIsAParameterError(string name)
    {
        // Every object rendered in it would be refused by the API server.
        using var ps = new PowerShellSession();

        var run = ps.Run($"ConvertTo-EdgeKubernetesManifest '{Sample}' -Namespace '{name}'");

        Assert.Empty(run.Output);
        Assert.StartsWith("ParameterArgumentValidationError", Assert.Single(run.ErrorIds));
        Assert.Contains($"'{name}' is not a Kubernetes namespace name", run.Errors[0].Exception.Message);
    }

    /// <summary>The FPGA manifest's id asked of the converted one, which renamed the module (O2): the error names the id it has now.</summary>
    [Fact]
    public void AModuleAskedForByTheIdItHadBeforeTheConversionIsNamedInTheError()
    {
        using var ps = new PowerShellSession();

        var run = ps.Run($"ConvertTo-GpuEdgeManifest '{Sample}' -WarningAction Ignore | ConvertTo-EdgeKubernetesManifest -ModuleName file_mover -WarningAction Ignore");

        var error = Assert.Single(run.Errors);
        Assert.Equal("ModuleNotFound," + Command, error.FullyQualifiedErrorId);
        Assert.EndsWith("has no module 'file_mover'; it has 'file-mover'.", error.Exception.Message);
        Assert.EndsWith("has no module 'NoSuchModule'.", Assert.Single(ps.Run($"ConvertTo-EdgeKubernetesManifest '{Sample}' -ModuleName NoSuchModule").Errors).Exception.Message);
    }

    [Fact]
    public void AMissingModuleAnInvalidManifestAndConflictingSwitchesAreErrors()
    {
        using var ps = new PowerShellSession();
        var missing = ps.Run($"ConvertTo-EdgeKubernetesManifest '{Sample}' -ModuleName NoSuchModule, Web*");
        Assert.Equal("ModuleNotFound," + Command, Assert.Single(missing.ErrorIds));
        Assert.Equal(3, missing.Output.Count);
        // The error comes after the modules found: -ErrorAction Stop keeps them.
        var stopped = ps.Run($"try {{ ConvertTo-EdgeKubernetesManifest '{Sample}' -ModuleName NoSuchModule, Web* -ErrorAction Stop | ForEach-Object Kind }} catch {{ 'stopped' }}");
        Assert.Equal(new[] { "Deployment", "Service", "ServiceAccount", "stopped" }, stopped.Output.Select(o => o.ToString()));

        var invalid = ps.Run("'{ \"modulesContent\": ' | ConvertTo-EdgeKubernetesManifest");
        Assert.Equal("InvalidManifestJson," + Command, Assert.Single(invalid.ErrorIds));

        var both = ps.Run($"ConvertTo-EdgeKubernetesManifest '{Sample}' -AsYaml -AsJson");
        Assert.Equal("AsYamlAndAsJson," + Command, Assert.Single(both.ErrorIds));
        Assert.Empty(both.Output);

        var label = ps.Run($"ConvertTo-EdgeKubernetesManifest '{Sample}' -DeviceId '!!!'");
        Assert.Equal("InvalidLabelValue," + Command, Assert.Single(label.ErrorIds));
        Assert.DoesNotContain("(Parameter", Assert.Single(label.Errors).Exception.Message);
        Assert.StartsWith("DeviceId '!!!' cannot be a Kubernetes label value: ", Assert.Single(label.Errors).Exception.Message);
    }

    [Fact]
    public void YamlWorksAfterTheModuleIsRemovedAndImportedAgain()
    {
        // The core stays loaded when the module is removed; imported again, the module still finds what the core needs.
        var result = ShellRunner.Run($"Remove-Module EdgeMigration; Import-Module '{TestPaths.ModuleManifest}'; " +
            $"(ConvertTo-EdgeKubernetesManifest '{Sample}' -AsYaml -WarningAction SilentlyContinue) -join '---'");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains("kind: Deployment", result.StandardOutput);
    }

    [Fact]
    public void YamlDotNetIsLoadedOnlyForYaml()
    {
        // A process of its own: the in-process engine tests share one, where another test may have loaded it.
        var loaded = "[AppDomain]::CurrentDomain.GetAssemblies().GetName().Name -contains 'YamlDotNet'";
        var result = ShellRunner.Run($"ConvertTo-EdgeKubernetesManifest '{Sample}' -WarningAction SilentlyContinue | Out-Null; {loaded}; ConvertTo-EdgeKubernetesManifest '{Sample}' -AsYaml -WarningAction SilentlyContinue | Out-Null; {loaded}");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(new[] { "False", "True" }, result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace EdgeMigration.Tests;

public sealed class ConvertToGpuEdgeManifestTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("edgemigration-").FullName;

    private static string Sample => TestPaths.Samples + "/fpga-deployment.json";

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ConvertsAFileToANewFileAndNeverOverwritesWithoutForce()
    {
        using var ps = new PowerShellSession();
        var target = Path.Combine(_folder, "gpu.json");
        var first = ps.Run($"ConvertTo-GpuEdgeManifest -Path '{Sample}' -OutFile '{target}'").AssertNoErrors().Single();
        Assert.Equal(target, first.Properties["OutFile"].Value);
        Assert.Equal(first.Methods["ToJson"].Invoke(), File.ReadAllText(target));

        File.WriteAllText(target, "keep me");
        var second = ps.Run($"ConvertTo-GpuEdgeManifest -Path '{Sample}' -OutFile '{target}'");
        Assert.Equal("OutputFileExists,EdgeMigration.Commands.ConvertToGpuEdgeManifestCommand", Assert.Single(second.ErrorIds));
        Assert.Equal("keep me", File.ReadAllText(target));

        ps.Run($"ConvertTo-GpuEdgeManifest -Path '{Sample}' -OutFile '{target}' -Force").AssertNoErrors();
        Assert.NotEqual("keep me", File.ReadAllText(target));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public void WhatIfWritesNothing()
    {
        using var ps = new PowerShellSession();
        var target = Path.Combine(_folder, "whatif.json");
        ps.Run($"ConvertTo-GpuEdgeManifest -Path '{Sample}' -OutFile '{target}' -WhatIf").AssertNoErrors();
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void ConvertsEveryManifestOfAFolderIntoADestination()
    {
        using var ps = new PowerShellSession();
        var inputs = Path.Combine(_folder, "in");
        Directory.CreateDirectory(inputs);
        File.Copy(Sample, Path.Combine(inputs, "a.json"));
        File.Copy(TestPaths.CorpusFile("Azure+iotedge__e2e_deployment_files_nestededge_middleLayerBaseDeployment_amqp.json"), Path.Combine(inputs, "b.json"));
        var output = Path.Combine(_folder, "out");

        ps.Run($"[System.IO.DirectoryInfo]::new('{inputs}').GetFiles('*.json') | ConvertTo-GpuEdgeManifest -Destination '{output}'").AssertNoErrors();

        Assert.Equal(new[] { "a.json", "b.json" }, Directory.GetFiles(output).Select(Path.GetFileName).OrderBy(n => n));
    }

    [Fact]
    public void ManyManifestsComeOutInInputOrderEachNamingAFileAlreadyWritten()
    {
        using var ps = new PowerShellSession();
        var inputs = Path.Combine(_folder, "many");
        Directory.CreateDirectory(inputs);
        var names = Enumerable.Range(0, 40).Select(i => $"device-{i:D2}.json").ToList();
        names.ForEach(name => File.Copy(Sample, Path.Combine(inputs, name)));
        var output = Path.Combine(_folder, "many-out");

        var run = ps.Run($"$names | ForEach-Object {{ [System.IO.FileInfo]::new('{inputs}/' + $_) }} | ConvertTo-GpuEdgeManifest -Destination '{output}' -WarningAction Ignore | " +
            "ForEach-Object { [System.IO.Path]::GetFileName($_.OutFile) + '=' + [System.IO.File]::Exists($_.OutFile) }",
            new Dictionary<string, object?> { ["names"] = names.ToArray() }).AssertNoErrors();

        Assert.Equal(names.Select(name => name + "=True"), run.Output.Select(o => o.ToString()));
        Assert.Empty(Directory.GetFiles(output, "*.tmp"));
    }

    [Fact]
    public void FilesAndTextInOnePipelineComeOutInInputOrder()
    {
        using var ps = new PowerShellSession();
        var corpus = TestPaths.CorpusFile("Azure+iotedge__e2e_deployment_files_nestededge_middleLayerBaseDeployment_amqp.json");
        var run = ps.Run($"@([System.IO.FileInfo]::new('{Sample}'), [System.IO.File]::ReadAllText('{Sample}'), [System.IO.FileInfo]::new('{corpus}'), 'not json {{', [System.IO.FileInfo]::new('{Sample}')) | " +
            "ConvertTo-GpuEdgeManifest -WarningAction Ignore -ErrorVariable failed -ErrorAction SilentlyContinue | ForEach-Object Manifest; $failed.Count");

        Assert.Equal(new[] { Sample, "JSON text", corpus, Sample, "1" }, run.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void DestinationNamesFilesAfterTheFileAManifestCameFromAndRefusesText()
    {
        using var ps = new PowerShellSession();
        var output = Path.Combine(_folder, "again");

        var again = ps.Run($"ConvertTo-GpuEdgeManifest -Path '{Sample}' -WarningAction Ignore | ConvertTo-GpuEdgeManifest -Destination '{output}' -WarningAction Ignore | " +
            "ForEach-Object OutFile").AssertNoErrors();
        var text = ps.Run($"[System.IO.File]::ReadAllText('{Sample}') | ConvertTo-GpuEdgeManifest -Destination '{output}' -WarningAction Ignore");

        Assert.Equal(new[] { Path.Combine(output, Path.GetFileName(Sample)) }, again.Output.Select(o => o.ToString()));
        Assert.True(File.Exists(Path.Combine(output, Path.GetFileName(Sample))));
        Assert.Equal("DestinationNeedsFileInput,EdgeMigration.Commands.ConvertToGpuEdgeManifestCommand", Assert.Single(text.ErrorIds));
        Assert.Empty(text.Output);
    }

    [Fact]
    public void TwoInputsOfOneNameIntoOneDestinationWriteTheFirstEvenWithForce()
    {
        using var ps = new PowerShellSession();
        var first = Path.Combine(_folder, "first");
        var second = Path.Combine(_folder, "second");
        Directory.CreateDirectory(first);
        Directory.CreateDirectory(second);
        File.Copy(Sample, Path.Combine(first, "edge.json"));
        File.Copy(TestPaths.CorpusFile("Azure+iotedge__e2e_deployment_files_nestededge_middleLayerBaseDeployment_amqp.json"), Path.Combine(second, "edge.json"));
        var output = Path.Combine(_folder, "same-out");
        var pipe = $"@([System.IO.FileInfo]::new('{first}/edge.json'), [System.IO.FileInfo]::new('{second}/edge.json')) | ConvertTo-GpuEdgeManifest -Destination '{output}' -WarningAction Ignore";
        var firstJson = ps.Run($"(ConvertTo-GpuEdgeManifest -LiteralPath '{first}/edge.json' -WarningAction Ignore).ToJson()").AssertNoErrors().Single().ToString();

        // -Force overwrites what was there before the command (yesterday's run), never another input's conversion: each
        // result names a file that holds its own manifest.
        foreach (var force in new[] { "", " -Force" })
        {
            var run = ps.Run($"{pipe}{force} | ForEach-Object Manifest");
            Assert.Equal(new[] { Path.Combine(first, "edge.json") }, run.Output.Select(o => o.ToString()));
            Assert.Equal("OutputFileOfAnotherInput,EdgeMigration.Commands.ConvertToGpuEdgeManifestCommand", Assert.Single(run.ErrorIds));
            Assert.Contains(Path.Combine(first, "edge.json"), run.Errors[0].Exception.Message);
            Assert.Equal(firstJson, File.ReadAllText(Path.Combine(output, "edge.json")));
            File.WriteAllText(Path.Combine(output, "edge.json"), "yesterday's conversion");
        }
    }

    [Fact]
    public void AProxyUrlMustBeOneAndIsSetForEdgeHub()
    {
        using var ps = new PowerShellSession();
        foreach (var wrong in new[] { "not a url", "proxy.contoso.com:3128", "ftp://proxy.contoso.com", "http://user:secret@/" })
        {
            var refused = ps.Run($"ConvertTo-GpuEdgeManifest '{Sample}' -ProxyUrl '{wrong}'");
            Assert.Empty(refused.Output);
            Assert.Equal("ParameterArgumentValidationError,EdgeMigration.Commands.ConvertToGpuEdgeManifestCommand", Assert.Single(refused.ErrorIds));
            Assert.DoesNotContain("secret", refused.Errors[0].ToString());
        }
        var set = ps.Run($"(ConvertTo-GpuEdgeManifest '{Sample}' -ProxyUrl 'http://proxy.contoso.com:3128' -WarningAction Ignore).Changes | Where-Object RuleId -eq P1 | ForEach-Object After").AssertNoErrors();
        Assert.Contains(set.Output, o => o.ToString()!.Contains("http://proxy.contoso.com:3128", StringComparison.Ordinal));

        // A template whose edgeHub env section is a placeholder keeps it, and the user is told the proxy is not set (without its password).
        const string Template = "@{ modulesContent = @{ '$edgeAgent' = @{ 'properties.desired' = @{ schemaVersion = '1.1'; modules = @{}; " +
            "systemModules = @{ edgeHub = @{ type = 'docker'; env = '${EDGEHUB_ENV}'; settings = @{ image = 'mcr.microsoft.com/azureiotedge-hub:1.4' } } } } } } }";
        var template = ps.Run($"{Template} | ConvertTo-GpuEdgeManifest -ProxyUrl 'http://user:secret@proxy.contoso.com:3128' | ForEach-Object {{ @($_.Changes | Where-Object RuleId -eq P1).Count }}").AssertNoErrors();
        Assert.Equal("0", Assert.Single(template.Output).ToString());
        var warning = Assert.Single(template.Warnings, w => w.Contains("P1 edgeHub", StringComparison.Ordinal));
        Assert.Contains("the web proxy given for it (-ProxyUrl) is not set", warning);
        Assert.DoesNotContain("secret", string.Join("\n", template.Warnings));

        // A layered deployment has no edgeHub to give the proxy to: the user is told, once for the manifest.
        const string Layered = "@{ content = @{ modulesContent = @{ '$edgeAgent' = @{ 'properties.desired.modules.web' = @{ type = 'docker'; " +
            "settings = @{ image = 'contoso/web:1' } } } } } }";
        var layered = ps.Run($"{Layered} | ConvertTo-GpuEdgeManifest -ProxyUrl 'http://proxy.contoso.com:3128' | ForEach-Object {{ $_.Changes.Count }}").AssertNoErrors();
        Assert.Single(layered.Warnings, w => w.Contains("-ProxyUrl: the manifest has no edgeHub", StringComparison.Ordinal));
        var withHub = ps.Run($"ConvertTo-GpuEdgeManifest '{Sample}' -ProxyUrl 'http://proxy.contoso.com:3128' | ForEach-Object {{ $_.Changes.Count }}").AssertNoErrors();
        Assert.NotEmpty(withHub.Warnings);
        Assert.DoesNotContain(withHub.Warnings, w => w.Contains("-ProxyUrl: the manifest has no edgeHub", StringComparison.Ordinal));
    }

    [Fact]
    public void AModuleThatStopsTheWholeDeploymentIsWarnedOfOnceNotOncePerModule()
    {
        // QA: one createOptions no agent reads (K4, 'csharpfunction') printed K21's warning for each of the 4 other modules
        // before the K4 warning that says what to fix (12 for one bad module among 12). The K4 warning says the whole
        // deployment fails; K21's per-module findings stay in RemainingFindings and go to the verbose stream, as the
        // Kubernetes preview does with its note of a stopped deployment.
        using var ps = new PowerShellSession();
        var file = TestPaths.CorpusFile("Azure+iotedgedev__tests_assets_deployment.manifest_invalid.json");

        var run = ps.Run($"ConvertTo-GpuEdgeManifest -LiteralPath '{file}' -Verbose | ForEach-Object {{ @($_.RemainingFindings | Where-Object RuleId -eq K21).Count }}").AssertNoErrors();

        Assert.Equal("4", Assert.Single(run.Output).ToString());
        Assert.DoesNotContain(run.Warnings, w => w.Contains(": K21 ", StringComparison.Ordinal));
        Assert.Single(run.Warnings, w => w.Contains(": K4 csharpfunction: ", StringComparison.Ordinal) && w.Contains("deploys none of its modules", StringComparison.Ordinal));
        // The same words for the 4, once, naming them.
        var told = Assert.Single(run.Verbose, v => v.Contains(": K21 ", StringComparison.Ordinal));
        Assert.Contains(": K21 edgeHub, ", told);
    }

    /// <summary>A deployment whose module 'sensor' mounts two volumes at /data (K18): the API server refuses its Deployment.</summary>
    internal const string RefusedSensor = """
        @{ modulesContent = @{ '$edgeAgent' = @{ 'properties.desired' = @{ modules = [ordered]@{
            sensor = @{ type = 'docker'; settings = @{ image = 'contoso/sensor:1'; createOptions = '{"HostConfig":{"Mounts":[{"Type":"bind","Source":"/a","Target":"/data"},{"Type":"bind","Source":"/b","Target":"/data"}]}}' } }
            a = @{ type = 'docker'; settings = @{ image = 'contoso/a:1' } }
            b = @{ type = 'docker'; settings = @{ image = 'contoso/b:1' } }
            c = @{ type = 'docker'; settings = @{ image = 'contoso/c:1' } } } } } } }
        """;

    [Fact]
    public void WordsTheSameForSeveralModulesAreOneWarningNamingThemAll()
    {
        // Stop-34 QA: K19 printed one warning for each module a refused Deployment keeps from starting, in the same words.
        using var ps = new PowerShellSession();

        var run = ps.Run($"{RefusedSensor} | ConvertTo-GpuEdgeManifest | ForEach-Object {{ @($_.RemainingFindings | Where-Object RuleId -eq K19).Count }}").AssertNoErrors();

        Assert.Equal("3", Assert.Single(run.Output).ToString());
        var warning = Assert.Single(run.Warnings, w => w.Contains(" K19 ", StringComparison.Ordinal));
        Assert.StartsWith("hashtable from the pipeline: K19 a, b, c: The API server refuses the Deployment of module 'sensor' (rule K18)", warning);
        Assert.Single(run.Warnings, w => w.Contains(" K18 sensor: ", StringComparison.Ordinal));
    }

    [Fact]
    public void ALayerThatStopsTheDeploymentsItIsMergedWithIsWarnedOf()
    {
        // The layer's own K21 finding speaks of the base deployment and the other layers, which no other warning does.
        using var ps = new PowerShellSession();
        const string Layered = "@{ content = @{ modulesContent = @{ '$edgeAgent' = @{ " +
            "'properties.desired.modules.web' = @{ type = 'docker'; settings = @{ image = 'contoso/web:1'; createOptions = '{bad' } }; " +
            "'properties.desired.modules.api' = @{ type = 'docker'; settings = @{ image = 'contoso/api:1' } } } } } }";

        var run = ps.Run($"{Layered} | ConvertTo-GpuEdgeManifest | ForEach-Object {{ $_.Changes.Count }}").AssertNoErrors();

        var warning = Assert.Single(run.Warnings, w => w.Contains(": K21", StringComparison.Ordinal));
        Assert.Contains("of the base deployment or of the other layers", warning);
    }

    [Fact]
    public void AConvertedEdgeAgentTwinSaysItIsNoDeployment()
    {
        // What az iot hub module-twin show prints (manifest-shapes.md, section 6): the desired properties with IoT Hub's $metadata and $version.
        using var ps = new PowerShellSession();
        const string Desired = "[ordered]@{ schemaVersion = '1.0'; runtime = @{ type = 'docker' }; modules = @{ web = @{ type = 'docker'; " +
            "settings = @{ image = 'contoso/web:1'; createOptions = '{\"HostConfig\":{\"Binds\":[\"/data:/data\"]}}' } } }; '$metadata' = @{}; '$version' = 4 }";
        var twin = ps.Run($"$d = {Desired}; [ordered]@{{ deviceId = 'dev'; moduleId = '$edgeAgent'; properties = @{{ desired = $d }} }}, $d | " +
            "ConvertTo-GpuEdgeManifest -ShareMap @{ '/data' = 'share1' } | ForEach-Object { '{0} {1} {2}' -f $_.Shape, ($null -eq $_.ModulesContent), $_.Changes.Count }").AssertNoErrors();

        Assert.Equal(new[] { "EdgeAgentTwin True 3", "EdgeAgentDesiredProperties True 3" }, twin.Output.Select(o => o.ToString()));
        Assert.Equal(2, twin.Warnings.Count(w => w.Contains("not a deployment, so the conversion has no ModulesContent", StringComparison.Ordinal)));
        Assert.Single(twin.Warnings, w => w.Contains("this is the $edgeAgent module twin", StringComparison.Ordinal));
        Assert.DoesNotContain(ps.Run($"ConvertTo-GpuEdgeManifest '{Sample}'").AssertNoErrors().Warnings, w => w.Contains("not a deployment", StringComparison.Ordinal));
    }

    [Fact]
    public void ModuleNameMapKeysThatNameNoModuleAreWarnedOfOnce()
    {
        using var ps = new PowerShellSession();
        var run = ps.Run($"ConvertTo-GpuEdgeManifest '{Sample}', '{Sample}' -ModuleNameMap @{{ nosuch = 'abc'; FILE_MOVER = 'mover'; FpgaInference = 'inference'; edgeHub = 'hub' }} | ForEach-Object {{ @($_.Changes | Where-Object {{ $_.RuleId -eq 'O2' -and $_.ModuleName -eq 'FpgaInference' }}).Count }}").AssertNoErrors();

        Assert.Equal(new object[] { 1, 1 }, run.Output.Select(o => o.BaseObject));
        var warning = Assert.Single(run.Warnings, w => w.StartsWith("-ModuleNameMap", StringComparison.Ordinal));
        Assert.Contains("'nosuch'", warning);
        Assert.Contains("'FILE_MOVER'", warning);
        Assert.Contains("'edgeHub'", warning);
        Assert.DoesNotContain("'FpgaInference'", warning);
        Assert.DoesNotContain(ps.Run($"ConvertTo-GpuEdgeManifest '{Sample}' -ModuleNameMap @{{ file_mover = 'mover' }}").AssertNoErrors().Warnings, w => w.StartsWith("-ModuleNameMap", StringComparison.Ordinal));
    }

    /// <summary>
    /// New ids the device cannot give a module of its own, which were written as they are: two modules of one id (a JSON
    /// object of duplicate keys, of which IoT Hub keeps one module), a module without id, a module named as edgeHub's pods.
    /// </summary>
    [Theory]
    [InlineData("FpgaInference = 'x'; file_mover = 'x'", "fpga-deployment.json: -ModuleNameMap gives 'FpgaInference' the id 'x', and another module of the manifest has the name 'x' on the device too")]
    [InlineData("FpgaInference = 'Web'; file_mover = 'web'", "fpga-deployment.json: -ModuleNameMap gives 'FpgaInference' the id 'Web', and another module of the manifest has the name 'web' on the device too")]
    [InlineData("file_mover = 'WebServerApp'", "fpga-deployment.json: -ModuleNameMap gives 'file_mover' the id 'WebServerApp', and another module of the manifest has the name 'webserverapp' on the device too")]
    // The name WebServerApp has on the device: O2 would move WebServerApp aside (webserverapp-2), renaming a module the map does not name.
    [InlineData("file_mover = 'webserverapp'", "fpga-deployment.json: -ModuleNameMap gives 'file_mover' the id 'webserverapp', and another module of the manifest has the name 'webserverapp' on the device too")]
    // The name O2 gives file_mover (its device name is filemover): O2 would move it aside (file-mover-2).
    [InlineData("FpgaInference = 'file-mover'", "fpga-deployment.json: -ModuleNameMap gives 'FpgaInference' the id 'file-mover', and another module of the manifest has the name 'file-mover' on the device too")]
    [InlineData("file_mover = $null", "-ModuleNameMap entry 'file_mover' = '' gives no name")]
    [InlineData("file_mover = '__'", "-ModuleNameMap entry 'file_mover' = '__' gives no name")]
    [InlineData("file_mover = 'EdgeHub'", "-ModuleNameMap entry 'file_mover' = 'EdgeHub' takes the name of edgeHub")]
    public void ModuleNameMapOfIdsTheDeviceCannotGiveAModuleIsRefused(string map, string message)
    {
        using var ps = new PowerShellSession();

        var run = ps.Run($"ConvertTo-GpuEdgeManifest '{Sample}' -ModuleNameMap @{{ {map} }}");

        Assert.Empty(run.Output);
        var error = Assert.Single(run.Errors);
        Assert.Equal(("InvalidModuleNameMap,EdgeMigration.Commands.ConvertToGpuEdgeManifestCommand", ErrorCategory.InvalidArgument), (error.FullyQualifiedErrorId, error.CategoryInfo.Category));
        Assert.Contains(message, error.Exception.Message);
    }

    /// <summary>One new id for two keys is no mistake where each is a module of another manifest of a fleet.</summary>
    [Fact]
    public void ModuleNameMapMayGiveModulesOfDifferentManifestsOneId()
    {
        using var ps = new PowerShellSession();

        var run = ps.Run($"ConvertTo-GpuEdgeManifest '{Sample}' -ModuleNameMap @{{ file_mover = 'mover'; Other_Mover = 'mover' }} -WarningAction Ignore | ForEach-Object {{ $_.Changes.After }}").AssertNoErrors();

        Assert.Contains("\"mover\"", run.Output.Select(o => o?.ToString()));
    }

    /// <summary>The device's name of file_mover (filemover) is free once O2 renames it file-mover: no module loses its id to the map.</summary>
    [Fact]
    public void ModuleNameMapMayGiveTheDeviceNameOfAModuleThatO2RenamesOtherwise()
    {
        using var ps = new PowerShellSession();

        var run = ps.Run($"(ConvertTo-GpuEdgeManifest '{Sample}' -ModuleNameMap @{{ FpgaInference = 'filemover' }} -WarningAction Ignore).Changes | Where-Object {{ $_.RuleId -eq 'O2' -and $_.Location -eq '' }} | ForEach-Object Description").AssertNoErrors();

        Assert.Contains("Renamed module 'FpgaInference' to 'filemover'.", run.Output.Select(o => o.ToString()));
        Assert.Contains("Renamed module 'file_mover' to 'file-mover'.", run.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void ModuleNameMapKeysThatALayersRoutesNameAreUsedThere()
    {
        // The layer routes from SimulatedSensor, which the base deployment defines: the fleet's one map renames it in both.
        var layer = Path.Combine(_folder, "layer.json");
        File.WriteAllText(layer, """
            {"content":{"modulesContent":{
              "$edgeAgent":{"properties.desired.modules.filter":{"type":"docker","settings":{"image":"filter:1"}}},
              "$edgeHub":{"properties.desired.routes.toFilter":"FROM /messages/modules/SimulatedSensor/* INTO BrokeredEndpoint(\"/modules/filter/inputs/in\")"}}}}
            """);
        using var ps = new PowerShellSession();

        var run = ps.Run($"ConvertTo-GpuEdgeManifest '{layer}' -ModuleNameMap @{{ SimulatedSensor = 'sensor' }} | ForEach-Object {{ $_.Changes.After }}").AssertNoErrors();

        Assert.Equal("\"FROM /messages/modules/sensor/* INTO BrokeredEndpoint(\\\"/modules/filter/inputs/in\\\")\"", Assert.Single(run.Output).ToString());
        Assert.DoesNotContain(run.Warnings, w => w.StartsWith("-ModuleNameMap", StringComparison.Ordinal));
    }

    [Fact]
    public void DefaultLimitsTakeEveryKubernetesQuantityForm()
    {
        using var ps = new PowerShellSession();
        var run = ps.Run($"(ConvertTo-GpuEdgeManifest '{Sample}' -DefaultMemoryLimit 1e9 -DefaultCpuLimit 5e-1 -WarningAction Ignore).Changes | Where-Object {{ $_.RuleId -eq 'R2' -and $_.ModuleName -eq 'file_mover' }} | ForEach-Object After").AssertNoErrors();
        Assert.Equal(new[] { "\"1e9\"", "\"5e-1\"" }, run.Output.Select(o => o.ToString()));
        foreach (var wrong in new[] { "1e", "1mi", "512MB" })
        {
            var error = Assert.Single(ps.Run($"ConvertTo-GpuEdgeManifest '{Sample}' -DefaultMemoryLimit {wrong}").Errors);
            Assert.Equal("ParameterArgumentValidationError,EdgeMigration.Commands.ConvertToGpuEdgeManifestCommand", error.FullyQualifiedErrorId);
            // What a quantity looks like, not the regular expression that checks it.
            Assert.EndsWith($"'{wrong}' is not a Kubernetes quantity; write it as 512Mi, 2Gi, 1G or 1e9 (Mi and Gi are powers of 1024).", error.Exception.Message);
        }
        var cpu = Assert.Single(ps.Run($"ConvertTo-GpuEdgeManifest '{Sample}' -DefaultCpuLimit 0.5cpu").Errors);
        Assert.EndsWith("'0.5cpu' is not a Kubernetes quantity; write it as 500m, 2 or 5e-1 (m is a thousandth of a CPU).", cpu.Exception.Message);
        var zero = ps.Run($"ConvertTo-GpuEdgeManifest '{Sample}' -DefaultMemoryLimit 0Mi");
        Assert.Empty(zero.Output);
        Assert.Equal("LimitNotPositive,EdgeMigration.Commands.ConvertToGpuEdgeManifestCommand", Assert.Single(zero.ErrorIds));
    }

    [Fact]
    public void LimitsBelowTheRequestsAreNotWrittenAndLeftToTheUserWithAWarning()
    {
        using var ps = new PowerShellSession();
        const string Options = """{"HostConfig": {"Memory": 268435456}, "k8s-experimental": {"resources": {"requests": {"memory": "1Gi", "cpu": "1"}}}}""";
        var manifest = "@{ modulesContent = @{ '$edgeAgent' = @{ 'properties.desired' = @{ schemaVersion = '1.0'; modules = @{ detector = @{ type = 'docker'; " +
            $"settings = @{{ image = 'contoso/detector:1'; createOptions = '{Options}' }} }} }} }} }} }} }}";
        var run = ps.Run($"({manifest} | ConvertTo-GpuEdgeManifest -DefaultCpuLimit 500m).Changes | Where-Object RuleId -eq R2").AssertNoErrors();

        Assert.Empty(run.Output);
        Assert.Contains(run.Warnings, w => w.Contains("R2 detector: HostConfig.Memory (268435456 bytes) is ignored on the GPU device, and the same limit there, \"256Mi\", is below requests.memory (\"1Gi\")"));
        Assert.Contains(run.Warnings, w => w.Contains("R2 detector: The default cpu limit given for the conversion (\"500m\") is below requests.cpu (\"1\")"));
    }

    [Fact]
    public void StoppingAtAFileNotWrittenWritesNothingAfterIt()
    {
        using var ps = new PowerShellSession();
        var inputs = Path.Combine(_folder, "in");
        var output = Path.Combine(_folder, "stop-out");
        Directory.CreateDirectory(inputs);
        Directory.CreateDirectory(output);
        var names = new[] { "a.json", "b.json", "c.json", "d.json" };
        foreach (var name in names)
        {
            File.Copy(Sample, Path.Combine(inputs, name));
        }
        File.WriteAllText(Path.Combine(output, "b.json"), "yesterday's");

        var run = ps.Run($"try {{ ConvertTo-GpuEdgeManifest {string.Join(", ", names.Select(n => $"'{inputs}/{n}'"))} -Destination '{output}' -ErrorAction Stop -WarningAction Ignore | ForEach-Object OutFile }} catch {{ 'stopped ' + $_.FullyQualifiedErrorId.Split(',')[0] }}");

        Assert.Equal(new[] { Path.Combine(output, "a.json"), "stopped OutputFileExists" }, run.Output.Select(o => o.ToString()));
        Assert.Equal(new[] { "a.json", "b.json" }, Directory.GetFiles(output).Select(Path.GetFileName).OrderBy(n => n));
    }

    [Fact]
    public void StoppingAtAFileThatCannotBeReadReportsTheFilesWrittenBeforeIt()
    {
        // A runbook with $ErrorActionPreference = 'Stop' converting a folder: a.json's file is written, so its result
        // comes before b.json's error, as it does when the file to write is refused.
        using var ps = new PowerShellSession();
        var inputs = Path.Combine(_folder, "in");
        var output = Path.Combine(_folder, "unread-out");
        Directory.CreateDirectory(inputs);
        File.Copy(Sample, Path.Combine(inputs, "a.json"));
        File.WriteAllText(Path.Combine(inputs, "b.json"), "{ bad");
        File.Copy(Sample, Path.Combine(inputs, "c.json"));

        var run = ps.Run($"try {{ ConvertTo-GpuEdgeManifest '{inputs}/a.json', '{inputs}/b.json', '{inputs}/c.json' -Destination '{output}' -ErrorAction Stop -WarningAction Ignore | ForEach-Object OutFile }} catch {{ 'stopped ' + $_.FullyQualifiedErrorId.Split(',')[0] }}");
        Assert.Equal(new[] { Path.Combine(output, "a.json"), "stopped InvalidManifestJson" }, run.Output.Select(o => o.ToString()));
        Assert.Equal(new[] { "a.json" }, Directory.GetFiles(output).Select(Path.GetFileName));

        var inOrder = ps.Run($"ConvertTo-GpuEdgeManifest '{inputs}/a.json', '{inputs}/b.json', '{inputs}/c.json' -Destination '{output}' -Force -WarningAction Ignore 2>&1 | ForEach-Object {{ if ($_ -is [System.Management.Automation.ErrorRecord]) {{ 'error ' + $_.TargetObject }} else {{ $_.OutFile }} }}");
        Assert.Equal(new[] { Path.Combine(output, "a.json"), "error " + Path.Combine(inputs, "b.json"), Path.Combine(output, "c.json") }, inOrder.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void AWarningTurnedIntoAStopLeavesTheFileAsItWas()
    {
        // A runbook that treats what the conversion cannot fix as a failure: the sample's first warning stops the command
        // before its result is reported, so its file is not written either (it was, before the warning came).
        using var ps = new PowerShellSession();
        var fresh = Path.Combine(_folder, "fresh", "gpu.json");
        var kept = Path.Combine(_folder, "kept.json");
        File.WriteAllText(kept, "yesterday's");

        foreach (var (target, force) in new[] { (fresh, ""), (kept, " -Force") })
        {
            var run = ps.Run($"try {{ ConvertTo-GpuEdgeManifest '{Sample}' -OutFile '{target}'{force} -WarningAction Stop | ForEach-Object OutFile }} catch {{ 'stopped ' + $_.FullyQualifiedErrorId.Split(',')[0] }}");
            Assert.Equal(new[] { "stopped ActionPreferenceStop" }, run.Output.Select(o => o.ToString()));
        }

        Assert.False(File.Exists(fresh));
        Assert.Equal("yesterday's", File.ReadAllText(kept));
        Assert.Equal(new[] { "kept.json" }, Directory.GetFiles(_folder, "*", SearchOption.AllDirectories).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("throw 'the deployment failed'")]
    [InlineData("Get-EdgeModule ./no-such-deployment.json")]
    public void APipelineStoppedAfterItsCommandWritesOnlyTheFilesItReported(string failure)
    {
        // A folder converted into one that yesterday's run filled, with -Force: when a later command stops the pipeline
        // (a runbook's next step that fails under $ErrorActionPreference = 'Stop'; Select-Object -First, which this engine
        // lacks, stops it the same way), the files converted ahead of it on other threads keep yesterday's content, as
        // their results never came.
        using var ps = new PowerShellSession();
        var inputs = Path.Combine(_folder, "in");
        var output = Path.Combine(_folder, "out");
        Directory.CreateDirectory(inputs);
        Directory.CreateDirectory(output);
        var names = Enumerable.Range(0, 20).Select(i => $"m{i:00}.json").ToList();
        foreach (var name in names)
        {
            File.Copy(Sample, Path.Combine(inputs, name));
            File.WriteAllText(Path.Combine(output, name), "yesterday's");
        }

        var paths = string.Join(", ", names.Select(n => $"'{inputs}/{n}'"));
        var run = ps.Run($"$ErrorActionPreference = 'Stop'; $taken = 0; try {{ {paths} | ConvertTo-GpuEdgeManifest -Destination '{output}' -Force -WarningAction Ignore | " +
            $"ForEach-Object {{ $_.OutFile; if (++$taken -eq 2) {{ {failure} }} }} }} catch {{ 'stopped ' + $_ }}");

        var reported = run.Output.Select(o => o.ToString()).ToList();
        Assert.Equal(names.Take(2).Select(n => Path.Combine(output, n)), reported.Take(2));
        Assert.Matches("^stopped (the deployment failed|Cannot find the manifest file)", Assert.Single(reported.Skip(2)));
        Assert.Equal(names, Directory.GetFiles(output).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(names.Select(n => !reported.Contains(Path.Combine(output, n))), names.Select(n => File.ReadAllText(Path.Combine(output, n)) == "yesterday's"));
    }

    [Fact]
    public void AFixLeftOutLeavesTheResultIncompatible()
    {
        using var ps = new PowerShellSession();
        var run = ps.Run($"ConvertTo-GpuEdgeManifest '{Sample}' -ExcludeRule R1 -WarningAction Ignore | ForEach-Object {{ $_.Compatible; @($_.RemainingFindings | Where-Object {{ $_.RuleId -eq 'R1' -and $_.Severity -eq 'Error' }}).Count -gt 0 }}").AssertNoErrors();
        Assert.Equal(new object[] { false, true }, run.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void OutFileTakesOneManifestAndOutFileWithDestinationIsRefused()
    {
        using var ps = new PowerShellSession();
        var target = Path.Combine(_folder, "one.json");
        var result = ps.Run($"ConvertTo-GpuEdgeManifest -Path '{Sample}', '{Sample}' -OutFile '{target}'");
        Assert.Equal("OutFileTakesOneManifest,EdgeMigration.Commands.ConvertToGpuEdgeManifestCommand", Assert.Single(result.ErrorIds));
        var both = ps.Run($"ConvertTo-GpuEdgeManifest -Path '{Sample}' -OutFile '{target}' -Destination '{_folder}'");
        Assert.Equal("OutFileAndDestination,EdgeMigration.Commands.ConvertToGpuEdgeManifestCommand", Assert.Single(both.ErrorIds));
    }

    /// <summary>
    /// -OutFile and -Destination name files: a path of another provider (Env:, Variable:) is refused before anything is
    /// converted, as Out-File refuses it, instead of being taken for a relative file system path (written under the item's
    /// name in the process's current folder, or failing with .NET's "The value cannot be an empty string").
    /// </summary>
    [Theory]
    [InlineData("-OutFile", "Env:")]
    [InlineData("-OutFile", "Variable:")]
    [InlineData("-Destination", "Env:")]
    [InlineData("-Destination", "Variable:")]
    public void OutputPathsOfOtherProvidersAreRefused(string parameter, string drive)
    {
        using var ps = new PowerShellSession();
        var name = "edgemigration-" + Guid.NewGuid().ToString("N");
        var stray = Path.Combine(Environment.CurrentDirectory, name);
        try
        {
            var result = ps.Run($"ConvertTo-GpuEdgeManifest -Path '{Sample}' {parameter} {drive}{name} -WarningAction Ignore; 'after'");

            Assert.Equal(new object[] { "after" }, result.Output.Select(o => o.BaseObject));
            var error = Assert.Single(result.Errors);
            Assert.Equal(("OutputPathNotFileSystem,EdgeMigration.Commands.ConvertToGpuEdgeManifestCommand", ErrorCategory.InvalidArgument, (object)(drive + name)),
                (error.FullyQualifiedErrorId, error.CategoryInfo.Category, error.TargetObject));
            Assert.Contains("not a file system path", error.Exception.Message);
            Assert.False(File.Exists(stray) || Directory.Exists(stray));
        }
        finally
        {
            if (Directory.Exists(stray))
            {
                Directory.Delete(stray, recursive: true);
            }
            File.Delete(stray);
        }
    }

    [Fact]
    public void ModulesContentIsAnOrderedHashtableForAz()
    {
        using var ps = new PowerShellSession();
        var keys = ps.Run($"$r = ConvertTo-GpuEdgeManifest -Path '{Sample}'; $r.ModulesContent.Keys").AssertNoErrors();
        // O2 renames FpgaInference to a Kubernetes name, its twin section with it.
        Assert.Equal(new object[] { "$edgeAgent", "$edgeHub", "fpgainference" }, keys.Output.Select(o => o.BaseObject));
        // Az's -ModulesContent is [hashtable]: the ordered dictionary converts, nested values stay dictionaries and arrays.
        var routes = ps.Run("[hashtable]$h = $r.ModulesContent; $h['$edgeHub']['properties.desired'].routes.Count").AssertNoErrors().Single();
        Assert.Equal(2, routes.BaseObject);
    }

    [Fact]
    public void ModulesContentKeepsKeysThatDifferOnlyInCase()
    {
        // Proxies are often set twice, lower and upper case; routes and desired properties are case-sensitive too. The
        // hashtables are deployed as they are, so each key stays, as with ConvertFrom-Json -AsHashtable.
        var manifest = """
            {"modulesContent": {
              "$edgeAgent": {"properties.desired": {"schemaVersion": "1.1", "runtime": {"type": "docker", "settings": {}},
                "modules": {"app": {"type": "docker", "env": {"http_proxy": {"value": "http://p:3128"}, "HTTP_PROXY": {"value": "http://p:3128"}},
                  "settings": {"image": "contoso.azurecr.io/app:1", "createOptions": "{}"}}}}},
              "$edgeHub": {"properties.desired": {"schemaVersion": "1.1", "routes": {"r": "FROM /messages/* INTO $upstream", "R": "FROM /messages/modules/app/* INTO $upstream"}}},
              "app": {"properties.desired": {"Threshold": 1, "threshold": 2}}}}
            """.Replace("\r", "").Replace("\n", " ").Replace("'", "''");
        using var ps = new PowerShellSession();

        var keys = ps.Run($"$r = '{manifest}' | ConvertTo-GpuEdgeManifest -Rule O4 -WarningAction SilentlyContinue; " +
                          "$r.ModulesContent['$edgeAgent']['properties.desired'].modules.app.env.Keys -join ','; " +
                          "$r.ModulesContent['$edgeHub']['properties.desired'].routes.Keys -join ','; " +
                          "$r.ToHashtable().modulesContent.app['properties.desired'].Keys -join ','").AssertNoErrors();

        Assert.Equal(new[] { "http_proxy,HTTP_PROXY", "r,R", "Threshold,threshold" }, keys.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void AnAzDeploymentConvertsAndRedeploysInOnePipeline()
    {
        using var ps = new PowerShellSession();
        // Stand-ins with Az.IotHub's parameter types: Get- returns a PSDeployment (values are Newtonsoft JTokens),
        // Add- takes -ModulesContent [hashtable] and, like Az, serializes it with Newtonsoft.
        var script = $$"""
            function Get-AzIotHubDeployment([string]$ResourceGroupName, [string]$IotHubName, [string]$Name) {
                $content = @{}
                $modules = [Newtonsoft.Json.Linq.JObject]::Parse([System.IO.File]::ReadAllText('{{Sample}}'))['modulesContent']
                foreach ($p in $modules.Properties()) { $content[$p.Name] = $p.Value }
                [pscustomobject]@{ Id = $Name; Priority = 10; TargetCondition = "tags.site='a'"; Labels = @{}; Content = [pscustomobject]@{ ModulesContent = $content } }
            }
            function Add-AzIotHubDeployment([string]$ResourceGroupName, [string]$IotHubName, [string]$Name, [hashtable]$ModulesContent, [string]$TargetCondition, [int]$Priority) {
                [Newtonsoft.Json.JsonConvert]::SerializeObject($ModulesContent)
            }
            Get-AzIotHubDeployment -ResourceGroupName rg -IotHubName hub -Name fpga-v1 | ConvertTo-GpuEdgeManifest -WarningAction SilentlyContinue |
                ForEach-Object { Add-AzIotHubDeployment -ResourceGroupName rg -IotHubName hub -Name gpu-v1 -ModulesContent $_.ModulesContent -TargetCondition "tags.gpu=true" -Priority 20 }
            """;
        var sent = (string)ps.Run(script).AssertNoErrors().Single().BaseObject;

        var modules = System.Text.Json.JsonDocument.Parse(sent).RootElement.GetProperty("$edgeAgent").GetProperty("properties.desired").GetProperty("modules");
        var createOptions = modules.GetProperty("fpgainference").GetProperty("settings").GetProperty("createOptions").GetString()!;
        Assert.Contains("nvidia.com/gpu", createOptions);
        Assert.DoesNotContain("WIRESERVER_ADDRESS", createOptions);
        Assert.False(modules.TryGetProperty("FpgaInference", out _));
    }

    [Fact]
    public void ChangesCanBeReviewedAndConversionIsIdempotent()
    {
        using var ps = new PowerShellSession();
        var changes = ps.Run($"(ConvertTo-GpuEdgeManifest '{Sample}').Changes | ForEach-Object RuleId").AssertNoErrors();
        Assert.Contains("O4", changes.Output.Select(o => o.BaseObject));
        var again = ps.Run($"$once = (ConvertTo-GpuEdgeManifest '{Sample}').ToJson(); $twice = $once | ConvertTo-GpuEdgeManifest; $twice.Changes.Count; $twice.ToJson() -ceq $once").AssertNoErrors();
        Assert.Equal(new object[] { 0, true }, again.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void AResultPipedIntoAnotherConversionStaysAsItWas()
    {
        using var ps = new PowerShellSession();
        var run = ps.Run($"$first = ConvertTo-GpuEdgeManifest '{Sample}'; $before = $first.ToJson(); " +
            "$second = $first | ConvertTo-GpuEdgeManifest -DefaultMemoryLimit 256Mi -DefaultCpuLimit 250m; " +
            "$second.Changes.Count -gt 0; $second.ToJson() -cne $before; $first.ToJson() -ceq $before").AssertNoErrors();
        Assert.Equal(new object[] { true, true, true }, run.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void RegistryPasswordsNeverShowInTheDisplayedResult()
    {
        // The default view, then every property's text as a user printing them one by one would see it.
        var shown = ShellRunner.Run($"ConvertTo-GpuEdgeManifest '{Sample}'; ConvertTo-GpuEdgeManifest '{Sample}' | ForEach-Object {{ $_.PSObject.Properties | ForEach-Object {{ \"$($_.Name)=$($_.Value)\" }} }}");
        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("Remaining", shown.StandardOutput);
        Assert.Contains("ModulesContent=", shown.StandardOutput);
        Assert.DoesNotContain("REPLACE-WITH-REGISTRY-PASSWORD", shown.StandardOutput + shown.StandardError);
    }
}

using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Xunit;
using static EdgeMigration.Tests.ExternalIpTestData;

namespace EdgeMigration.Tests;

/// <summary>Get-EdgeModuleExternalIp reading captured text from the pipeline, as users do.</summary>
public class GetEdgeModuleExternalIpTests
{
    [Fact]
    public void RawTextFromThePipelineGivesTypedObjectsWithJoinedPorts()
    {
        var result = Run($"$text | {CmdletName}", SampleText(PortsWrapped)).AssertNoErrors();

        Assert.Equal(new[] { "edgehub", "iotedged", "cuda-sample2", "edgeagent", "cuda-sample1" }, result.Names());
        var hub = result.Output[0];
        Assert.Equal("EdgeMigration.EdgeModuleEndpoint", hub.BaseObject.GetType().FullName);
        Assert.Equal("10.57.48.62", hub.Value("ExternalIp"));
        Assert.Equal("LoadBalancer", hub.Value("ServiceType"));
        Assert.Equal("Running", hub.Value("Status"));
        Assert.Equal("Up 5 days", hub.Value("Description"));
        Assert.Equal("mcr.microsoft.com/azureiotedge-hub:1.0", hub.Value("Image"));
        Assert.Equal(new[] { "443:31457/TCP", "5671:30881/TCP", "8883:31753/TCP" }, hub.PortTexts());
        Assert.Equal(5671, hub.Port(1).Value("Port"));
        Assert.Equal(30881, hub.Port(1).Value("NodePort"));
        Assert.Equal("TCP", hub.Port(1).Value("Protocol"));
        Assert.Equal("IotedgeList", hub.Value("Source"));
        Assert.Equal("pipeline input", hub.Value("Origin"));
        Assert.Null(hub.Value("PSComputerName"));

        var iotedged = result.Named("iotedged");
        Assert.True((bool)iotedged.Value("IsClusterOnly")!);
        Assert.Null(iotedged.Value("ExternalIp"));
        Assert.Null(iotedged.Port(0).Value("NodePort"));
        Assert.Empty(result.Named("edgeagent").PortTexts());
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData(FiveColumns)]
    [InlineData(PortsWrapped)]
    [InlineData(KubectlTable)]
    public void LinesAsGetContentSendsThemReadTheSameAsTheRawText(string sample)
    {
        var fromLines = Run($"$text | {CmdletName}", SampleLines(sample)).AssertNoErrors();
        var fromArgument = Run($"{CmdletName} -InputObject $text", SampleLines(sample)).AssertNoErrors();
        var fromRaw = Run($"$text | {CmdletName}", SampleText(sample)).AssertNoErrors();

        Assert.NotEmpty(fromRaw.Output);
        Assert.Equal(Describe(fromRaw), Describe(fromLines));
        Assert.Equal(Describe(fromRaw), Describe(fromArgument));
    }

    /// <summary>
    /// Get-Content's lines are named by the file they were read from, as a file piped itself is, and each file's lines are
    /// read apart: Get-ChildItem ./captures/*.txt | Get-Content | Get-EdgeModuleExternalIp says which capture each came from.
    /// </summary>
    [Fact]
    public void LinesGetContentReadAreNamedByTheirFile()
    {
        var result = Run($"{Content}; & {{ Content $text[0]; Content $text[1] }} | {CmdletName}", new[] { SamplePath(FiveColumns), SamplePath(KubectlTable) }).AssertNoErrors();

        var origins = result.Output.Select(o => (string?)o.Value("Origin")).Distinct().ToList();
        Assert.Equal(new[] { SamplePath(FiveColumns), SamplePath(KubectlTable) }, origins);
        Assert.Equal(Describe(Run($"$text | {CmdletName}", SampleText(FiveColumns))).Concat(Describe(Run($"$text | {CmdletName}", SampleText(KubectlTable)))), Describe(result));
    }

    private static IEnumerable<string> Describe(RunResult result) =>
        result.Output.Select(o => $"{o.Value("Name")} {o.Value("ServiceType")} {o.Value("ExternalIp")} {string.Join(",", o.PortTexts())}");

    [Fact]
    public void KubectlTableAndJsonGiveTheSameAddresses()
    {
        const string json = """
            {"apiVersion":"v1","kind":"List","items":[
             {"kind":"Service","metadata":{"name":"edgehub"},"spec":{"type":"LoadBalancer","clusterIP":"10.103.52.225","ports":[{"port":443,"nodePort":31987,"protocol":"TCP"},{"port":5671,"nodePort":32336,"protocol":"TCP"},{"port":8883,"nodePort":30618,"protocol":"TCP"}]},"status":{"loadBalancer":{"ingress":[{"ip":"10.128.44.243"}]}}},
             {"kind":"Service","metadata":{"name":"iotedged"},"spec":{"type":"ClusterIP","clusterIP":"10.107.236.20","ports":[{"port":35000,"protocol":"TCP"},{"port":35001,"protocol":"TCP"}]},"status":{"loadBalancer":{}}},
             {"kind":"Service","metadata":{"name":"webserverapp"},"spec":{"type":"LoadBalancer","clusterIP":"10.105.186.35","ports":[{"port":8080,"nodePort":30976,"protocol":"TCP"}]},"status":{"loadBalancer":{"ingress":[{"ip":"10.128.44.244"}]}}}]}
            """;

        var fromJson = Run($"$text | {CmdletName}", json).AssertNoErrors();
        var fromTable = Run($"$text | {CmdletName}", SampleText(KubectlTable)).AssertNoErrors();

        Assert.Equal(Describe(fromTable), Describe(fromJson));
        Assert.All(fromJson.Output, o => Assert.Equal("KubectlJson", o.Value("Source")));
        Assert.All(fromTable.Output, o => Assert.Equal("KubectlTable", o.Value("Source")));
        Assert.Equal("10.103.52.225", fromJson.Output[0].Value("ClusterIp"));
    }

    [Fact]
    public void KubectlJsonAsConvertFromJsonObjectsAndSavedFilesAreRead()
    {
        // kubectl get svc -n iotedge -o json | ConvertFrom-Json | Get-EdgeModuleExternalIp, and captures saved as files.
        const string objects = """
            [pscustomobject]@{ apiVersion = 'v1'; kind = 'List'; items = @(
              [pscustomobject]@{ kind = 'Service'; metadata = [pscustomobject]@{ name = 'webserverapp' };
                spec = [pscustomobject]@{ type = 'LoadBalancer'; clusterIP = '10.105.186.35'; ports = @([pscustomobject]@{ port = 8080; nodePort = 30976; protocol = 'TCP' }) };
                status = [pscustomobject]@{ loadBalancer = [pscustomobject]@{ ingress = @([pscustomobject]@{ ip = '10.128.44.244' }) } } }) }
            """;

        var fromObjects = Run($"{objects} | {CmdletName}").AssertNoErrors();
        // Other objects are text as PowerShell makes them strings: a StringBuilder (or Select-String's match) holds a capture.
        var fromText = Run($"[System.Text.StringBuilder]::new($text) | {CmdletName}", SampleText(KubectlTable)).AssertNoErrors();
        Assert.Equal(Describe(Run($"$text | {CmdletName}", SampleText(KubectlTable))), Describe(fromText));
        var fromFiles = Run($"[System.IO.FileInfo]::new('{SamplePath(KubectlTable)}'), [System.IO.FileInfo]::new('{SamplePath(FiveColumns)}') | {CmdletName} -Name webserverapp, edgehub").AssertNoErrors();

        Assert.Equal(new[] { "webserverapp LoadBalancer 10.128.44.244 8080:30976/TCP" }, Describe(fromObjects));
        Assert.Equal("KubectlJson", fromObjects.Output[0].Value("Source"));
        Assert.Equal(new[] { SamplePath(KubectlTable), SamplePath(KubectlTable), SamplePath(FiveColumns), SamplePath(FiveColumns) },
            fromFiles.Output.Select(o => o.Value("Origin")));
        Assert.Equal(Describe(Run($"$text | {CmdletName} -Name webserverapp, edgehub", SampleText(KubectlTable))), Describe(fromFiles).Take(2));
    }

    [Fact]
    public void InvokeCommandOutputOfSeveralDevicesIsReadDeviceByDevice()
    {
        // Invoke-Command -ComputerName dev1,dev2 { kubectl get svc -n iotedge } (dev2: iotedge list): the devices'
        // blocks of lines interleaved, each table laid out differently, the same modules on both.
        var script = $"""
            {Remote}
            $dev1 = @(Remote dev1 $text[0]); $dev2 = @(Remote dev2 $text[1])
            $dev1[0..1] + $dev2[0..4] + $dev1[2..9] + $dev2[5..20] | {CmdletName} -Name edgehub, webserverapp
            """;
        var lines = new object[] { SampleLines(KubectlTable), SampleLines(FiveColumns) };

        var result = Run(script, lines).AssertNoErrors();

        Assert.Equal(new[] { "edgehub", "webserverapp", "edgehub", "webserverapp" }, result.Names());
        Assert.Equal(new object[] { "dev1", "dev1", "dev2", "dev2" }, result.Output.Select(o => o.Value("PSComputerName")));
        Assert.Equal(new object[] { "dev1", "dev1", "dev2", "dev2" }, result.Output.Select(o => o.Value("Origin")));
        Assert.Equal(new object[] { "KubectlTable", "KubectlTable", "IotedgeList", "IotedgeList" }, result.Output.Select(o => o.Value("Source")));
        Assert.Equal("10.103.52.225", result.Output[0].Value("ClusterIp"));
        Assert.Equal("Running", result.Output[3].Value("Status"));
    }

    [Fact]
    public void ErrorsSayTheDeviceWhoseOutputTheyAreIn()
    {
        var script = $"""
            {Remote}
            @(Remote dev1 $text[0]) + @(Remote dev2 $text[1]) + @(Remote dev3 'Unknown command.') | {CmdletName} | ForEach-Object PSComputerName
            """;
        var damaged = SampleLines(KubectlTable);
        damaged[2] = damaged[2].Replace("10.128.44.243", "hub.contoso.lo");

        var result = Run(script, new object[] { SampleLines(KubectlTable), damaged });

        Assert.Equal(new object[] { "dev1", "dev1", "dev1", "dev2", "dev2" }, result.Output.Select(o => o.BaseObject));
        Assert.Equal(new[] { "[dev2] Line 3: EXTERNAL-IP 'hub.contoso.lo' of 'edgehub' is not an IP address.", "[dev3] The input is not device output" },
            result.Errors.Select(e => e.ToString().Split(';')[0]));
        Assert.StartsWith("Line 3:", result.Errors[0].Exception.Message);
    }

    [Fact]
    public void NameIsLookedForOnEachDevice()
    {
        var script = $"""
            {Remote}
            @(Remote dev1 $text[0]) + @(Remote dev2 $text[1]) | {CmdletName} -Name gettingStartedWithGpus
            """;

        var result = Run(script, new object[] { SampleLines(KubectlTable), SampleLines(FiveColumns) });

        Assert.Equal(new object[] { "dev2" }, result.Output.Select(o => o.Value("PSComputerName")));
        var error = Assert.Single(result.Errors);
        Assert.Equal("ModuleNotFound" + ErrorSuffix, error.FullyQualifiedErrorId);
        Assert.EndsWith("in the output from dev1.", error.Exception.Message);
    }

    [Theory]
    [InlineData("edge*", new[] { "edgehub", "edgeagent" })]
    [InlineData("webServerApp", new[] { "webserverapp" })]
    [InlineData("WEB*", new[] { "webserverapp" })]
    [InlineData("Getting_Started*", new[] { "gettingstartedwithgpus" })]
    [InlineData("Getting_StartedWithGPUs", new[] { "gettingstartedwithgpus" })]
    [InlineData("edgeHub,iotedged", new[] { "iotedged", "edgehub" })]
    public void NameTakesWildcardsAndIotHubModuleIds(string names, string[] expected)
    {
        var result = Run($"$text | {CmdletName} -Name {names}", SampleLines(FiveColumns)).AssertNoErrors();

        Assert.Equal(expected, result.Names());
    }

    [Fact]
    public void ANameThatMatchesNothingIsAnErrorAndTheOthersStillCome()
    {
        var result = Run($"$text | {CmdletName} -Name edgeHub, my_Filter, nothing*", SampleText(FiveColumns));

        Assert.Equal(new[] { "edgehub" }, result.Names());
        var error = Assert.Single(result.Errors);
        Assert.Equal("ModuleNotFound" + ErrorSuffix, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("my_Filter", error.TargetObject);
        Assert.Contains("'myfilter'", error.Exception.Message);
    }

    [Fact]
    public void PortsWithoutAnExternalIpWarnAboutTheDevicesAddressRange()
    {
        var text = """
            NAME         STATUS  DESCRIPTION CONFIG       EXTERNAL-IP   PORT(S)
            ----         ------  ----------- ------       -----------   -------
            edgehub      Running Up 5 days   hub:1.0      10.57.48.62   443:31457/TCP
            webserverapp Running Up 1 days   nginx:stable               8080:30976/TCP
            filter       Running Up 1 days   filter:1     <pending>     9000:30001/TCP
            iotedged     Running Up 7 days   iotedged:1.0 <none>        35000/TCP
            """;

        var result = Run($"$text | {CmdletName}", text).AssertNoErrors();

        Assert.Equal(4, result.Output.Count);
        Assert.Equal(2, result.Warnings.Count);
        Assert.Contains("'webserverapp'", result.Warnings[0]);
        Assert.Contains("8080:30976/TCP", result.Warnings[0]);
        Assert.Contains("'filter'", result.Warnings[1]);
        Assert.All(result.Warnings, w => Assert.Contains("Kubernetes external service IPs", w));
        Assert.All(result.Warnings, w => Assert.Contains("Compute", w));
        Assert.Null(result.Named("webserverapp").Value("ExternalIp"));
        Assert.Equal(new object?[] { false, true, true, false }, result.Output.Select(o => o.Value("IsExternalIpPending")));
    }

    [Fact]
    public void PendingWarnsAndSaysSoEvenWithoutAPortsColumn()
    {
        var lines = SampleLines(FiveColumns).ToList();
        lines[6] = lines[6].Replace("10.128.44.243", "<pending>    ");

        var result = Run($"$text | {CmdletName}", lines.ToArray()).AssertNoErrors();

        var warning = Assert.Single(result.Warnings);
        Assert.StartsWith("'edgehub' has a LoadBalancer Service but no external IP (pipeline input).", warning);
        Assert.Contains("Kubernetes external service IPs", warning);
        Assert.Equal(true, result.Named("edgehub").Value("IsExternalIpPending"));
        Assert.Null(result.Named("edgehub").Value("ExternalIp"));
        Assert.Equal(new object?[] { false, false, false, false }, result.Output.Where(o => (string)o.Value("Name")! != "edgehub").Select(o => o.Value("IsExternalIpPending")));
    }

    [Fact]
    public void TheWarningFollowsName()
    {
        var text = "NAME         EXTERNAL-IP PORT(S)\n----         ----------- -------\nwebserverapp             8080:30976/TCP\nedgehub      10.1.2.3    443/TCP\n";

        var result = Run($"$text | {CmdletName} -Name edgehub", text).AssertNoErrors();

        Assert.Empty(result.Warnings);
        Assert.Equal(new[] { "edgehub" }, result.Names());
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("")]
    [InlineData("{ \"kind\": \"Deployment\" }")]
    [InlineData("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[{\"kind\":\"Pod\",\"metadata\":{\"name\":\"edgehub-5d8\"}}]}")]
    public void TextThatIsNotDeviceOutputIsANonTerminatingError(string text)
    {
        var result = Run($"$text | {CmdletName}; 'after'", text);

        Assert.Equal(new object[] { "after" }, result.Output.Select(o => o.BaseObject));
        var error = Assert.Single(result.Errors);
        Assert.Equal("DeviceOutputNotRecognized" + ErrorSuffix, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Equal(text + "\n", error.TargetObject);
    }

    [Fact]
    public void SkippedLinesAreReportedInVerboseOutput()
    {
        var text = "Transcript started, output file is C:\\t.txt\n" + SampleText(FiveColumns);

        var result = Run($"$text | {CmdletName} -Verbose", text).AssertNoErrors();

        Assert.Equal(5, result.Output.Count);
        Assert.Contains(result.Verbose, v => v.Contains("skipped lines 1, which"));
    }

    [Fact]
    public void TheCmdletDeclaresItsOutputTypeParameterSetsAndWildcards()
    {
        using var ps = new PowerShellSession();

        Assert.Equal("EdgeMigration.EdgeModuleEndpoint", ps.Run($"(Get-Command {CmdletName}).OutputType.Name").AssertNoErrors().Single().BaseObject);
        var sets = ps.Run($"(Get-Command {CmdletName}).ParameterSets.Name").AssertNoErrors().Output.Select(o => o.BaseObject).OrderBy(n => n).ToList();
        Assert.Equal(new object[] { "ComputerName", "InputObject", "KubeConfig", "Session" }, sets);
        Assert.Equal(true, ps.Run($"[bool]((Get-Command {CmdletName}).Parameters['Name'].Attributes | Where-Object {{ $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }})").Single().BaseObject);
        Assert.Equal("InputObject", ps.Run($"(Get-Command {CmdletName}).DefaultParameterSet").Single().BaseObject);
    }

    [Fact]
    public void ComputerNameThatCannotBeReachedIsAConnectionError()
    {
        var result = Run($"{CmdletName} -ComputerName no-such-device.invalid -Credential ([pscredential]::new('EdgeUser', [securestring]::new())) -UseSSL; 'after'");

        Assert.Equal(new object[] { "after" }, result.Output.Select(o => o.BaseObject));
        var error = Assert.Single(result.Errors);
        Assert.Equal("DeviceConnectionFailed" + ErrorSuffix, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        Assert.Equal("no-such-device.invalid", error.TargetObject);
        Assert.Contains("Minishell endpoint of no-such-device.invalid", error.Exception.Message);
    }

    [Fact]
    public void AFailedConnectionLeavesOnlyTheCmdletsErrorInDollarError()
    {
        // New-PSSession runs in the caller's runspace: its own error, thrown (here, without WinRM) or written (as the
        // stand-in writes it, as for a device that refuses), went into $Error beside the cmdlet's. Older entries stay.
        var result = Run($$"""
            $credential = [pscredential]::new('EdgeUser', [securestring]::new())
            $Error.Clear(); try { [int]::Parse('x') } catch { }
            {{CmdletName}} -ComputerName no-such-device.invalid -Credential $credential -UseSSL -ErrorAction SilentlyContinue
            function New-PSSession {
                [CmdletBinding()] param($ComputerName, $Credential, $ConfigurationName)
                $PSCmdlet.WriteError([System.Management.Automation.ErrorRecord]::new([System.Exception]::new('refused'), 'Refused', 'ConnectionError', $ComputerName))
            }
            {{CmdletName}} -ComputerName refusing-device.invalid -Credential $credential -ErrorAction SilentlyContinue
            $Error | ForEach-Object { $_.FullyQualifiedErrorId }
            """);

        Assert.Equal(new object[] { "DeviceConnectionFailed" + ErrorSuffix, "DeviceConnectionFailed" + ErrorSuffix, "FormatException" }, result.Output.Select(o => o.BaseObject));
    }

    /// <summary>A file of captured output given by position, as the manifest cmdlets take files, binds to -ComputerName: refused before a credential is asked for.</summary>
    [Theory]
    [InlineData("./iotedge-list.txt")]
    [InlineData("iotedge-list.txt")]
    public void AFileGivenForTheDeviceIsRefusedAndTheErrorSaysToPipeIt(string given)
    {
        var folder = Directory.CreateTempSubdirectory("edgemigration-externalip-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "iotedge-list.txt"), SampleText(FiveColumns));

            var result = Run($"$ExecutionContext.SessionState.Path.SetLocation('{folder}') | Out-Null; {CmdletName} {given}; 'after'");

            Assert.Equal(new object[] { "after" }, result.Output.Select(o => o.BaseObject));
            var error = Assert.Single(result.Errors);
            Assert.Equal("ParameterArgumentValidationError" + ErrorSuffix, error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Contains($"'{given}' is a path, not the device's IP address or name", error.Exception.Message);
            Assert.Contains($"Get-Content '{given}' | {CmdletName}", error.Exception.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

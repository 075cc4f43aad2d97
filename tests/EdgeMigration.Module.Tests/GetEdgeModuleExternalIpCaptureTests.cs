using System.Linq;
using Xunit;
using static EdgeMigration.Tests.ExternalIpTestData;

namespace EdgeMigration.Tests;

/// <summary>Get-EdgeModuleExternalIp reading captures as they come: several outputs, text between them, damaged rows.</summary>
public class GetEdgeModuleExternalIpCaptureTests
{
    [Fact]
    public void KubectlWarningsAndSeveralOutputsInOneCaptureAreAllRead()
    {
        var lines = new[]
            {
                "Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice",
                "{",
                "  \"kind\": \"Service\",",
                "  \"metadata\": { \"name\": \"opcpublisher\" },",
                "  \"spec\": { \"type\": \"NodePort\", \"ports\": [ { \"port\": 62222, \"nodePort\": 31001 } ] }",
                "}",
            }
            .Concat(SampleLines(FiveColumns))
            .ToArray();

        var result = Run($"$text | {CmdletName} -Verbose", lines).AssertNoErrors();

        Assert.Equal(new[] { "opcpublisher", "gettingstartedwithgpus", "iotedged", "edgehub", "edgeagent", "webserverapp" }, result.Names());
        Assert.Equal("KubectlJson", result.Output[0].Value("Source"));
        Assert.Equal("IotedgeList", result.Output[1].Value("Source"));
        Assert.Contains(result.Verbose, v => v == "pipeline input: skipped lines 1, which are not part of a table or JSON document.");
    }

    [Fact]
    public void ServicesOfOtherNamespacesAreNoModulesAndVerboseSaysSo()
    {
        var text = """
            NAMESPACE     NAME           TYPE           CLUSTER-IP      EXTERNAL-IP     PORT(S)                  AGE
            default       kubernetes     ClusterIP      10.96.0.1       <none>          443/TCP                  10d
            iotedge       edgehub        LoadBalancer   10.103.52.225   10.128.44.243   443:31987/TCP            34h
            kube-system   kube-dns       ClusterIP      10.96.0.10      <none>          53/UDP,53/TCP,9153/TCP   10d
            userns1       webapp         LoadBalancer   10.105.1.2      10.128.44.250   80:31000/TCP             1d
            """;

        var result = Run($"$text | {CmdletName} -Verbose; $text | {CmdletName} -Name webapp", text);

        Assert.Equal(new[] { "edgehub" }, result.Names());
        Assert.Contains("pipeline input: left out the Services of namespaces other than iotedge, which are no IoT Edge modules: default/kubernetes, kube-system/kube-dns, userns1/webapp.", result.Verbose);
        Assert.Equal("ModuleNotFound" + ErrorSuffix, Assert.Single(result.Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public void ADamagedRowIsAnErrorOnItsLineAndTheOtherModulesStillCome()
    {
        var lines = SampleLines(FiveColumns).ToList();
        lines[5] = "iotedged Running Up 10 days azureiotedge/azureiotedge-iotedged:0.1.0-beta10 <none>";

        var result = Run($"$text | {CmdletName}; 'after'", lines.ToArray());

        Assert.Equal(new object[] { "gettingstartedwithgpus", "edgehub", "edgeagent", "webserverapp", "after" },
            result.Output.Select(o => o.Properties["Name"]?.Value ?? o.BaseObject));
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("Line 6:", error.Exception.Message);
        Assert.Equal("DeviceOutputNotRecognized" + ErrorSuffix, error.FullyQualifiedErrorId);
    }

    [Fact]
    public void ErrorsComeInInputOrderSoErrorActionStopKeepsTheModulesAbove()
    {
        var lines = SampleLines(FiveColumns).ToList();
        lines[6] = lines[6].Replace("10.128.44.243", "db.contoso.loc");

        var result = Run($"try {{ $text | {CmdletName} -ErrorAction Stop | ForEach-Object Name }} catch {{ $_.Exception.Message }}", lines.ToArray());

        Assert.Equal(new object[] { "gettingstartedwithgpus", "iotedged", "Line 7: EXTERNAL-IP 'db.contoso.loc' of 'edgehub' is not an IP address." },
            result.Output.Select(o => o.BaseObject));
    }

    [Theory]
    [InlineData("webserverapp", new[] { "webserverapp" }, 0)]
    [InlineData("edgeHub", new string[0], 1)]
    [InlineData("edge*", new[] { "edgeagent" }, 1)]
    public void NameLeavesOutTheErrorsOfOtherModulesAndADamagedRowIsNoMissingModule(string name, string[] expected, int errors)
    {
        var lines = SampleLines(FiveColumns).ToList();
        lines[6] = lines[6].Replace("10.128.44.243", "db.contoso.loc");

        var result = Run($"$text | {CmdletName} -Name {name}", lines.ToArray());

        Assert.Equal(expected, result.Names());
        Assert.Equal(errors, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal("DeviceOutputNotRecognized" + ErrorSuffix, e.FullyQualifiedErrorId));
    }
}

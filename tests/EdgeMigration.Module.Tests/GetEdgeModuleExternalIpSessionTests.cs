using System.Linq;
using System.Management.Automation;
using Xunit;
using static EdgeMigration.Tests.ExternalIpTestData;

namespace EdgeMigration.Tests;

/// <summary>
/// Get-EdgeModuleExternalIp -Session against the Minishell stand-in: a real remoting session in which
/// <c>iotedge list</c> writes the reference output, so the cmdlet's whole -Session path runs as on a device.
/// </summary>
[Collection(MinishellStandIn.Collection)]
public class GetEdgeModuleExternalIpSessionTests
{
    [Fact]
    public void IotedgeListWrittenLineByLineInTheSessionIsRead()
    {
        using var ps = new PowerShellSession();

        var result = MinishellStandIn.Run(ps, $"{CmdletName} -Session $session", SampleLines(PortsWrapped)).AssertNoErrors();

        Assert.Equal(new[] { "edgehub", "iotedged", "cuda-sample2", "edgeagent", "cuda-sample1" }, result.Names());
        Assert.Equal("10.57.48.62", result.Output[0].Value("ExternalIp"));
        Assert.Equal(new[] { "443:31457/TCP", "5671:30881/TCP", "8883:31753/TCP" }, result.Output[0].PortTexts());
        Assert.All(result.Output, o => Assert.Equal("localhost", o.Value("Origin")));
        Assert.All(result.Output, o => Assert.Equal("IotedgeList", o.Value("Source")));
    }

    [Fact]
    public void InvokeCommandOutputCarriesTheComputerNameAsTheSessionDoes()
    {
        using var ps = new PowerShellSession();

        var result = MinishellStandIn.Run(ps, $"Invoke-Command -Session $session {{ iotedge list }} | {CmdletName}; {CmdletName} -Session $session",
            SampleLines(PortsWrapped)).AssertNoErrors();

        Assert.Equal(10, result.Output.Count);
        Assert.All(result.Output, o => Assert.Equal("localhost", o.Value("PSComputerName")));
        Assert.All(result.Output, o => Assert.Equal("localhost", o.Value("Origin")));
        Assert.Equal(result.Names().Take(5), result.Names().Skip(5));
    }

    [Fact]
    public void IotedgeListWrittenAsOneStringIsReadAndNameFilters()
    {
        using var ps = new PowerShellSession();

        var result = MinishellStandIn.Run(ps, $"{CmdletName} $session -Name webServerApp", SampleText(FiveColumns)).AssertNoErrors();

        var web = Assert.Single(result.Output);
        Assert.Equal("webserverapp", web.Value("Name"));
        Assert.Equal("10.128.44.244", web.Value("ExternalIp"));
    }

    [Fact]
    public void ASessionWithoutIotedgeIsAClearError()
    {
        using var ps = new PowerShellSession();

        var result = MinishellStandIn.Run(ps, $"{CmdletName} -Session $session; 'after'", iotedgeListOutput: null);

        Assert.Equal(new object[] { "after" }, result.Output.Select(o => o.BaseObject));
        var error = Assert.Single(result.Errors);
        Assert.Equal("IotedgeListFailed" + ErrorSuffix, error.FullyQualifiedErrorId);
        Assert.Equal("PSSession", PSObject.AsPSObject(error.TargetObject).BaseObject.GetType().Name);
        Assert.Contains("'iotedge'", error.Exception.Message);
        Assert.Contains("Minishell endpoint", error.Exception.Message);
    }

    [Fact]
    public void AClosedSessionIsAClearError()
    {
        using var ps = new PowerShellSession();

        var result = MinishellStandIn.Run(ps, $"$runspace.Close(); {CmdletName} -Session $session", SampleLines(FiveColumns));

        Assert.Empty(result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal("InvalidSession" + ErrorSuffix, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("it is Closed", error.Exception.Message);
        Assert.Contains("-ConfigurationName Minishell", error.Exception.Message);
    }

    [Fact]
    public void OutputThatIsNoTableIsTheSameErrorAsForPipedText()
    {
        using var ps = new PowerShellSession();

        var result = MinishellStandIn.Run(ps, $"{CmdletName} -Session $session", new[] { "Unknown command." });

        var error = Assert.Single(result.Errors);
        Assert.Equal("DeviceOutputNotRecognized" + ErrorSuffix, error.FullyQualifiedErrorId);
    }
}

using EdgeMigration.Core.DeviceOutput;
using Xunit;

namespace EdgeMigration.Tests.DeviceOutput;

/// <summary>Text that is not device output, or damaged output, is an error that says where and why.</summary>
public class DeviceOutputErrorTests
{
    private const string Header =
        "NAME         STATUS  DESCRIPTION CONFIG                EXTERNAL-IP PORT(S)\n" +
        "----         ------  ----------- ------                ----------- -------\n";

    [Theory]
    [InlineData("")]
    [InlineData("\n\n   \n")]
    [InlineData("[10.100.10.10]: PS>iotedge list\n\n[10.100.10.10]: PS>")]
    public void NoOutputAtAllIsAnError(string text)
    {
        var ex = Assert.Throws<DeviceOutputException>(() => DeviceOutputReader.Read(text));
        Assert.Contains("no command output", ex.Message);
    }

    [Theory]
    [InlineData("hello world")]
    [InlineData("Id Name State\n-- ---- -----\n 1 job1 Running")]
    [InlineData("NAME READY STATUS RESTARTS AGE\nedgehub-5d8 2/2 Running 0 3d")]
    public void TextWithoutAModuleTableIsAnError(string text)
    {
        var ex = Assert.Throws<DeviceOutputException>(() => DeviceOutputReader.Read(text));
        Assert.Contains("NAME and EXTERNAL-IP", ex.Message);
    }

    [Fact]
    public void ARowThatDoesNotLineUpWithTheHeaderIsAnErrorOnItsLine()
    {
        var text = Header +
            "edgehub      Running Up 5 days   hub:1.0               10.57.48.62 443:31457/TCP\n" +
            "edgeagent Running Up 7 days agent:1.0\n";

        var ex = Assert.Throws<DeviceOutputException>(() => DeviceOutputReader.Read(text));

        Assert.Equal(4, ex.Line);
        Assert.Contains("line up", ex.Message);
    }

    [Fact]
    public void AHeaderWhoseDashesDoNotLineUpIsAnError()
    {
        var text = "NAME    EXTERNAL-IP\n  ---- -----------\nedgehub 10.1.2.3\n";

        var ex = Assert.Throws<DeviceOutputException>(() => DeviceOutputReader.Read(text));

        Assert.Equal(1, ex.Line);
    }

    [Fact]
    public void AContinuationWithoutARowAboveIsAnError()
    {
        var text = Header + "                                                                81/TCP\n";

        Assert.Equal(3, Assert.Throws<DeviceOutputException>(() => DeviceOutputReader.Read(text)).Line);
    }

    [Theory]
    [InlineData("443:31457/TCP,5671", "5671")]
    [InlineData("443:99999/TCP", "443:99999/TCP")]
    [InlineData("http/TCP", "http/TCP")]
    public void ABadPortEntryIsAnErrorNamingItAndTheModule(string ports, string reported)
    {
        var text = Header + "edgehub      Running Up 5 days   hub:1.0               10.57.48.62 " + ports + "\n";

        var ex = Assert.Throws<DeviceOutputException>(() => DeviceOutputReader.Read(text));

        Assert.Equal(3, ex.Line);
        Assert.Contains(reported, ex.Message);
        Assert.Contains("edgehub", ex.Message);
    }

    [Theory]
    [InlineData("10.57")]
    [InlineData("lb.local")]
    public void AnExternalIpThatIsNoAddressIsAnError(string address)
    {
        var text = Header + "edgehub      Running Up 5 days   hub:1.0               " + address + "\n";

        Assert.Contains(address, Assert.Throws<DeviceOutputException>(() => DeviceOutputReader.Read(text)).Message);
    }

    [Fact]
    public void ANameTheDeviceCannotShowIsAnError()
    {
        var text = Header + "Transcript   started\n";

        Assert.Contains("'Transcript' is not a module name", Assert.Throws<DeviceOutputException>(() => DeviceOutputReader.Read(text)).Message);
    }

    [Fact]
    public void AHeaderWithoutNameIsAnError()
    {
        var text = "MODULE NAME  EXTERNAL-IP\n-----------  -----------\nedgehub      10.1.2.3\n";

        Assert.Contains("no NAME column", Assert.Throws<DeviceOutputException>(() => DeviceOutputReader.Read(text)).Message);
    }
}

using System.Linq;
using EdgeMigration.Core.DeviceOutput;
using Xunit;

namespace EdgeMigration.Tests.DeviceOutput;

/// <summary>
/// Text that is not device output is an error; a damaged row or table is an error in its place that says where and
/// why, and costs no other row.
/// </summary>
public class DeviceOutputErrorTests
{
    private const string Header =
        "NAME         STATUS  DESCRIPTION CONFIG                EXTERNAL-IP PORT(S)\n" +
        "----         ------  ----------- ------                ----------- -------\n";

    private static DeviceOutputException TheErrorOf(string text) => Assert.Single(DeviceOutputReader.Read(text).Errors);

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
    public void AHeaderWhoseDashesDoNotLineUpIsAnError()
    {
        var text = "NAME    EXTERNAL-IP\n  ---- -----------\nedgehub 10.1.2.3\n";

        var parsed = DeviceOutputReader.Read(text);

        Assert.Equal(1, Assert.Single(parsed.Errors).Line);
        Assert.Empty(parsed.Modules);
        Assert.Empty(parsed.SkippedLines);
    }

    [Fact]
    public void AContinuationWithoutARowAboveIsAnError()
    {
        var text = Header + "                                                                81/TCP\n";

        Assert.Equal(3, TheErrorOf(text).Line);
    }

    [Theory]
    [InlineData("443:31457/TCP,5671", "5671")]
    [InlineData("443:99999/TCP", "443:99999/TCP")]
    [InlineData("http/TCP", "http/TCP")]
    public void ABadPortEntryIsAnErrorNamingItAndTheModule(string ports, string reported)
    {
        var text = Header + "edgehub      Running Up 5 days   hub:1.0               10.57.48.62 " + ports + "\n";

        var ex = TheErrorOf(text);

        Assert.Equal(3, ex.Line);
        Assert.Contains(reported, ex.Message);
        Assert.Contains("edgehub", ex.Message);
        Assert.Equal("edgehub", ex.ModuleName);
    }

    [Theory]
    [InlineData("10.57")]
    [InlineData("lb.local")]
    public void AnExternalIpThatIsNoAddressIsAnError(string address)
    {
        var text = Header + "edgehub      Running Up 5 days   hub:1.0               " + address + "\n";

        Assert.Contains(address, TheErrorOf(text).Message);
    }

    [Fact]
    public void ANameTheDeviceCannotShowIsAnError()
    {
        var text = Header + "Transcript   started\n";

        Assert.Contains("'Transcript' is not a module name", TheErrorOf(text).Message);
    }

    [Fact]
    public void AHeaderWithoutNameIsAnError()
    {
        var text = "MODULE NAME  EXTERNAL-IP\n-----------  -----------\nedgehub      10.1.2.3\n";

        Assert.Contains("no NAME column", TheErrorOf(text).Message);
    }

    [Fact]
    public void ADamagedRowCostsOnlyItselfAndTheOthersKeepTheirOrder()
    {
        var text = TableText.Format(new[] { "NAME", "STATUS", "EXTERNAL-IP", "PORT(S)" }, new[]
        {
            new[] { "edgehub", "Running", "10.57.48.62", "443:31457/TCP" },
            new[] { "db", "Running", "db.contoso.local", "5432/TCP" },
            new[] { "filter", "Running", "10.57.48.63", "9000:30001/TCP,5671:3…" },
            new[] { "webserverapp", "Running", "10.57.48.64", "8080:30976/TCP" },
        });

        var entries = DeviceOutputReader.Read(text).Entries;

        Assert.Equal(new[] { "edgehub", null, null, "webserverapp" }, entries.Select(e => e.Module?.Name));
        Assert.Equal(new int?[] { null, 4, 5, null }, entries.Select(e => e.Error?.Line));
        Assert.Equal(new[] { null, "db", "filter", null }, entries.Select(e => e.Error?.ModuleName));
        Assert.Contains("'db.contoso.local' of 'db' is not an IP address", entries[1].Error!.Message);
        Assert.Contains("'5671:3…' is not a port entry", entries[2].Error!.Message);
        Assert.Contains("cut off", entries[2].Error!.Message);
        Assert.DoesNotContain("cut off", entries[1].Error!.Message);
    }

    /// <summary>A line that does not line up is a row that cannot be read; a continuation line, the end of the row above.</summary>
    [Theory]
    [InlineData(
        "edgehub      Running Up 5 days   hub:1.0               10.57.48.62 443:31457/TCP\n" +
        "edgeagent Running Up 7 days agent:1.0\n",
        4, null, "the text does not line up with the columns of the header on line 1 (it crosses the start of column STATUS)", "edgehub")]
    [InlineData(
        "edgehub      Running Up 5 days   hub:1.0               10.57.48.62 443:31457/TCP,\n" +
        "                                                           5671:30881/TCP\n" +
        "                                                                   8883:31753/TCP\n" +
        "iotedged     Running Up 7 days   iotedged:1.0          <none>      35000/TCP\n",
        4, "edgehub", "the row of 'edgehub' (line 3) continues on a line that does not line up", "iotedged")]
    public void ALineThatDoesNotLineUpCostsOnlyItsRow(string rows, int line, string? module, string message, string readModule)
    {
        var parsed = DeviceOutputReader.Read(Header + rows);

        var ex = Assert.Single(parsed.Errors);
        Assert.Equal(line, ex.Line);
        Assert.Equal(module, ex.ModuleName);
        Assert.StartsWith($"Line {line}: {message}", ex.Message);
        Assert.Equal(readModule, Assert.Single(parsed.Modules).Name);
    }
}

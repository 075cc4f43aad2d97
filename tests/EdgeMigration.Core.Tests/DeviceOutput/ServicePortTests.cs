using System;
using System.Linq;
using EdgeMigration.Core.DeviceOutput;
using Xunit;

namespace EdgeMigration.Tests.DeviceOutput;

public class ServicePortTests
{
    [Fact]
    public void EntriesWithAndWithoutNodePortsAreRead()
    {
        var ports = ServicePort.ParseList("443:31457/TCP,35000/tcp, 5000:30500/UDP");

        Assert.Equal(new[] { 443, 35000, 5000 }, ports.Select(p => p.Port));
        Assert.Equal(new int?[] { 31457, null, 30500 }, ports.Select(p => p.NodePort));
        Assert.Equal(new[] { "TCP", "TCP", "UDP" }, ports.Select(p => p.Protocol));
        Assert.Equal("443:31457/TCP,35000/TCP,5000:30500/UDP", string.Join(",", ports));
    }

    [Theory]
    [InlineData("")]
    [InlineData("<none>")]
    public void NoPortsIsAnEmptyList(string cell)
    {
        Assert.Empty(ServicePort.ParseList(cell));
    }

    [Theory]
    [InlineData("443")]
    [InlineData("443:31457")]
    [InlineData("0/TCP")]
    [InlineData("70000/TCP")]
    [InlineData("443:0/TCP")]
    [InlineData("443:31457/TCP,")]
    [InlineData("443::31457/TCP")]
    public void AnythingElseIsAFormatError(string cell)
    {
        Assert.Throws<FormatException>(() => ServicePort.ParseList(cell));
    }
}

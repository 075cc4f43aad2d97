using EdgeMigration.Core.DeviceOutput;
using Xunit;

namespace EdgeMigration.Tests.DeviceOutput;

/// <summary>The device's name sanitizing (reference: kubernetes-mode.md, Names).</summary>
public class ModuleNamesTests
{
    [Theory]
    [InlineData("webServerApp", "webserverapp")]
    [InlineData("edgeHub", "edgehub")]
    [InlineData("my_module", "mymodule")]
    [InlineData("Sim.Temp-Sensor_2", "sim.temp-sensor2")]
    [InlineData("cuda-sample1", "cuda-sample1")]
    public void ModuleIdsBecomeTheNamesTheDeviceShows(string moduleId, string deviceName)
    {
        Assert.Equal(deviceName, ModuleNames.Sanitize(moduleId));
    }

    [Fact]
    public void NamesAreCutAt253Characters()
    {
        Assert.Equal(253, ModuleNames.Sanitize(new string('A', 300)).Length);
    }

    [Theory]
    [InlineData("web*App", "web*app")]
    [InlineData("my_Mod?", "mymod?")]
    [InlineData("[Ee]dge_Hub", "[ee]dgehub")]
    public void PatternsKeepTheirWildcards(string pattern, string sanitized)
    {
        Assert.Equal(sanitized, ModuleNames.SanitizePattern(pattern));
    }
}

using System.Runtime.InteropServices;
using EdgeMigration.Core.IO;
using Xunit;

namespace EdgeMigration.Tests.IO;

public class FileNamesTests
{
    [Fact]
    public void NamesThatDifferInCaseAreOneFileOnWindowsAndMacOsOnly()
    {
        // ConvertTo-GpuEdgeManifest -Destination of a/Site.json and b/site.json: on Windows the second would silently
        // replace the first with -Force, were the names compared exactly.
        var caseInsensitive = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX);

        Assert.Equal(caseInsensitive, FileNames.Comparer.Equals("/gpu/Site.json", "/gpu/site.json"));
        Assert.Equal(caseInsensitive, FileNames.Comparer.GetHashCode("/gpu/Site.json") == FileNames.Comparer.GetHashCode("/gpu/site.json"));
        Assert.False(FileNames.Comparer.Equals("/gpu/site.json", "/gpu/site2.json"));
    }
}

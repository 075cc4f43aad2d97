using EdgeMigration.Core.Rules.Resources;
using Xunit;

namespace EdgeMigration.Tests.Rules;

public class KubernetesQuantityTests
{
    [Theory]
    [InlineData(268435456L, "256Mi")]
    [InlineData(134217728L, "128Mi")]
    [InlineData(1073741824L, "1Gi")]
    [InlineData(1024L, "1Ki")]
    [InlineData(1572864L, "1536Ki")]
    [InlineData(1099511627776L, "1Ti")]
    [InlineData(1125899906842624L, "1024Ti")]
    [InlineData(1000000L, "1000000")]
    [InlineData(1536870912L, "1536870912")]
    public void BytesTakeTheLargestExactBinarySuffix(long bytes, string expected) =>
        Assert.Equal(expected, KubernetesQuantity.FromBytes(bytes));

    [Theory]
    [InlineData(1500000000L, "1500m", true)]
    [InlineData(2000000000L, "2", true)]
    [InlineData(500000000L, "500m", true)]
    [InlineData(1000000L, "1m", true)]
    [InlineData(1L, "1m", false)]
    [InlineData(1500000001L, "1501m", false)]
    public void NanoCpusBecomeCoresOrMillicores(long nanoCpus, string expected, bool exact)
    {
        Assert.Equal(expected, KubernetesQuantity.FromNanoCpus(nanoCpus, out var isExact));
        Assert.Equal(exact, isExact);
    }

    [Theory]
    [InlineData(150000L, 100000L, "1500m", true)]
    [InlineData(50000L, 100000L, "500m", true)]
    [InlineData(100000L, 100000L, "1", true)]
    [InlineData(25000L, 50000L, "500m", true)]
    [InlineData(33333L, 100000L, "334m", false)]
    public void CpuQuotaPerPeriodBecomesCpus(long quota, long period, string expected, bool exact)
    {
        Assert.Equal(expected, KubernetesQuantity.FromCpuQuota(quota, period, out var isExact));
        Assert.Equal(exact, isExact);
    }

    [Theory]
    [InlineData("cpu", true)]
    [InlineData("memory", true)]
    [InlineData("ephemeral-storage", true)]
    [InlineData("kubernetes.io/batch-cpu", true)]
    [InlineData("requests.kubernetes.io/foo", true)]
    [InlineData("nvidia.com/gpu", false)]
    [InlineData("example.com/foo", false)]
    [InlineData("microsoft.com/fpga_catapult", false)]
    [InlineData("hugepages-2Mi", false)]
    [InlineData("Kubernetes.io/foo", false)]
    [InlineData("/gpu", false)]
    public void OnlyNativeResourcesOtherThanHugePagesAreOvercommitted(string name, bool overcommitable) =>
        Assert.Equal(overcommitable, ModuleResources.IsOvercommitAllowed(name));
}

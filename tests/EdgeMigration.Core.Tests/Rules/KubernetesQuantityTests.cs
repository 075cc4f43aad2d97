using EdgeMigration.Core.Json;
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
    [InlineData("128Mi", "134217728")]
    [InlineData("500m", "0.5")]
    [InlineData("1.5Gi", "1610612736")]
    [InlineData("2", "2")]
    [InlineData("1k", "1000")]
    [InlineData("268435456", "268435456")]
    [InlineData("1e3", "1000")]
    [InlineData("1.5E6", "1500000")]
    [InlineData("2e-3", "0.002")]
    [InlineData("1e+2", "100")]
    [InlineData("1E", "1000000000000000000")]
    public void ParseReadsQuantities(string text, string value) =>
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), KubernetesQuantity.Parse(text));

    [Theory]
    [InlineData("abc")]
    [InlineData("1e")]
    [InlineData("1e3.5")]
    [InlineData("1ex")]
    [InlineData("1e99")]
    [InlineData("12 Mi")]
    [InlineData("")]
    public void ParseRejectsWhatItDoesNotKnow(string text) => Assert.Null(KubernetesQuantity.Parse(text));

    [Theory]
    [InlineData("2", "2")]
    [InlineData("\"2\"", "2")]
    [InlineData("2.0", "2")]
    [InlineData("\" 2 \"", "2")]
    [InlineData("\"1500m\"", "1.5")]
    public void OfReadsNumbersAndQuantityStrings(string json, string value) =>
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), KubernetesQuantity.Of(JDocument.Parse(json).Root));

    [Theory]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("\"two\"")]
    [InlineData("[2]")]
    public void OfRefusesWhatIsNoQuantity(string json) => Assert.Null(KubernetesQuantity.Of(JDocument.Parse(json).Root));

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

    [Fact]
    public void ConvertedQuantitiesReadBackToTheSameValue()
    {
        Assert.Equal(268435456m, KubernetesQuantity.Parse(KubernetesQuantity.FromBytes(268435456)));
        Assert.Equal(1.5m, KubernetesQuantity.Parse(KubernetesQuantity.FromNanoCpus(1500000000, out _)));
    }
}

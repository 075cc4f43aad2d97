using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class KubernetesSectionKeysRuleTests
{
    [Fact]
    public void UnknownKeysMisspelledServiceOptionsAndAMiscasedSection()
    {
        var manifest = ManifestBuilder.Deployment(
            ("a", """{"k8s-experimental":{"Resources":{},"STRATEGY":{},"service-options":{"type":"ClusterIP"},"affinity":{}}}"""),
            ("b", """{"K8s-Experimental":{"strategy":{"type":"Recreate"}}}"""),
            ("c", """{"k8s-experimental":"Recreate"}"""),
            ("d", """{"k8s-experimental":{"volumes":[],"nodeSelector":{},"securityContext":{},"serviceOptions":{}}}"""));

        var findings = Check(manifest, "K3");

        Assert.Equal(new[]
        {
            "K3 Warning a k8s-experimental.service-options manual",
            "K3 Warning a k8s-experimental.affinity manual",
            "K3 Warning b K8s-Experimental manual",
            "K3 Error c k8s-experimental manual",
        }, Summary(findings));
        Assert.Contains("only 'serviceOptions' works", findings[0].Message);
        Assert.Contains("Unknown Kubernetes CreateOption", findings[1].Message);
    }
}

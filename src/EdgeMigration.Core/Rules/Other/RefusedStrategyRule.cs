using System.Collections.Generic;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// K17: the device's agent copies <c>k8s-experimental.strategy</c> into the module's Deployment as written, and the API
/// server refuses a strategy type other than exactly Recreate or RollingUpdate ("recreate"), a rollingUpdate beside
/// Recreate, and a rolling update whose maxSurge and maxUnavailable are both 0: the module never runs. Docker ignores the
/// section, so only the GPU device fails. What is refused is <see cref="StrategyRefusals.Of"/>; O1 says which strategy a
/// module needs.
/// </summary>
public sealed class RefusedStrategyRule : ApiServerRefusalRule
{
    public override string Id => "K17";
    public override string Title => "Deployment strategies the API server refuses";
    public override string Section => "other-differences";

    private protected override IEnumerable<ApiServerRefusal> Refusals(EdgeModule module, CheckSettings settings) => StrategyRefusals.Of(module);
}

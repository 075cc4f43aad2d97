using System.Collections.Generic;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Proxy;

/// <summary>
/// P2: on the GPU device every pod reaches the runtime through a sidecar at localhost:35000/35001, so any module
/// (not only edgeHub) that sets a web proxy must exclude localhost with no_proxy, or its calls to the runtime go to
/// the proxy. edgeAgent is left alone: the device runs its own agent, not the manifest's.
/// </summary>
public sealed class NoProxyLocalhostRule : ModuleRule
{
    public override string Id => "P2";
    public override string Title => "Modules behind a web proxy need no_proxy=localhost";
    public override Severity DefaultSeverity => Severity.Error;
    public override string Section => "web-proxy";
    public override bool CanFix => true;

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, List<Finding> findings)
    {
        if (NeedsBypass(module) is { } proxy)
        {
            var noProxy = ModuleEnvironment.Find(module, ProxySettings.NoProxy);
            var at = noProxy ?? proxy;
            findings.Add(Finding(module, at.Location,
                $"The module sets {proxy.Name} but {(noProxy is null ? "no no_proxy" : $"{noProxy.Name} ({noProxy.Value}) does not list localhost")}; on the GPU device its calls to the runtime at localhost:35001 would go to the proxy.",
                noProxy is null ? $"Set no_proxy=localhost beside {proxy.Name}." : $"Add localhost to {noProxy.Name}.",
                inDefinition: at.InDefinition));
        }
    }

    public override void Fix(ConversionContext context)
    {
        foreach (var module in context.Manifest.Modules)
        {
            if (NeedsBypass(module) is { } proxy)
            {
                ProxySettings.BypassLocalhost(context, this, module, proxy);
            }
        }
    }

    /// <summary>The proxy variable of a module that needs localhost in no_proxy, or null.</summary>
    private static ModuleVariable? NeedsBypass(EdgeModule module) =>
        module.IsEdgeAgent || ProxySettings.BypassesLocalhost(module) ? null : ProxySettings.Proxy(module);
}

using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Proxy;

/// <summary>
/// P1: behind a web proxy edgeHub reaches IoT Hub only over WebSockets (port 443), so the how-to sets
/// <c>UpstreamProtocol: AmqpWs</c> beside <c>https_proxy</c> unless the proxy lets AMQP through. With a proxy URL
/// given for the conversion, the fix also sets edgeHub's https_proxy (and no_proxy=localhost, which P2 asks for).
/// </summary>
public sealed class EdgeHubProxyRule : ModuleRule
{
    public const string EdgeHub = "edgeHub";
    public const string UpstreamProtocol = "UpstreamProtocol";
    public const string AmqpWs = "AmqpWs";

    public override string Id => "P1";
    public override string Title => "edgeHub behind a web proxy uses AMQP over WebSockets";
    public override Severity DefaultSeverity => Severity.Information;
    public override string Section => "web-proxy";
    public override bool CanFix => true;

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, List<Finding> findings)
    {
        if (!IsEdgeHub(module) || HttpsProxy(module) is not { } proxy)
        {
            return;
        }
        var upstream = ModuleEnvironment.Find(module, UpstreamProtocol);
        if (upstream?.Value is null)
        {
            findings.Add(Finding(module, proxy.Location,
                $"edgeHub sets {proxy.Name} but no UpstreamProtocol; AMQP and MQTT (ports 5671, 8883) rarely pass a web proxy.",
                $"Set UpstreamProtocol={AmqpWs} beside {proxy.Name}, unless the proxy allows AMQP.", inDefinition: proxy.InDefinition));
        }
        else if (!upstream.Value.EndsWith("Ws", StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(Finding(module, upstream.Location,
                $"edgeHub sets {proxy.Name} with UpstreamProtocol {upstream.Value}, which does not go through a web proxy.",
                $"Keep it only if the proxy allows {upstream.Value} traffic; otherwise use {AmqpWs}.", fixable: false, inDefinition: upstream.InDefinition));
        }
    }

    public override void Fix(ConversionContext context)
    {
        // Every edgeHub the check reports: a manifest with a duplicate key can hold two (K6 names the duplicate).
        foreach (var hub in context.Manifest.Modules.Where(IsEdgeHub).ToList())
        {
            FixHub(context, hub);
        }
    }

    private void FixHub(ConversionContext context, EdgeModule hub)
    {
        var proxy = HttpsProxy(hub);
        if (context.Options.ProxyUrl is { } url)
        {
            if (proxy is null)
            {
                ModuleEnvironment.Add(context, this, hub, true, ProxySettings.HttpsProxy, url, "Set edgeHub's web proxy given for the conversion.");
            }
            else if (proxy.Value != url)
            {
                ModuleEnvironment.SetValue(context, this, hub, proxy, url, "Set edgeHub's web proxy given for the conversion.");
            }
            proxy = HttpsProxy(hub)!;
            if (!ProxySettings.BypassesLocalhost(hub))
            {
                ProxySettings.BypassLocalhost(context, this, hub, proxy);
            }
        }
        const string Why = "edgeHub reaches IoT Hub through the web proxy over AMQP on WebSockets.";
        var upstream = ModuleEnvironment.Find(hub, UpstreamProtocol);
        if (proxy is not null && upstream is null)
        {
            ModuleEnvironment.Add(context, this, hub, proxy.InDefinition, UpstreamProtocol, AmqpWs, Why);
        }
        else if (proxy is not null && upstream!.Value is null)
        {
            ModuleEnvironment.SetValue(context, this, hub, upstream, AmqpWs, Why);
        }
    }

    private static bool IsEdgeHub(EdgeModule module) => module.IsSystemModule && module.Name == EdgeHub;

    private static ModuleVariable? HttpsProxy(EdgeModule module) =>
        ModuleEnvironment.Find(module, ProxySettings.HttpsProxy) is { } proxy && !string.IsNullOrWhiteSpace(proxy.Value) ? proxy : null;
}

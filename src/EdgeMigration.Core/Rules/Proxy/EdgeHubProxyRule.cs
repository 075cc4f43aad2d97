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
    public const string UpstreamProtocol = "UpstreamProtocol";
    public const string AmqpWs = "AmqpWs";

    public override string Id => "P1";
    public override string Title => "edgeHub behind a web proxy uses AMQP over WebSockets";
    public override Severity DefaultSeverity => Severity.Information;
    public override string Section => "web-proxy";
    public override bool CanFix => true;

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, CheckSettings settings, List<Finding> findings)
    {
        CheckModule(module, manifest, findings);
        if (settings.ProxyUrl is not { } url || !module.IsEdgeHub || ModuleEnvironment.Find(module, ProxySettings.HttpsProxy) is var proxy && proxy?.Value == url)
        {
            return;
        }
        // The proxy given for a conversion does not replace a template's placeholder, nor go into an env section that
        // holds one ("${ENV}"). Neither URL is repeated: each may hold a proxy's password.
        if (IsPlaceholder(proxy))
        {
            findings.Add(Finding(module, proxy!.Location,
                $"edgeHub's {proxy.Name} holds a template placeholder, which the conversion keeps, so the web proxy given for it (-ProxyUrl) is not set.",
                "Give the proxy where the template's placeholders are given (its .env file), or expand the template and convert again.",
                Severity.Warning, fixable: false, inDefinition: proxy.InDefinition));
        }
        else if (module.Definition.FindIgnoreCase(ModuleEnvironment.SectionName) is { } env && !CreateOptionsAccess.CanHoldObject(env))
        {
            findings.Add(Finding(module, ModuleEnvironment.SectionName,
                $"edgeHub's env section is {env.Value.ToCompactJson()}, which the conversion does not replace, so the web proxy given for it (-ProxyUrl) is not set.",
                "Expand the template and convert again, or set https_proxy in edgeHub's env section yourself, with UpstreamProtocol=AmqpWs and no_proxy=localhost.",
                Severity.Warning, fixable: false, inDefinition: true));
        }
    }

    /// <summary>
    /// True for a proxy setting whose value holds a template placeholder ("${PROXY}", "&lt;proxyAddress&gt;",
    /// "http://${PROXY_HOST}:3128"): templates keep them untouched (manifest-shapes.md, section 5). A proxy URL whose
    /// password holds '$' or '&lt;' ("http://svc:Pa$$w0rd@proxy:3128") is a URL, unless it holds a ${VARIABLE}.
    /// </summary>
    private static bool IsPlaceholder(ModuleVariable? proxy) =>
        proxy?.Value is { } value && TemplateText.HasPlaceholder(value) && (value.Contains("${") || !ProxyUrl.IsValid(value));

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, List<Finding> findings)
    {
        if (!module.IsEdgeHub || HttpsProxy(module) is not { } proxy)
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
        foreach (var hub in context.Manifest.Modules.Where(m => m.IsEdgeHub).ToList())
        {
            FixHub(context, hub);
        }
    }

    private void FixHub(ConversionContext context, EdgeModule hub)
    {
        if (context.Options.ProxyUrl is { } url)
        {
            SetProxy(context, hub, url);
        }
        // None set, or the one given could not be: the env section holds something else (a template placeholder).
        if (HttpsProxy(hub) is not { } proxy)
        {
            return;
        }
        if (context.Options.ProxyUrl is not null && !ProxySettings.BypassesLocalhost(hub))
        {
            ProxySettings.BypassLocalhost(context, this, hub, proxy);
        }
        const string Why = "edgeHub reaches IoT Hub through the web proxy over AMQP on WebSockets.";
        var upstream = ModuleEnvironment.Find(hub, UpstreamProtocol);
        if (upstream is null)
        {
            ModuleEnvironment.Add(context, this, hub, proxy.InDefinition, UpstreamProtocol, AmqpWs, Why);
        }
        else if (upstream.Value is null)
        {
            ModuleEnvironment.SetValue(context, this, hub, upstream, AmqpWs, Why);
        }
    }

    /// <summary>
    /// Gives the https_proxy that takes effect the URL given for the conversion, where it is set, also when it is empty
    /// (a proxy added to the env section would not take effect over an empty one in createOptions Env), but not over a
    /// template placeholder; adds one when none is set.
    /// </summary>
    private void SetProxy(ConversionContext context, EdgeModule hub, string url)
    {
        const string Description = "Set edgeHub's web proxy given for the conversion.";
        var proxy = ModuleEnvironment.Find(hub, ProxySettings.HttpsProxy);
        if (proxy is null)
        {
            ModuleEnvironment.Add(context, this, hub, true, ProxySettings.HttpsProxy, url, Description);
        }
        else if (proxy.Value != url && !IsPlaceholder(proxy))
        {
            ModuleEnvironment.SetValue(context, this, hub, proxy, url, Description);
        }
    }

    private static ModuleVariable? HttpsProxy(EdgeModule module) =>
        ModuleEnvironment.Find(module, ProxySettings.HttpsProxy) is { } proxy && !string.IsNullOrWhiteSpace(proxy.Value) ? proxy : null;
}

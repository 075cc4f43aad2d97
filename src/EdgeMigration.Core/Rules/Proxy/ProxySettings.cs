using System;
using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Proxy;

/// <summary>The web proxy variables of a module (names in any letter case) and the no_proxy entry the device needs.</summary>
internal static class ProxySettings
{
    public const string HttpsProxy = "https_proxy";
    public const string HttpProxy = "http_proxy";
    public const string NoProxy = "no_proxy";
    public const string Localhost = "localhost";

    /// <summary>
    /// The proxy a module's HTTP clients would use for http://localhost:35001, where every pod reaches the runtime
    /// through its sidecar: https_proxy, or http_proxy (the sidecar speaks plain HTTP). Empty values set no proxy.
    /// </summary>
    public static ModuleVariable? Proxy(EdgeModule module) =>
        new[] { HttpsProxy, HttpProxy }.Select(name => ModuleEnvironment.Find(module, name)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v?.Value));

    public static bool BypassesLocalhost(EdgeModule module) =>
        ModuleEnvironment.Find(module, NoProxy)?.Value?.Split(',')
            .Any(host => string.Equals(host.Trim(), Localhost, StringComparison.OrdinalIgnoreCase)) == true;

    /// <summary>Adds localhost to the no_proxy that takes effect, or sets no_proxy=localhost beside <paramref name="proxy"/>.</summary>
    public static void BypassLocalhost(ConversionContext context, MigrationRule rule, EdgeModule module, ModuleVariable proxy)
    {
        const string Why = "so the module reaches the runtime's sidecar at localhost:35000/35001 without the proxy.";
        if (ModuleEnvironment.Find(module, NoProxy) is { } noProxy)
        {
            var hosts = noProxy.Value?.Trim().TrimEnd(',');
            ModuleEnvironment.SetValue(context, rule, module, noProxy, string.IsNullOrEmpty(hosts) ? Localhost : hosts + "," + Localhost,
                $"Added localhost to {noProxy.Name} " + Why);
        }
        else
        {
            ModuleEnvironment.Add(context, rule, module, proxy.InDefinition, NoProxy, Localhost, "Set no_proxy=localhost " + Why);
        }
    }
}

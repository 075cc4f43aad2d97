using System;

namespace EdgeMigration.Core.Rules.Proxy;

/// <summary>
/// A web proxy's URL as IoT Edge's https_proxy takes it: absolute, http or https, with a host (and perhaps a port and
/// credentials). Anything else written into edgeHub's environment would keep edgeHub from connecting.
/// </summary>
public static class ProxyUrl
{
    public static bool IsValid(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0;
}

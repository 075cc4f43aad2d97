using System;
using System.Management.Automation;

namespace EdgeMigration.Infrastructure;

/// <summary>
/// A web proxy's URL as IoT Edge's https_proxy takes it: absolute, http or https, with a host (and perhaps a port and
/// credentials). Anything else would be written into edgeHub's environment as it is, and edgeHub would not connect.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ValidateProxyUrlAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var text = arguments as string ?? "";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            // Not quoted back: a proxy URL may carry a password.
            throw new ValidationMetadataException("The value is not a proxy URL: give an absolute http or https URL with a host, such as http://proxy.contoso.com:3128.");
        }
    }
}

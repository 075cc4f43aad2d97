using System;
using System.Management.Automation;
using EdgeMigration.Core.Rules.Proxy;

namespace EdgeMigration.Infrastructure;

/// <summary>A web proxy's URL (<see cref="ProxyUrl.IsValid"/>); anything else would be written into edgeHub's environment as it is.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ValidateProxyUrlAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var text = arguments as string ?? "";
        if (!ProxyUrl.IsValid(text))
        {
            // Not quoted back: a proxy URL may carry a password.
            throw new ValidationMetadataException("The value is not a proxy URL: give an absolute http or https URL with a host, such as http://proxy.contoso.com:3128.");
        }
    }
}

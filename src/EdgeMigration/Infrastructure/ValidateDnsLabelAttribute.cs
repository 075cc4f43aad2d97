using System;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace EdgeMigration.Infrastructure;

/// <summary>
/// A name Kubernetes takes for a namespace (an RFC 1123 label): the API server refuses any other, so every object
/// rendered in it would be refused too. Says what a label looks like, as PowerShell 5.1's ValidatePattern cannot.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ValidateDnsLabelAttribute : ValidateArgumentsAttribute
{
    private static readonly Regex Label = new("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant);

    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var text = arguments as string ?? "";
        if (!Label.IsMatch(text))
        {
            throw new ValidationMetadataException($"'{text}' is not a Kubernetes namespace name: at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit (iotedge).");
        }
    }
}

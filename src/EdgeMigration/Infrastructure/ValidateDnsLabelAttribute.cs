using System;
using System.Management.Automation;
using EdgeMigration.Core.Kubernetes;

namespace EdgeMigration.Infrastructure;

/// <summary>
/// A name Kubernetes takes for a namespace (an RFC 1123 label): the API server refuses any other, so every object
/// rendered in it would be refused too. Says what a label looks like, as PowerShell 5.1's ValidatePattern cannot.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ValidateDnsLabelAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var text = arguments as string ?? "";
        // The label a container's name is too, read as Kubernetes reads it: a regular expression's $ took "iotedge\n".
        if (!KubernetesNames.IsContainerName(text))
        {
            throw new ValidationMetadataException($"'{text}' is not a Kubernetes namespace name: at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit (iotedge).");
        }
    }
}

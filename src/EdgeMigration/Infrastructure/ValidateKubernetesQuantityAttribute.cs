using System;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace EdgeMigration.Infrastructure;

/// <summary>
/// A Kubernetes quantity of the forms a parameter takes. ValidatePattern would answer 512MB, the unit PowerShell users
/// write, with the regular expression; this says what a quantity looks like (PowerShell 5.1 has no ValidatePattern
/// ErrorMessage).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ValidateKubernetesQuantityAttribute : ValidateArgumentsAttribute
{
    private readonly Regex _pattern;
    private readonly string _examples;

    /// <param name="pattern">The forms taken, anchored.</param>
    /// <param name="examples">Quantities of those forms, for the error: "512Mi, 2Gi, 1G or 1e9".</param>
    public ValidateKubernetesQuantityAttribute(string pattern, string examples)
    {
        _pattern = new Regex(pattern, RegexOptions.CultureInvariant);
        _examples = examples;
    }

    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var text = arguments as string ?? "";
        if (!_pattern.IsMatch(text))
        {
            throw new ValidationMetadataException($"'{text}' is not a Kubernetes quantity; write it as {_examples}.");
        }
    }
}

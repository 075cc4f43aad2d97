using System;
using System.Management.Automation;
using EdgeMigration.Core;

namespace EdgeMigration.Infrastructure;

/// <summary>
/// Refuses a rule id pattern that is not a valid wildcard (a [ without its ], a range running backwards) when the
/// parameter is bound, in PowerShell's words, rather than when the first manifest is checked.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ValidateRulePatternAttribute : ValidateEnumeratedArgumentsAttribute
{
    protected override void ValidateElement(object element)
    {
        if (element is string pattern && PowerShellWildcard.TryParse(pattern) is null)
        {
            throw new ValidationMetadataException(PowerShellWildcard.InvalidMessage(pattern));
        }
    }
}

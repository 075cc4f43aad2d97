using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// What the API server refuses of <c>k8s-experimental.strategy</c>, which the agent copies into the module's Deployment
/// (spec.strategy) as its typed model reads it: keys in any case, the last spelling winning. Rule K17 reports it and the
/// Kubernetes preview fails the module for it. Kubernetes (pkg/apis/apps/v1/defaults.go SetDefaults_Deployment) first
/// makes a missing or empty type RollingUpdate and gives a rolling update's missing maxSurge and maxUnavailable 25%;
/// then ValidateDeploymentStrategy (pkg/apis/apps/validation) refuses a type other than exactly Recreate or
/// RollingUpdate (NotSupported), a rollingUpdate beside Recreate (Forbidden), and ValidateRollingUpdateDeployment a
/// maxUnavailable or maxSurge that is no whole number of 0 or more nor a percentage, a maxUnavailable above 100%, and a
/// maxUnavailable of 0 when maxSurge is 0 too.
/// </summary>
public static class StrategyRefusals
{
    private const string RollingUpdate = "RollingUpdate";

    private const string BelowZero = "is below 0 (\"must be greater than or equal to 0\")";

    /// <summary>
    /// Each refusal, in the API server's order; none for a strategy that is not an object, and nothing is judged that a
    /// template placeholder stands for. A module whose k8s-experimental the agent cannot read is the caller's to leave out:
    /// no Deployment is sent.
    /// </summary>
    public static IEnumerable<ApiServerRefusal> Of(EdgeModule module)
    {
        if (module.Kubernetes()?.Find("strategy", StringComparison.OrdinalIgnoreCase) is not { Value: JObject strategy } member)
        {
            yield break;
        }
        var location = JsonPath.Member(CreateOptionsAccess.KubernetesSection, member.Name);
        var type = strategy.Find("type", StringComparison.OrdinalIgnoreCase);
        var rollingUpdate = strategy.Find("rollingUpdate", StringComparison.OrdinalIgnoreCase);
        // Json.NET reads a number or a Boolean as its text; null is no type, which Kubernetes defaults.
        var typeText = type?.Value is JValue { Kind: not JValueKind.Null } value ? value.Text : "";
        if (TemplateText.HasPlaceholder(typeText) || rollingUpdate?.Value is { } pending && TemplateText.IsPlaceholder(pending))
        {
            yield break;
        }
        if (typeText.Length > 0 && typeText is not (DeploymentStrategyRule.Recreate or RollingUpdate))
        {
            var meant = string.Equals(typeText, RollingUpdate, StringComparison.OrdinalIgnoreCase) ? RollingUpdate : DeploymentStrategyRule.Recreate;
            yield return new ApiServerRefusal(JsonPath.Member(location, type!.Name), type.Value,
                $"{type.Name} {type.Value.ToCompactJson()} is not a strategy type Kubernetes knows: only \"Recreate\" and \"RollingUpdate\", spelt exactly so, and the API server refuses any other (Unsupported value) and with it the module's Deployment",
                string.Equals(typeText, meant, StringComparison.OrdinalIgnoreCase)
                    ? $"Write \"{meant}\"."
                    : "Write \"Recreate\" (the old pod stops before the new one starts) or \"RollingUpdate\" (the default).");
            yield break;
        }
        if (rollingUpdate is null || rollingUpdate.Value is JValue { Kind: JValueKind.Null })
        {
            yield break;
        }
        if (typeText == DeploymentStrategyRule.Recreate)
        {
            yield return new ApiServerRefusal(JsonPath.Member(location, rollingUpdate.Name), rollingUpdate.Value,
                $"{rollingUpdate.Name} is given with type \"Recreate\"; the API server refuses it (\"may not be specified when strategy `type` is 'Recreate'\") and with it the module's Deployment",
                $"Remove {rollingUpdate.Name}: it applies to a rolling update only.");
        }
        else if (rollingUpdate.Value is JObject settings)
        {
            var surge = settings.Find("maxSurge", StringComparison.OrdinalIgnoreCase);
            var unavailable = settings.Find("maxUnavailable", StringComparison.OrdinalIgnoreCase);
            var settingsLocation = JsonPath.Member(location, rollingUpdate.Name);
            foreach (var (limit, isUnavailable) in new[] { (unavailable, true), (surge, false) })
            {
                if (limit is not null && NotIntOrPercent(limit.Value, isUnavailable) is { } problem)
                {
                    yield return new ApiServerRefusal(JsonPath.Member(settingsLocation, limit.Name), limit.Value,
                        $"{limit.Name} {limit.Value.ToCompactJson()} {problem}; the API server refuses it and with it the module's Deployment",
                        isUnavailable
                            ? $"Give {limit.Name} a whole number of pods (0 or more) or a percentage up to 100%, such as 1 or \"25%\"."
                            : $"Give {limit.Name} a whole number of pods (0 or more) or a percentage, such as 1 or \"25%\".");
                }
            }
            if (surge is null || !IsZero(surge.Value) || unavailable is null || !IsZero(unavailable.Value))
            {
                yield break;
            }
            yield return new ApiServerRefusal(JsonPath.Member(settingsLocation, unavailable.Name), unavailable.Value,
                $"{unavailable.Name} and {surge.Name} are both 0, so a rolling update could neither stop an old pod nor start a new one; the API server refuses it (\"may not be 0 when `maxSurge` is 0\") and with it the module's Deployment",
                $"Let one of them be above 0, such as \"{unavailable.Name}\": 1 (the old pod stops before the new one starts), or write {{\"type\": \"Recreate\"}} without {rollingUpdate.Name}.");
        }
    }

    /// <summary>
    /// Why the API server refuses a maxSurge or maxUnavailable (ValidatePositiveIntOrPercent, IsNotMoreThan100Percent):
    /// a number below 0, a text that is neither a whole number (which the agent's client sends as a number) nor digits
    /// then '%', and a maxUnavailable above 100%; null when it takes it, or a template placeholder stands there.
    /// </summary>
    private static string? NotIntOrPercent(JNode value, bool isUnavailable)
    {
        if (TemplateText.IsPlaceholder(value))
        {
            return null;
        }
        if (value is JValue { Kind: JValueKind.Number } number)
        {
            return number.TryGetDecimal(out var n) && n < 0 ? BelowZero : null;
        }
        if (value is not JValue { IsString: true } text)
        {
            return null;
        }
        if (int.TryParse(text.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole))
        {
            return whole < 0 ? BelowZero : null;
        }
        if (PercentDigits(text.Text) is not { } digits)
        {
            return "is neither a whole number nor a percentage such as \"25%\" (\"a valid percent string must be a numeric string followed by an ending '%'\")";
        }
        // Compared as digits: a percentage may have more of them than any number type holds.
        var percent = digits.TrimStart('0');
        var above100 = percent.Length > 3 || (percent.Length == 3 && string.CompareOrdinal(percent, "100") > 0);
        return isUnavailable && above100 ? "is above 100% (\"must not be greater than 100%\")" : null;
    }

    /// <summary>
    /// True for a maxSurge or maxUnavailable the API server takes for 0: the number 0, the text of a whole number 0 (the
    /// agent's client sends it as a number), or a percentage of 0 ("0%", Kubernetes GetValueFromIntOrPercent).
    /// </summary>
    private static bool IsZero(JNode value) => value switch
    {
        JValue { Kind: JValueKind.Number } number => number.TryGetDecimal(out var n) && n == 0,
        JValue { IsString: true } text => int.TryParse(text.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n == 0
            : PercentDigits(text.Text) is { } digits && digits.All(c => c == '0'),
        _ => false,
    };

    /// <summary>The digits of a percentage as Kubernetes' IsValidPercent takes it, digits then '%' ("25%" gives "25"); null for any other text.</summary>
    private static string? PercentDigits(string text)
    {
        var digits = text.Length - 1;
        return digits >= 1 && text[digits] == '%' && text.Take(digits).All(c => c is >= '0' and <= '9') ? text.Substring(0, digits) : null;
    }
}

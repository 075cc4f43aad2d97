using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Resources;

/// <summary>Why the Kubernetes API server refuses a container's request of a resource (ValidateResourceRequirements).</summary>
public enum RequestRefusal
{
    /// <summary>Any resource: a request above its limit ("must be less than or equal to &lt;name&gt; limit of &lt;limit&gt;").</summary>
    AboveLimit,

    /// <summary>A resource Kubernetes does not overcommit: a request that differs from its limit ("must be equal to &lt;name&gt; limit of &lt;limit&gt;").</summary>
    NotEqualToLimit,

    /// <summary>A resource Kubernetes does not overcommit, requested without a limit ("Limit must be set for non overcommitable resources").</summary>
    WithoutLimit,
}

/// <summary>
/// A request of a module's <c>k8s-experimental.resources</c> that the API server refuses, and with it the module's
/// Deployment. Rule K12 and the Kubernetes preview say the same thing about it, in these words.
/// </summary>
/// <param name="Request">The refused entry of requests.</param>
/// <param name="Limit">Its limit, or null when it has none.</param>
/// <param name="Refusal">Why the API server refuses it.</param>
/// <param name="RequestsName">The requests' key as the user spelt it (<c>requests</c>, <c>Requests</c>).</param>
/// <param name="LimitsName">The limits' key as the user spelt it, or <c>limits</c> where there are none.</param>
public sealed record RefusedRequest(JMember Request, JNode? Limit, RequestRefusal Refusal, string RequestsName, string LimitsName)
{
    public string Name => Request.Name;

    /// <summary>
    /// What is wrong and what the API server does about it, as one clause that the rule and the preview end with their
    /// own consequence: <c>requests.memory ("1Gi") is above limits.memory ("256Mi"); the Kubernetes API server refuses…</c>
    /// </summary>
    public string Problem => Refusal switch
    {
        RequestRefusal.AboveLimit =>
            $"{RequestPath} ({Request.Value.ToCompactJson()}) is above {LimitPath} ({Limit!.ToCompactJson()}); the Kubernetes API server refuses a request above its limit (\"must be less than or equal to {Name} limit of {LimitText}\") and with it the module's Deployment",
        RequestRefusal.NotEqualToLimit =>
            $"{RequestPath} ({Request.Value.ToCompactJson()}) differs from {LimitPath} ({Limit!.ToCompactJson()}); Kubernetes does not overcommit {NotOvercommitted}, so the API server refuses a request that is not equal to its limit (\"must be equal to {Name} limit of {LimitText}\") and with it the module's Deployment",
        _ =>
            $"{RequestPath} ({Request.Value.ToCompactJson()}) is given without {LimitPath}; Kubernetes does not overcommit {NotOvercommitted}, so the API server refuses a request without a limit (\"Limit must be set for non overcommitable resources\") and with it the module's Deployment",
    };

    /// <summary>The fix, for the user to choose: which quantity the module needs is theirs to say.</summary>
    public string Remedy => Refusal switch
    {
        RequestRefusal.AboveLimit =>
            $"Raise {LimitPath} to {Request.Value.ToCompactJson()} or more, or lower {RequestPath} to {Limit!.ToCompactJson()} or less: the request is what the module is guaranteed, the limit the most it may use.",
        RequestRefusal.NotEqualToLimit =>
            $"Set {RequestPath} to {Limit!.ToCompactJson()} as in limits (or both to the quantity the module needs), or give '{Name}' in limits only: without requests, the limits are the request.",
        _ =>
            $"Give \"{Name}\": {Request.Value.ToCompactJson()} in k8s-experimental.resources.limits, and then in requests only if equal: without requests, the limits are the request.",
    };

    private string RequestPath => JsonPath.Member(RequestsName, Name);

    private string LimitPath => JsonPath.Member(LimitsName, Name);

    /// <summary>The limit as the API server quotes it: Kubernetes' canonical form of the quantity ("0.5" is 500m, "1024Mi" is 1Gi).</summary>
    private string LimitText => Limit is null ? "" : ParsedQuantity.Of(Limit)?.ToString() ?? Limit.ToCompactJson();

    private string NotOvercommitted => ModuleResources.IsHugePages(Name)
        ? $"huge pages ('{Name}')"
        : $"an extended resource such as '{Name}' (a name with a domain outside kubernetes.io)";
}

using System.Collections.Generic;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>One createOptions label: its annotation key, or why the agent cannot make one (then the deployment fails).</summary>
public readonly record struct DockerLabel(string LabelsName, string Name, JNode Value, string? Key, string? Problem, string? CollidesWith = null)
{
    /// <summary>
    /// What to do about <see cref="Problem"/>: for two labels whose keys become one annotation key, rename either (the
    /// one reported, the later, may be the one already written as Kubernetes writes it).
    /// </summary>
    public string Remedy => CollidesWith is { } first
        ? $"Rename label '{first}' or label '{Name}' so that the two give different annotation keys; a key of letters, digits, '-', '_' and '.', at most 63 characters after its first '/', is kept as written."
        : Advice;

    /// <summary>Relative to createOptions (<c>Labels['com.example.tier']</c>): made when asked, as only a failing label's is.</summary>
    public string Location => JsonPath.Member(LabelsName, Name);

    public const string Advice = "Give the label a key of letters, digits, '-', '_' and '.', at most 63 characters after its first '/', unlike the module's other labels.";
}

/// <summary>
/// The createOptions Labels as the agent makes them pod and Service annotations (KubernetesDeploymentMapper,
/// KubernetesServiceMapper): keys through KubeUtils.SanitizeAnnotationKey, collected with ToDictionary, so a key it
/// cannot sanitize, or one that sanitizes as an earlier one does, throws and the deployment fails (rule K14).
/// </summary>
public static class DockerLabels
{
    /// <summary>The module's labels, in order.</summary>
    public static IReadOnlyList<DockerLabel> Of(EdgeModule module)
    {
        // Every check asks of every module, and most have no labels.
        if (module.Options()?.FindIgnoreCase("Labels") is not { Value: JObject { Count: > 0 } values } member)
        {
            return System.Array.Empty<DockerLabel>();
        }
        var labels = new List<DockerLabel>(values.Count);
        // Sized once; a single label has nothing to collide with.
        var firstByKey = values.Count > 1 ? new Dictionary<string, string>(values.Count) : null;
        foreach (var label in values.Members)
        {
            // The agent reads the labels as a dictionary: of one name written twice, the last is the one (K6 says so).
            if (!ReferenceEquals(values.Find(label.Name), label))
            {
                continue;
            }
            string? key = null, problem, collidesWith = null;
            try
            {
                key = DnsNames.AnnotationKey(label.Name);
                problem = firstByKey is not null && firstByKey.TryGetValue(key, out collidesWith)
                    ? $"Label '{label.Name}' becomes the annotation key '{key}', as label '{collidesWith}' does; the agent cannot hold both, so the whole deployment fails."
                    : null;
                if (problem is null && firstByKey is not null)
                {
                    firstByKey[key] = label.Name;
                }
            }
            catch (KubernetesNameException ex)
            {
                problem = $"The agent cannot make an annotation key of label '{label.Name}': {ex.Message}; the whole deployment fails.";
            }
            labels.Add(new DockerLabel(member.Name, label.Name, label.Value, problem is null ? key : null, problem, problem is null ? null : collidesWith));
        }
        return labels;
    }
}

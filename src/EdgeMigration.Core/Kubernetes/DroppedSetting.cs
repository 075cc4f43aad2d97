using System.Collections.Generic;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>What a setting the agent does not carry over does to the module.</summary>
public enum DropEffect
{
    /// <summary>Left out: the module deploys without it.</summary>
    Ignored,

    /// <summary>The agent or the API server refuses it: the module (or the whole deployment) is not deployed.</summary>
    Fails,

    /// <summary>A template placeholder stands for it (<c>"limits": "${LIMITS}"</c>): what it does is known only once the template is expanded.</summary>
    Pending,
}

/// <summary>A setting of a module that is not in the Kubernetes objects the agent creates (or, a template placeholder, may not be), and why.</summary>
public sealed record DroppedSetting
{
    public string ModuleName { get; init; } = "";

    /// <summary>Relative to the module's createOptions (<c>HostConfig.CapAdd</c>) or definition (<c>restartPolicy</c>).</summary>
    public string Location { get; init; } = "";

    /// <summary>The full JSONPath of the setting in the manifest.</summary>
    public string ManifestPath { get; init; } = "";

    /// <summary>The setting's value as compact JSON; null when the whole module is meant.</summary>
    public string? Value { get; init; }

    public DropEffect Effect { get; init; }

    public string Reason { get; init; } = "";

    public string Advice { get; init; } = "";

    /// <summary>
    /// True when the agent cannot read the module's createOptions or make its objects at all (it throws while it reads or
    /// maps the deployment), or the API server refuses the module's Service (the agent applies no Deployment after that),
    /// which stops the whole deployment: no module of it is deployed (<see cref="KubernetesRenderer"/> marks the others).
    /// </summary>
    public bool StopsDeployment { get; init; }

    /// <summary>
    /// For the note that the module is not deployed because others stop the whole deployment: those modules' ids; null
    /// for a setting of the module itself.
    /// </summary>
    public IReadOnlyList<string>? StoppedBy { get; init; }

    public override string ToString() => $"{ModuleName} {Location}: {Reason}";
}

namespace EdgeMigration.Core.Rules;

/// <summary>One thing in a manifest that will break or behave differently on the GPU device, with the fix.</summary>
public sealed record Finding
{
    public string RuleId { get; init; } = "";
    public Severity Severity { get; init; }

    /// <summary>The module id, or null for a finding about the manifest as a whole.</summary>
    public string? ModuleName { get; init; }

    /// <summary>Where the setting is, relative to the module's createOptions (<c>HostConfig.Binds[0]</c>) or definition (<c>env.WIRESERVER_ADDRESS</c>).</summary>
    public string Location { get; init; } = "";

    /// <summary>The full JSONPath of the setting in the manifest document.</summary>
    public string ManifestPath { get; init; } = "";

    public string Message { get; init; } = "";
    public string Recommendation { get; init; } = "";

    /// <summary>True when ConvertTo-GpuEdgeManifest changes this setting itself.</summary>
    public bool IsFixable { get; init; }

    public Certainty Certainty { get; init; } = Certainty.Certain;

    /// <summary>The how-to article section the rule comes from.</summary>
    public string HelpUri { get; init; } = "";

    /// <summary>
    /// True when the finding is a setting for which the Kubernetes API server refuses the module's Deployment (and only
    /// that): the device's agent stops there, before it creates the modules' ServiceAccounts (rule K19).
    /// </summary>
    internal bool RefusesDeployment { get; init; }

    /// <summary>
    /// True when the finding is a setting for which the device's agent stops the whole deployment (it cannot read the
    /// module's createOptions or make its objects, or the API server refuses its Service): no module of it is deployed
    /// (rule K21).
    /// </summary>
    internal bool StopsDeployment { get; init; }

    public override string ToString() => $"{RuleId} {Severity} {ModuleName}: {Message}";
}

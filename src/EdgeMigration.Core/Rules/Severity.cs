namespace EdgeMigration.Core.Rules;

/// <summary>How much a finding matters for the move to the GPU device (ordered: a higher value is worse).</summary>
public enum Severity
{
    /// <summary>Behaves differently or is worth knowing; deploys as it is.</summary>
    Information = 0,

    /// <summary>Deploys, but will not do what the author meant (a setting ignored, a module that may not start).</summary>
    Warning = 1,

    /// <summary>The deployment fails or the module cannot work on the GPU device.</summary>
    Error = 2,
}

/// <summary>How sure a finding is, where the rule judges by appearance (a bind source that looks like a file).</summary>
public enum Certainty
{
    Certain,
    Likely,
    Possible,
}

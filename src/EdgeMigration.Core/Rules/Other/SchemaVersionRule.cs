using System.Collections.Generic;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// K2: the agent on Azure Stack Edge GPU devices (azureiotedge-agent 0.1.0-beta10 to beta12) accepts only
/// <c>$edgeAgent</c> schemaVersion 1.0 and reports 412 "Invalid schema version" for 1.1; beta13 and later accept 1.1.
/// Which agent a device runs shows in the CONFIG column of <c>iotedge list</c>.
/// </summary>
public sealed class SchemaVersionRule : MigrationRule
{
    public override string Id => "K2";
    public override string Title => "$edgeAgent schemaVersion 1.1 needs a recent device agent";
    public override Severity DefaultSeverity => Severity.Information;
    public override string Section => "other-differences";

    public override IEnumerable<Finding> Check(ManifestDocument manifest)
    {
        var found = new List<Finding>();
        var version = manifest.EdgeAgentSchemaVersion;
        if (version is null || manifest.EdgeAgentDesiredPath is null || version.StartsWith("$", System.StringComparison.Ordinal) || version == "1.0")
        {
            return found;
        }
        var location = JsonPath.Member(manifest.EdgeAgentDesiredPath, "schemaVersion");
        found.Add(version == "1.1"
            ? Finding(null, location,
                "$edgeAgent schemaVersion is 1.1; device agents 0.1.0-beta10 to beta12 accept only 1.0 and report 412 \"Invalid schema version\" (beta13 and later accept 1.1).",
                "Check the agent version in the CONFIG column of 'iotedge list' on the device; with an older agent use schemaVersion 1.0 and drop startupOrder.")
            : Finding(null, location,
                $"$edgeAgent schemaVersion is {version}; the device's agent accepts 1.0 and, from 0.1.0-beta13, 1.1.",
                "Use schemaVersion 1.0 (or 1.1 with a beta13 or later agent).", Severity.Error));
        return found;
    }
}

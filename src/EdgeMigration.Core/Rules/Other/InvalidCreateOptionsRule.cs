using System.Collections.Generic;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>K4: createOptions that are not a JSON object cannot be read by any agent; the module is not deployed.</summary>
public sealed class InvalidCreateOptionsRule : ModuleRule
{
    public override string Id => "K4";
    public override string Title => "createOptions must be a JSON object";
    public override Severity DefaultSeverity => Severity.Error;
    public override string Section => "other-differences";

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, List<Finding> findings)
    {
        if (module.CreateOptions is { ErrorKind: CreateOptionsErrorKind.InvalidJson or CreateOptionsErrorKind.NotAnObject } options)
        {
            findings.Add(Finding(module, "",
                $"The module's {options.Error}; the agent cannot create the module, and no other rule can look inside.",
                "Correct the createOptions JSON (escape it properly when it is a string)."));
        }
    }
}

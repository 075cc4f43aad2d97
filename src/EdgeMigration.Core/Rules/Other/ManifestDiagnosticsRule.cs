using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// K6: what reading the manifest noticed: keys given twice in one object (only the last counts, and IoT Hub may
/// reject the manifest), in the manifest or inside a module's createOptions, module definitions that are not
/// objects (skipped by every other rule, refused by the agent), and a layered deployment's keys that set one setting of
/// a module (<see cref="ModuleSettingKey"/>), which no other rule reads.
/// </summary>
public sealed class ManifestDiagnosticsRule : MigrationRule
{
    public const string DuplicateKey = "DuplicateKey";
    public const string ModuleNotAnObject = "ModuleNotAnObject";

    public override string Id => "K6";
    public override string Title => "Duplicate keys and unreadable module definitions";
    public override Severity DefaultSeverity => Severity.Warning;
    public override string Section => "other-differences";

    public override IEnumerable<Finding> Check(ManifestDocument manifest)
    {
        var found = new List<Finding>();
        foreach (var diagnostic in manifest.Diagnostics.Where(d => d.Id is DuplicateKey or ModuleNotAnObject))
        {
            var finding = diagnostic.Id == DuplicateKey
                ? Finding(null, diagnostic.Location, diagnostic.Message, "Keep one of the keys, with the value meant.")
                : Finding(null, diagnostic.Location, diagnostic.Message, "Make the module definition an object, or remove it.", Severity.Error);
            found.Add(finding with { ModuleName = diagnostic.ModuleName });
        }
        foreach (var key in manifest.ModuleSettingKeys)
        {
            found.Add(Finding(null, key.Location,
                $"Key '{key.Key}' sets {key.Setting} of module '{key.ModuleId}' (a twin property name holds no '.', so the module's id ends at the first): IoT Hub merges it into the module's definition, in whichever deployment for the device defines the module. The rules read whole module definitions, so this setting is not checked.",
                $"Check the setting by hand, or check the deployment that defines '{key.ModuleId}' with the setting written into its definition.",
                Severity.Information));
        }
        foreach (var module in manifest.Modules)
        {
            if (module.CreateOptions is { Encoding: not CreateOptionsEncoding.Object, Root: { } root })
            {
                var inOptions = new List<ManifestDiagnostic>();
                DuplicateKeys.Find(root, "", inOptions);
                foreach (var diagnostic in inOptions)
                {
                    found.Add(Finding(module, diagnostic.Location,
                        $"createOptions give {diagnostic.Location} more than once in the same object; only the last value counts.",
                        "Keep one of the keys, with the value meant."));
                }
            }
        }
        return found;
    }
}

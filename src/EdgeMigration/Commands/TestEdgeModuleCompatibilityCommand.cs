using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using EdgeMigration.Infrastructure;

namespace EdgeMigration.Commands;

/// <summary>
/// <para type="synopsis">Checks IoT Edge manifests for what will break or behave differently on an Azure Stack Edge Pro GPU device.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "EdgeModuleCompatibility", DefaultParameterSetName = PathSet,
    HelpUri = MigrationRule.ArticleUri)]
[OutputType(typeof(EdgeModuleCompatibility))]
[OutputType(typeof(bool), ParameterSetName = new[] { PathSet, LiteralPathSet, InputObjectSet })]
public sealed class TestEdgeModuleCompatibilityCommand : RuleSelectingCmdlet
{
    /// <summary>Only these modules; with -InputObject, also the module name for createOptions given on their own.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ModuleNameCompleter))]
    public string? ModuleName { get; set; }

    /// <summary>Only findings of these severities.</summary>
    [Parameter]
    public Severity[]? Severity { get; set; }

    /// <summary>One Boolean per manifest: True when no finding of severity Error remains.</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    /// <summary>
    /// The FPGA host paths (or Docker volume names) you will convert to GPU device shares, as ConvertTo-GpuEdgeManifest
    /// -ShareMap takes them, so that the check judges the binds as that conversion will.
    /// </summary>
    [Parameter]
    [ArgumentCompleter(typeof(ShareMapCompleter))]
    public Hashtable? ShareMap { get; set; }

    private CheckSettings _settings = CheckSettings.Default;

    protected override void BeginProcessing() => _settings = HashtableParameters.CheckSettings(this, ShareMap);

    protected override string? CreateOptionsModuleName =>
        ModuleName is not null && !WildcardPattern.ContainsWildcardCharacters(ModuleName) ? ModuleName : null;

    protected override void ProcessManifest(ManifestDocument manifest)
    {
        var findings = RuleEngine.Check(manifest, Selection, settings: _settings);
        var filter = new NameFilter(ModuleName is null ? null : new[] { ModuleName });
        var modules = manifest.Modules.Where(m => filter.Matches(m.Name)).ToList();
        findings = findings.Where(f => f.ModuleName is null || modules.Any(m => m.Name == f.ModuleName)).ToList();

        if (Quiet)
        {
            WriteObject(findings.All(f => f.Severity != Core.Rules.Severity.Error));
            return;
        }

        var shown = findings.Where(f => Severity is null || Severity.Contains(f.Severity)).ToList();
        var manifestWide = findings.Where(f => f.ModuleName is null).ToList();
        if (manifestWide.Count > 0)
        {
            WriteObject(Result(manifest, null, null, manifestWide, shown));
        }
        foreach (var module in modules)
        {
            WriteObject(Result(manifest, module.Name, module.Image, findings.Where(f => f.ModuleName == module.Name), shown));
        }
    }

    private static EdgeModuleCompatibility Result(ManifestDocument manifest, string? moduleName, string? image, IEnumerable<Finding> all, List<Finding> shown)
    {
        var mine = all.ToList();
        return new EdgeModuleCompatibility(
            manifest.SourceName,
            manifest.Shape.ToString(),
            moduleName,
            image,
            mine.Where(shown.Contains).Select(f => new EdgeMigrationFinding(f, manifest.SourceName)),
            mine.All(f => f.Severity != Core.Rules.Severity.Error));
    }
}

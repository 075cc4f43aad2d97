using System;
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
public sealed class TestEdgeModuleCompatibilityCommand : RuleSelectingCmdlet, IDisposable
{
    /// <summary>Only these modules; with -InputObject, one id is also the module name for createOptions given on their own.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ModuleNameCompleter))]
    public string[]? ModuleName { get; set; }

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

    protected override void BeginProcessing()
    {
        RejectMistakenRuleSelection();
        _settings = HashtableParameters.CheckSettings(this, ShareMap);
        _unusedShareMapKeys = new UnusedShareMapKeys(ShareMap, _settings.Shares);
    }

    private UnusedShareMapKeys? _unusedShareMapKeys;

    protected override string? CreateOptionsModuleName => OneExactName(ModuleName);

    /// <summary>Manifest files being read and checked on other threads, taken back in input order.</summary>
    private readonly InOrder<FileWork<CheckedManifest>> _checking = new();

    /// <summary>
    /// A manifest file is read and checked on another thread, as it needs nothing of the pipeline (a folder of a fleet's
    /// manifests is checked on every core); its results follow on this thread in input order.
    /// </summary>
    protected override void ProcessFile(string file)
    {
        WriteVerbose($"Reading {file}");
        var selection = Selection;
        var settings = _settings;
        var unused = _unusedShareMapKeys!;
        _checking.Start(() => FileWork<CheckedManifest>.Run(file, manifest =>
        {
            unused.Record(manifest);
            return new CheckedManifest(manifest, RuleEngine.Check(manifest, selection, settings: settings));
        }));
        TakeChecked(all: false);
    }

    /// <summary>A manifest from text or an object: checked here, after the files before it.</summary>
    protected override void ProcessManifest(ManifestDocument manifest)
    {
        TakeChecked(all: true);
        _unusedShareMapKeys!.Record(manifest);
        Report(manifest, RuleEngine.Check(manifest, Selection, settings: _settings));
    }

    protected override void EndProcessing()
    {
        base.EndProcessing();
        TakeChecked(all: true);
        _unusedShareMapKeys!.WarnOfUnused(this);
    }

    /// <summary>Waits for the checks still running, if the pipeline stopped before its end.</summary>
    public void Dispose() => _checking.Dispose();

    private void TakeChecked(bool all) => TakeFiles(_checking, all, checkedFile => Report(checkedFile.Manifest, checkedFile.Findings));

    protected override void FinishEarlierInputs() => TakeChecked(all: true);

    private void Report(ManifestDocument manifest, IReadOnlyList<Finding> findings)
    {
        // Each module's findings, gathered in one pass: a manifest of 50 modules has hundreds.
        var manifestWide = new List<Finding>();
        var byModule = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            if (finding.ModuleName is not { } name)
            {
                manifestWide.Add(finding);
            }
            else if (byModule.TryGetValue(name, out var found))
            {
                found.Add(finding);
            }
            else
            {
                byModule[name] = new List<Finding> { finding };
            }
        }
        var filter = new NameFilter(ModuleName);
        var modules = manifest.Modules.Where(m => filter.Matches(m.Name)).ToList();
        var names = manifest.Modules.Select(m => m.Name).ToList();
        var missing = filter.Unmatched(names).ToList();
        if (missing.Count > 0)
        {
            // A misspelt name would otherwise report nothing, which a script would take for compatible: no result of the
            // manifest, and -Quiet's False.
            foreach (var name in missing)
            {
                WriteError(Errors.ModuleNotFound(manifest.SourceName, name, names));
            }
            InputNotRead();
            return;
        }

        if (Quiet)
        {
            WriteObject(IsCompatible(manifestWide) && modules.All(m => IsCompatible(FindingsOf(byModule, m.Name))));
            return;
        }

        if (manifestWide.Count > 0)
        {
            WriteObject(Result(manifest, null, null, manifestWide));
        }
        foreach (var module in modules)
        {
            WriteObject(Result(manifest, module.Name, module.Image, FindingsOf(byModule, module.Name)));
        }
    }

    /// <summary>
    /// -Quiet answers False for a manifest that gave no result, after its error, as Test-Json does for text it cannot
    /// read: one Boolean per manifest, so that a runbook's list of them still lines up with its inputs.
    /// </summary>
    protected override void InputNotRead()
    {
        if (Quiet)
        {
            WriteObject(false);
        }
    }

    private static List<Finding> FindingsOf(Dictionary<string, List<Finding>> byModule, string moduleName) =>
        byModule.TryGetValue(moduleName, out var found) ? found : new List<Finding>();

    private static bool IsCompatible(List<Finding> findings) => findings.All(f => f.Severity != Core.Rules.Severity.Error);

    /// <summary>A module's result: the findings of the severities asked for; compatible by all of them.</summary>
    private EdgeModuleCompatibility Result(ManifestDocument manifest, string? moduleName, string? image, List<Finding> all)
    {
        var source = ResultManifest.Of(manifest);
        return new(source,
            manifest.Shape.ToString(),
            moduleName,
            image,
            all.Where(f => Severity is null || Severity.Contains(f.Severity)).Select(f => new EdgeMigrationFinding(f, source)),
            IsCompatible(all));
    }
}

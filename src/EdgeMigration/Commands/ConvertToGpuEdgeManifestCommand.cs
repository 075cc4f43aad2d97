using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using EdgeMigration.Infrastructure;

namespace EdgeMigration.Commands;

/// <summary>
/// <para type="synopsis">Rewrites IoT Edge manifests for Azure Stack Edge Pro GPU devices, changing only what must change and listing every change.</para>
/// </summary>
[Cmdlet(VerbsData.ConvertTo, "GpuEdgeManifest", DefaultParameterSetName = PathSet, SupportsShouldProcess = true,
    HelpUri = MigrationRule.ArticleUri)]
[OutputType(typeof(EdgeManifestConversion))]
public sealed class ConvertToGpuEdgeManifestCommand : RuleSelectingCmdlet, IDisposable
{
    private int _converted;
    private ThrottledProgress? _progress;

    /// <summary>The options of every conversion of this pipeline, made at the first manifest.</summary>
    private ConversionOptions? _options;

    /// <summary>
    /// Holds -DeploymentStrategy: a field of the core's enum would make PowerShell load EdgeMigration.Core while it lists
    /// the module's types at import, before <see cref="ModuleInitializer"/> can load the copy precompiled for the platform.
    /// </summary>
    private readonly ConversionOptions _strategy = new();

    /// <summary>Manifest files being read and converted on other threads, taken back in input order.</summary>
    private readonly InOrder<FileWork<ConversionResult>> _converting = new();

    /// <summary>Where and how the results are written (-OutFile, -Destination, -Force), made before the first input.</summary>
    private ConversionOutput? _output;

    /// <summary>-ShareMap's entries that no bind of the manifests read stands under so far.</summary>
    private UnusedShareMapKeys? _unusedShareMapKeys;

    /// <summary>-ModuleNameMap's keys that no converted manifest has had as a custom module's id so far.</summary>
    private HashSet<string>? _unusedNameMapKeys;

    /// <summary>Writes the converted manifest to this file (one input only).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutFile { get; set; }

    /// <summary>Writes each converted manifest into this folder, under its input file's name.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Destination { get; set; }

    /// <summary>Overwrites existing output files.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>
    /// FPGA host paths (or Docker volume names) to GPU device share names: @{ '/home/hcsshares/input' = 'gpuinput' }.
    /// The longest matching path wins; without an entry, /home/hcsshares/&lt;share&gt; becomes the share of the same name.
    /// </summary>
    [Parameter]
    [ArgumentCompleter(typeof(ShareMapCompleter))]
    public Hashtable? ShareMap { get; set; }

    /// <summary>GPUs for modules that asked for FPGAs (default: the FPGA count).</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int? GpuCount { get; set; }

    /// <summary>A memory limit (Kubernetes quantity, e.g. 512Mi) for modules that have none.</summary>
    [Parameter]
    [ValidateKubernetesQuantity(@"^[0-9]+(\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$", "512Mi, 2Gi, 1G or 1e9 (Mi and Gi are powers of 1024)")]
    public string? DefaultMemoryLimit { get; set; }

    /// <summary>A CPU limit (Kubernetes quantity, e.g. 500m or 2) for modules that have none.</summary>
    [Parameter]
    [ValidateKubernetesQuantity(@"^[0-9]+(\.[0-9]+)?(m|[eE][+-]?[0-9]+)?$", "500m, 2 or 5e-1 (m is a thousandth of a CPU)")]
    public string? DefaultCpuLimit { get; set; }

    /// <summary>Recreate (default) adds the Recreate strategy where the how-to recommends it; RollingUpdate and Keep leave strategies alone.</summary>
    [Parameter]
    public DeploymentStrategyOption DeploymentStrategy
    {
        get => _strategy.DeploymentStrategy;
        set => _strategy.DeploymentStrategy = value;
    }

    /// <summary>A web proxy for edgeHub: sets https_proxy, UpstreamProtocol AmqpWs and no_proxy localhost.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidateProxyUrl]
    public string? ProxyUrl { get; set; }

    /// <summary>Module renames of your choosing: @{ 'My_Module' = 'my-module' }.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ModuleNameMapCompleter))]
    public Hashtable? ModuleNameMap { get; set; }

    /// <summary>Drops binds of single files (they cannot work on the GPU device) instead of keeping them with a finding.</summary>
    [Parameter]
    public SwitchParameter DropFileBinds { get; set; }

    /// <summary>The document handed over is converted in place: results piped in arrive as copies.</summary>
    protected override bool EditsManifests => true;

    protected override void BeginProcessing()
    {
        if (OutFile is not null && Destination is not null)
        {
            ThrowTerminatingError(new ErrorRecord(new PSArgumentException("Use -OutFile for one manifest or -Destination for a folder, not both."),
                "OutFileAndDestination", ErrorCategory.InvalidArgument, null));
        }
        _output = new ConversionOutput(this, OutFile, Destination, Force);
        RejectMistakenRuleSelection();
        _options = Options();
        _unusedShareMapKeys = new UnusedShareMapKeys(ShareMap, HashtableParameters.CheckSettings(this, ShareMap).Shares);
        _progress = new ThrottledProgress(this, 1, "Converting manifests for Azure Stack Edge Pro GPU");
    }

    /// <summary>
    /// A manifest file is read and converted on another thread, as it needs nothing of the pipeline; what goes to the
    /// pipeline (progress, warnings, the file written, the result) follows on this thread in input order.
    /// </summary>
    protected override void ProcessFile(string file)
    {
        WriteVerbose($"Reading {file}");
        var options = _options!;
        var unused = _unusedShareMapKeys!;
        _converting.Start(() => FileWork<ConversionResult>.Run(file, manifest =>
        {
            unused.Record(manifest);
            return ManifestConverter.ConvertInPlace(manifest, options);
        }));
        TakeConverted(all: false);
    }

    /// <summary>A manifest from text, an object or a piped result: converted here, after the files before it.</summary>
    protected override void ProcessManifest(ManifestDocument manifest)
    {
        TakeConverted(all: true);
        _unusedShareMapKeys!.Record(manifest);
        Finish(ManifestConverter.ConvertInPlace(manifest, _options!), fromFile: false);
    }

    protected override void EndProcessing()
    {
        base.EndProcessing();
        TakeConverted(all: true);
        TakeWritten(all: true);
        _progress!.Complete();
        _unusedShareMapKeys!.WarnOfUnused(this);
        if (_converted > 0 && _unusedNameMapKeys is { Count: > 0 } unused)
        {
            // Once for the whole command: a fleet shares one map, and a key is a typo only if no manifest has the module.
            WriteWarning($"-ModuleNameMap: no converted manifest has a custom module with the id {string.Join(", ", unused.Select(k => "'" + k + "'"))}, " +
                "so nothing was renamed by it. Ids are case-sensitive, and edgeAgent and edgeHub keep their ids.");
        }
    }

    /// <summary>Takes off the unused -ModuleNameMap keys those that are ids of this manifest's custom modules.</summary>
    private void MarkUsedNameMapKeys(ConversionResult result)
    {
        // The options hold the map as the conversion reads it: each conversion's result comes after them.
        var unused = _unusedNameMapKeys ??= new HashSet<string>(_options!.ModuleNameMap.Keys, StringComparer.Ordinal);
        if (unused.Count == 0)
        {
            return;
        }
        // A renamed module, or a module of another deployment whose references a layered one follows; a module the map
        // leaves as it is keeps its id.
        unused.ExceptWith(result.ModuleRenames.Keys);
        foreach (var module in result.Manifest.Modules)
        {
            if (!module.IsSystemModule)
            {
                unused.Remove(module.Name);
            }
        }
    }

    /// <summary>
    /// Waits for the conversions and writes still running, if the pipeline stopped before its end: no file is left
    /// half-written, and none written whose result was not reported.
    /// </summary>
    public void Dispose()
    {
        _converting.Dispose();
        _output?.Dispose();
    }

    /// <summary>
    /// The conversions finished, in input order. A file that cannot be read is reported after the results before it whose
    /// files are still being written: -ErrorAction Stop leaves no file written that was not reported.
    /// </summary>
    private void TakeConverted(bool all) => TakeFiles(_converting, all, result => Finish(result, fromFile: true), finishEarlier: () => TakeWritten(all: true));

    protected override void FinishEarlierInputs()
    {
        TakeConverted(all: true);
        TakeWritten(all: true);
    }

    /// <summary>Reports a conversion, and starts writing its file where one is asked for.</summary>
    private void Finish(ConversionResult result, bool fromFile)
    {
        var manifest = result.Manifest;
        _converted++;
        _progress!.Report(manifest.SourceName, _converted);
        MarkUsedNameMapKeys(result);
        // Written as it is, two modules of one id are one JSON key twice, of which IoT Hub keeps one module; two of one name
        // fail on the device; a module moved aside loses its id unasked.
        if (result.NameMapConflicts.Count > 0)
        {
            var collision = $"{manifest.SourceName}: {result.NameMapConflicts[0].Message} The manifest is not converted.";
            Refuse(result, new ErrorRecord(new PSArgumentException(collision, nameof(ModuleNameMap)), "InvalidModuleNameMap", ErrorCategory.InvalidArgument, manifest.SourceName));
            return;
        }
        if (_output!.Start(result, fromFile, _converted) is { } refusal)
        {
            Refuse(result, refusal);
            return;
        }
        TakeWritten(all: false);
    }

    /// <summary>
    /// A conversion whose file is not written (it exists, is another input's, or no file can be named): its error comes
    /// now, after the results before it, and before any later input's file is started, so that -ErrorAction Stop leaves
    /// nothing written that was not reported.
    /// </summary>
    private void Refuse(ConversionResult result, ErrorRecord error)
    {
        TakeWritten(all: true);
        WriteRemainingWarnings(result);
        WriteError(error);
    }

    private void WriteRemainingWarnings(ConversionResult result)
    {
        var messages = new ModuleMessages(result.Manifest.SourceName);
        foreach (var finding in result.RemainingFindings.Where(f => f.Severity >= Core.Rules.Severity.Warning))
        {
            // K21 tells every other module that one stops the whole deployment; the findings of the modules that stop it,
            // all remaining and all warned of, say so themselves (the result is checked with every rule), so a warning
            // would only repeat them. Verbose, as the Kubernetes preview makes its note of a stopped deployment; a layer's
            // own K21 speaks of other deployments.
            var told = finding.RuleId == Core.Rules.Other.StoppedDeploymentRule.RuleId && !string.IsNullOrEmpty(finding.ModuleName);
            messages.Add(!told, finding.RuleId, string.IsNullOrEmpty(finding.ModuleName) ? null : finding.ModuleName, $"{finding.Message} {finding.Recommendation}".Trim());
        }
        messages.WriteTo(this);
        // A layered deployment carries only the modules it adds: the proxy goes to the edgeHub of the base deployment.
        if (ProxyUrl is not null && !result.Manifest.Modules.Any(m => m.IsEdgeHub))
        {
            WriteWarning($"{result.Manifest.SourceName}: -ProxyUrl: the manifest has no edgeHub (a layered deployment has only the modules it adds), so no proxy was set. " +
                "Give -ProxyUrl when converting the deployment that holds edgeHub.");
        }
        // The conversion keeps the input's shape; these two are edgeAgent's part of a deployment only (manifest-shapes.md, section 6).
        if (result.Manifest.Shape is ManifestShape.EdgeAgentTwin or ManifestShape.EdgeAgentDesiredProperties)
        {
            var what = result.Manifest.Shape == ManifestShape.EdgeAgentTwin ? "the $edgeAgent module twin" : "$edgeAgent's desired properties alone";
            WriteWarning($"{result.Manifest.SourceName}: this is {what}, not a deployment, so the conversion has no ModulesContent and is not one either. " +
                "Deploy the converted desired properties, without the $metadata and $version IoT Hub adds, as $edgeAgent's in a deployment manifest beside $edgeHub's, " +
                "or convert the deployment az iot edge export-modules prints.");
        }
    }

    /// <summary>
    /// Each result whose file is written, in input order, after the warnings of what its conversion could not fix; an
    /// error for each file that could not be, or was not, written.
    /// </summary>
    private void TakeWritten(bool all)
    {
        foreach (var written in _output!.Done(all))
        {
            try
            {
                // The file takes its place after the warnings, which -WarningAction Stop turns into the end of the pipeline.
                WriteRemainingWarnings(written.Result);
                written.Place();
                if (written.Error is null)
                {
                    WriteObject(new EdgeManifestConversion(written.Result, written.Target));
                }
                else
                {
                    WriteError(new ErrorRecord(written.Error, "OutputFileNotWritten", ErrorCategory.WriteError, written.Target));
                }
            }
            finally
            {
                // Taken off the queue, so Dispose does not see it: a stop before Place leaves its file as it was.
                written.Discard();
            }
        }
    }

    /// <summary>The options of every conversion, made before any input.</summary>
    private ConversionOptions Options()
    {
        var options = new ConversionOptions
        {
            ShareMap = HashtableParameters.ToStringMap(ShareMap),
            GpuCount = GpuCount,
            DeploymentStrategy = DeploymentStrategy,
            ProxyUrl = ProxyUrl,
            ModuleNameMap = HashtableParameters.ModuleNameMap(this, ModuleNameMap),
            DropFileBinds = DropFileBinds,
            Rules = Selection,
        };
        try
        {
            options.DefaultMemoryLimit = DefaultMemoryLimit;
            options.DefaultCpuLimit = DefaultCpuLimit;
        }
        catch (ArgumentException ex)
        {
            // A limit of nothing (0, 0Mi) fits the parameter's pattern, but the core refuses it: it would stop every module.
            var quantity = ex.ParamName == nameof(DefaultMemoryLimit) ? DefaultMemoryLimit : DefaultCpuLimit;
            ThrowTerminatingError(new ErrorRecord(new PSArgumentException($"-{ex.ParamName} {quantity} is no limit: give a positive quantity.", ex.ParamName),
                "LimitNotPositive", ErrorCategory.InvalidArgument, quantity));
        }
        return options;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Infrastructure;

namespace EdgeMigration.Commands;

/// <summary>
/// <para type="synopsis">Shows the Kubernetes objects the Azure Stack Edge Pro GPU device's edgeAgent creates for each module of a manifest, and the settings it drops.</para>
/// </summary>
[Cmdlet(VerbsData.ConvertTo, "EdgeKubernetesManifest", DefaultParameterSetName = PathSet)]
[OutputType(typeof(EdgeKubernetesResource))]
[OutputType(typeof(string))]
public sealed class ConvertToEdgeKubernetesManifestCommand : ManifestInputCmdlet
{
    private KubernetesRenderOptions _options = new();

    /// <summary>Only these modules (ids, wildcards).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ModuleNameCompleter))]
    public string[]? ModuleName { get; set; }

    /// <summary>One multi-document YAML text per manifest, as kubectl prints objects, with what each module drops as comments.</summary>
    [Parameter]
    public SwitchParameter AsYaml { get; set; }

    /// <summary>One JSON text per manifest: a v1 List of the objects, as kubectl get -o json prints them.</summary>
    [Parameter]
    public SwitchParameter AsJson { get; set; }

    /// <summary>The IoT Edge device id, for the objects' labels and IOTEDGE_DEVICEID.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DeviceId { get; set; }

    /// <summary>The IoT Hub host name (contoso.azure-devices.net), for the objects' labels and IOTEDGE_IOTHUBHOSTNAME.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? IotHubHostName { get; set; }

    /// <summary>The Service type for modules with port bindings that do not choose one (LoadBalancer on Azure Stack Edge).</summary>
    [Parameter]
    [ValidateSet("LoadBalancer", "NodePort", "ClusterIP")]
    public string DefaultServiceType { get; set; } = "LoadBalancer";

    /// <summary>The namespace the device deploys modules into.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidateDnsLabel]
    public string Namespace { get; set; } = "iotedge";

    /// <summary>With one module id, JSON that is not a manifest is that module's createOptions, as for Test-EdgeModuleCompatibility.</summary>
    protected override string? CreateOptionsModuleName => OneExactName(ModuleName);

    protected override void BeginProcessing()
    {
        if (AsYaml && AsJson)
        {
            ThrowTerminatingError(new ErrorRecord(new PSArgumentException("Use -AsYaml or -AsJson, not both."), "AsYamlAndAsJson", ErrorCategory.InvalidArgument, null));
        }
        _options = new KubernetesRenderOptions { DeviceId = DeviceId, IotHubHostName = IotHubHostName, DefaultServiceType = DefaultServiceType, Namespace = Namespace };
        try
        {
            _options.Validate();
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "InvalidLabelValue", ErrorCategory.InvalidArgument, ex.ParamName));
        }
    }

    protected override void ProcessManifest(ManifestDocument manifest)
    {
        var filter = new NameFilter(ModuleName);
        var rendering = KubernetesRenderer.Render(manifest, _options).Where(m => filter.Matches(m.ModuleName));
        var shown = new HashSet<string>(rendering.Modules.Select(m => m.ModuleName), StringComparer.Ordinal);
        Report(manifest.SourceName, rendering.Modules, shown);
        if (AsYaml)
        {
            WriteObject(KubernetesYaml.Write(rendering));
        }
        else if (AsJson)
        {
            WriteObject(KubernetesJsonText.Write(rendering));
        }
        else
        {
            var source = ResultManifest.Of(manifest);
            foreach (var module in rendering.Modules)
            {
                if (module.Resources.Count == 0 && module.Fails)
                {
                    WriteObject(EdgeKubernetesResource.NotDeployed(module, source, Namespace));
                    continue;
                }
                WriteObject(module.Resources.Select(r => new EdgeKubernetesResource(r, module, source)), enumerateCollection: true);
            }
        }
        // After the modules found, as Get-EdgeModule does: -ErrorAction Stop keeps what was rendered.
        ReportModulesNotFound(manifest, rendering, filter);
    }

    /// <summary>
    /// A warning for each thing that keeps a module from being deployed or from starting, also with -AsYaml and -AsJson,
    /// once for the modules it is said of in the same words; what the device only leaves out is verbose, and so is the note
    /// that other modules stop the whole deployment when one of those is among the <paramref name="shown"/>, which warn of
    /// it themselves.
    /// </summary>
    private void Report(string manifest, IReadOnlyList<ModuleRendering> modules, HashSet<string> shown)
    {
        var messages = new ModuleMessages(manifest);
        foreach (var module in modules)
        {
            foreach (var dropped in module.Dropped)
            {
                messages.Add(dropped.Effect == DropEffect.Fails && !(dropped.StoppedBy?.Any(shown.Contains) ?? false), null, module.ModuleName, $"{dropped.Reason} {dropped.Advice}");
            }
            foreach (var problem in module.StartProblems)
            {
                messages.Add(true, null, module.ModuleName, $"{problem.Message} {problem.Recommendation} (rule {problem.RuleId})");
            }
        }
        messages.WriteTo(this);
    }

    /// <summary>A module id given without wildcards that the manifest does not have is an error, as for a missing file.</summary>
    private void ReportModulesNotFound(ManifestDocument manifest, KubernetesRendering rendering, NameFilter filter)
    {
        foreach (var name in filter.Unmatched(rendering.Modules.Select(m => m.ModuleName).ToList()))
        {
            WriteError(Errors.ModuleNotFound(manifest.SourceName, name, manifest.Modules.Select(m => m.Name)));
        }
    }
}

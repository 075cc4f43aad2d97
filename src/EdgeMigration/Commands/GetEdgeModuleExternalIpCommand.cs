using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Remoting;
using System.Management.Automation.Runspaces;
using System.Text;
using System.Threading;
using EdgeMigration.Core.DeviceOutput;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Infrastructure;

namespace EdgeMigration.Commands;

/// <summary>
/// <para type="synopsis">Gets the external IP address and ports an Azure Stack Edge Pro GPU device gave each IoT Edge module, from iotedge list or kubectl get svc.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "EdgeModuleExternalIp", DefaultParameterSetName = InputObjectSet)]
[OutputType(typeof(EdgeModuleEndpoint))]
public sealed class GetEdgeModuleExternalIpCommand : PSCmdlet, IDisposable
{
    private const string SessionSet = "Session";
    private const string ComputerNameSet = "ComputerName";
    private const string InputObjectSet = "InputObject";
    private const string KubeConfigSet = "KubeConfig";
    private const string PipelineOrigin = "pipeline input";
    private const string ComputerNameProperty = "PSComputerName";

    /// <summary>The text piped in, by the computer it came from (null: none said), in the order they first came.</summary>
    private readonly List<(string? ComputerName, string? File, StringBuilder Text)> _input = new();
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Sessions to the device's Minishell endpoint (New-PSSession -ConfigurationName Minishell).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = SessionSet)]
    [ValidateNotNullOrEmpty]
    public PSSession[] Session { get; set; } = Array.Empty<PSSession>();

    /// <summary>Devices to open a Minishell session to (and close again): IP address or serial.domain name.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ComputerNameSet)]
    [Alias("Cn")]
    [ValidateNotNullOrEmpty]
    [ValidateDeviceName]
    public string[] ComputerName { get; set; } = Array.Empty<string>();

    /// <summary>The device's user (EdgeUser) and password; in Azure Automation, from Get-AutomationPSCredential.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ComputerNameSet)]
    [Credential]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    [Parameter(ParameterSetName = ComputerNameSet)]
    public SwitchParameter UseSSL { get; set; }

    /// <summary>For example New-PSSessionOption -SkipCACheck -SkipCNCheck -SkipRevocationCheck for the device's self-signed certificate.</summary>
    [Parameter(ParameterSetName = ComputerNameSet)]
    [ValidateNotNull]
    public PSSessionOption? SessionOption { get; set; }

    /// <summary>
    /// Captured output of iotedge list, kubectl get svc -n iotedge, or kubectl get svc -n iotedge -o json; line by line or
    /// whole; kubectl's JSON as ConvertFrom-Json's objects; or the files it was saved in (Get-ChildItem).
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
    [AllowEmptyString]
    [AllowNull]
    public PSObject?[] InputObject { get; set; } = Array.Empty<PSObject?>();

    /// <summary>A kubeconfig for the device's Kubernetes cluster; the Services of the iotedge namespace are read with kubectl.</summary>
    [Parameter(Mandatory = true, ParameterSetName = KubeConfigSet)]
    [ValidateNotNullOrEmpty]
    public string KubeConfig { get; set; } = "";

    /// <summary>The kubeconfig context to use; its current context when omitted.</summary>
    [Parameter(ParameterSetName = KubeConfigSet)]
    [ValidateNotNullOrEmpty]
    public string? Context { get; set; }

    /// <summary>Modules to get (wildcards): as the device shows them, or IoT Hub module ids (webServerApp finds webserverapp).</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case SessionSet:
                foreach (var session in Session)
                {
                    ReadSession(session);
                }
                break;
            case ComputerNameSet:
                foreach (var computer in ComputerName)
                {
                    ReadComputer(computer);
                }
                break;
            case KubeConfigSet:
                ReadKubectl();
                break;
            default:
                foreach (var item in InputObject)
                {
                    ReadInput(item);
                }
                break;
        }
    }

    protected override void EndProcessing()
    {
        foreach (var (computerName, file, input) in _input)
        {
            var text = input.ToString();
            Report(text, file ?? computerName ?? PipelineOrigin, (object?)file ?? text, computerName);
        }
    }

    /// <summary>
    /// Get-Content sends a line at a time, -Raw one string: text is gathered and read at the end. A file is read on its
    /// own; an object of properties (ConvertFrom-Json's, a hashtable) is kubectl's JSON, gathered as that JSON.
    /// </summary>
    private void ReadInput(PSObject? item)
    {
        switch (item?.BaseObject)
        {
            case null:
                return;
            case FileInfo file:
                ReadFile(file.FullName);
                return;
            case PSCustomObject or System.Collections.IDictionary:
                InputOf(item).Append(ObjectGraph.ToNode(PowerShellGraph.ToPlain(item)).ToJson()).Append('\n');
                break;
            default:
                // Text, and objects that stand for a line of it (Select-String's matches), as PowerShell makes them strings.
                InputOf(item).Append(item.ToString()).Append('\n');
                break;
        }
    }

    /// <summary>
    /// Where the text of <paramref name="item"/> is gathered. Invoke-Command -ComputerName dev1,dev2 sends the lines of
    /// several devices, their blocks interleaved, each line with its computer's PSComputerName: each device's lines are
    /// an output of their own, whose tables are read apart. So are the lines of each file Get-Content read, named by it,
    /// as a file piped itself is (Get-ChildItem ./captures/*.txt | Get-Content | Get-EdgeModuleExternalIp).
    /// </summary>
    private StringBuilder InputOf(PSObject item)
    {
        var computerName = item.Properties[ComputerNameProperty]?.Value?.ToString() is { Length: > 0 } name ? name : null;
        var file = item.BaseObject is string ? PipedText.FileReadFrom(item, SessionState) : null;
        foreach (var (computer, fileRead, text) in _input)
        {
            if (computer == computerName && fileRead == file)
            {
                return text;
            }
        }
        var input = new StringBuilder();
        _input.Add((computerName, file, input));
        return input;
    }

    private void ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            WriteError(DeviceErrors.FileNotRead(path, ex));
            return;
        }
        Report(text, path, path, null);
    }

    protected override void StopProcessing() => _stopping.Cancel();

    public void Dispose() => _stopping.Dispose();

    private void ReadComputer(string computerName)
    {
        PSSession session;
        try
        {
            session = Minishell.Open(computerName, Credential!, UseSSL, SessionOption, SessionState);
        }
        catch (DeviceAccessException ex)
        {
            WriteError(ex.ErrorRecord);
            return;
        }
        try
        {
            ReadSession(session);
        }
        finally
        {
            Minishell.Close(session);
        }
    }

    private void ReadSession(PSSession session)
    {
        WriteVerbose($"Running '{Minishell.IotedgeList}' in session '{session.Name}' to {session.ComputerName}.");
        string text;
        try
        {
            text = Minishell.InvokeIotedgeList(session, _stopping.Token);
        }
        catch (DeviceAccessException ex)
        {
            WriteError(ex.ErrorRecord);
            return;
        }
        Report(text, session.ComputerName, session, session.ComputerName);
    }

    private void ReadKubectl()
    {
        string kubeConfig;
        try
        {
            // Env:KUBECONFIG's provider path is the variable's name, which File.Exists would look for in the process's folder.
            kubeConfig = FileSystemPath.Of(SessionState, KubeConfig) ?? throw new PSArgumentException($"'{KubeConfig}' is not a file system path.");
        }
        catch (Exception ex) when (ex is RuntimeException or ArgumentException or NotSupportedException)
        {
            WriteError(DeviceErrors.KubeConfigNotFound(KubeConfig, ex));
            return;
        }
        if (!File.Exists(kubeConfig))
        {
            WriteError(DeviceErrors.KubeConfigNotFound(kubeConfig, null));
            return;
        }
        var pathVariable = Environment.GetEnvironmentVariable("PATH");
        if (Kubectl.Find(pathVariable) is not { } kubectl)
        {
            WriteError(DeviceErrors.KubectlNotFound(pathVariable));
            return;
        }
        var arguments = Kubectl.ServicesArguments(kubeConfig, Context);
        WriteVerbose($"Running {kubectl} {string.Join(" ", arguments)}");
        string json;
        try
        {
            json = Kubectl.Run(kubectl, arguments, _stopping.Token);
        }
        catch (KubectlException ex)
        {
            WriteError(DeviceErrors.KubectlFailed(ex, kubeConfig));
            return;
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
        Report(json, Context is null ? kubeConfig : $"{kubeConfig} (context {Context})", kubeConfig, null);
    }

    /// <summary>
    /// Reads device output and writes its modules (filtered by -Name), warnings for missing addresses, and errors;
    /// <paramref name="computerName"/> is the device it came from over PowerShell remoting, or null.
    /// </summary>
    private void Report(string text, string origin, object target, string? computerName)
    {
        ParsedDeviceOutput parsed;
        try
        {
            parsed = DeviceOutputReader.Read(text);
        }
        catch (DeviceOutputException ex)
        {
            WriteError(DeviceErrors.NotRecognized(ex, target, computerName));
            return;
        }
        if (parsed.SkippedLines.Count > 0)
        {
            // Said as the other messages say where: the origin is a file, a computer or the pipeline input.
            WriteVerbose($"{origin}: skipped lines {string.Join(", ", parsed.SkippedLines)}, which are not part of a table or JSON document.");
        }
        if (parsed.OtherNamespaceServices.Count > 0)
        {
            WriteVerbose($"{origin}: left out the Services of namespaces other than {Kubectl.IotedgeNamespace}, which are no IoT Edge modules: " +
                         $"{string.Join(", ", parsed.OtherNamespaceServices)}.");
        }
        var filter = new DeviceNameFilter(Name);
        foreach (var entry in parsed.Entries)
        {
            if (entry.Error is { } error)
            {
                // A damaged row costs only itself; one of a module -Name leaves out is none of the user's business.
                if (error.ModuleName is null || filter.Matches(error.ModuleName))
                {
                    WriteError(DeviceErrors.NotRecognized(error, target, computerName));
                }
            }
            else if (entry.Module is { } module && filter.Matches(module.Name))
            {
                Write(module, origin, computerName);
            }
        }
        // A module whose row is damaged was found: its error says so, "no module named" would not be true.
        var found = parsed.Entries.Select(e => e.Module?.Name ?? e.Error?.ModuleName).OfType<string>().ToList();
        foreach (var name in filter.Unmatched(found))
        {
            WriteError(DeviceErrors.ModuleNotFound(name, origin));
        }
    }

    /// <summary>The module, after a warning when it waits for an external IP.</summary>
    private void Write(ModuleEndpoint module, string origin, string? computerName)
    {
        if (module.IsExternalIpPending)
        {
            // iotedge list without PORT(S) shows a LoadBalancer Service waiting for its address only as <pending>.
            var exposed = module.Ports.Count > 0 ? $"has port bindings ({string.Join(",", module.Ports)})" : "has a LoadBalancer Service";
            WriteWarning(
                $"'{module.Name}' {exposed} but no external IP ({origin}). " +
                "The device gives each module with port bindings one address from its 'Kubernetes external service IPs' " +
                "range (local web UI, Compute page); that range is likely too small. Widen it, or expose modules that " +
                "only other modules use as \"k8s-experimental\": {\"serviceOptions\": {\"type\": \"ClusterIP\"}}.");
        }
        WriteObject(EdgeModuleEndpoint.From(module, origin, computerName));
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using EdgeMigration.Core.IO;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Infrastructure;

/// <summary>
/// Shared input handling for cmdlets that read manifests: -Path (wildcards), -LiteralPath (Get-ChildItem
/// output binds here by PSPath/FullName), and -InputObject from the pipeline (JSON text, even line by
/// line from Get-Content; ConvertFrom-Json output; hashtables; Az.IotHub PSDeployment; ConvertTo-GpuEdgeManifest's
/// result, meaning the converted manifest, also as it comes back from remoting, a job or Import-Clixml; the module's other
/// results of a file as it is, meaning that file; or a path string).
/// Each manifest read is handed to <see cref="ProcessManifest"/>; each bad input becomes one
/// non-terminating error and the rest go on.
/// </summary>
public abstract class ManifestInputCmdlet : PSCmdlet
{
    protected const string PathSet = "Path";
    protected const string LiteralPathSet = "LiteralPath";
    protected const string InputObjectSet = "InputObject";

    /// <summary>Lines of a JSON text piped one at a time, until it is whole.</summary>
    private readonly PipedLines _pendingLines = new();

    /// <summary>The file the pending lines were read from (Get-Content's PSPath on its first line), if any.</summary>
    private string? _pendingLinesFile;

    /// <summary>The input before the current one was the end of a JSON text: comments right after it belong to it.</summary>
    private bool _previousEndedJson;

    /// <summary>The files paths name, with an error for each path that names none.</summary>
    private readonly ManifestFilePaths _files;

    protected ManifestInputCmdlet()
    {
        _files = new ManifestFilePaths(this, WriteInputError);
    }

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[] Path { get; set; } = Array.Empty<string>();

    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP", "FullName")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = Array.Empty<string>();

    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [AllowEmptyString]
    public PSObject? InputObject { get; set; }

    /// <summary>Called once per manifest read successfully.</summary>
    protected abstract void ProcessManifest(ManifestDocument manifest);

    /// <summary>
    /// Writes everything due for the inputs before the current one, before the current one's error: a cmdlet that works
    /// on files off the pipeline thread finishes them first, so that results and errors keep the input's order (and
    /// -ErrorAction Stop stops after the results before the bad input, not before them).
    /// </summary>
    protected virtual void FinishEarlierInputs()
    {
    }

    /// <summary>An error about the current input, in its place after the results of the inputs before it.</summary>
    protected void WriteInputError(ErrorRecord error)
    {
        FinishEarlierInputs();
        WriteError(error);
        InputNotRead();
    }

    /// <summary>
    /// Called after the error of an input that gave no manifest (no such file, not JSON, not a manifest, a result that
    /// stands for no file): Test-EdgeModuleCompatibility -Quiet still answers for it.
    /// </summary>
    protected virtual void InputNotRead()
    {
    }

    /// <summary>
    /// True for a cmdlet that edits the documents it is given: a manifest piped in as an earlier result is then
    /// handed over as a copy, so the user's result object stays as it was. Documents read from files, text and
    /// objects belong to the cmdlet alone and are handed over as they are.
    /// </summary>
    protected virtual bool EditsManifests => false;

    /// <summary>
    /// When set, JSON text or objects that are not a manifest are read as the createOptions of one module
    /// of this name (Test-EdgeModuleCompatibility -ModuleName).
    /// </summary>
    protected virtual string? CreateOptionsModuleName => null;

    /// <summary>The one module id of a -ModuleName given one id without wildcards, which names createOptions given on their own.</summary>
    protected static string? OneExactName(string[]? names) =>
        names is { Length: 1 } && !WildcardPattern.ContainsWildcardCharacters(names[0]) ? names[0] : null;

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case PathSet:
                foreach (var path in Path)
                {
                    ProcessPath(path, literal: false);
                }
                break;
            case LiteralPathSet:
                foreach (var path in LiteralPath)
                {
                    ProcessPath(path, literal: true);
                }
                break;
            default:
                ProcessInputObjects(InputObject);
                break;
        }
    }

    protected override void EndProcessing()
    {
        if (!_pendingLines.IsEmpty)
        {
            SettlePendingLines();
        }
    }

    /// <summary>Files a path names, resolved as the FileSystem provider sees them; errors for what does not resolve.</summary>
    protected IEnumerable<string> ResolveFiles(string path, bool literal) => _files.Resolve(path, literal);

    private void ProcessPath(string path, bool literal)
    {
        foreach (var file in ResolveFiles(path, literal))
        {
            ProcessFile(file);
        }
    }

    /// <summary>Reads the manifest file at a resolved path and hands it to <see cref="ProcessManifest"/> (or writes why it cannot).</summary>
    protected virtual void ProcessFile(string file)
    {
        WriteVerbose($"Reading {file}");
        ReadAndProcess(() => ManifestDocument.Load(file));
    }

    /// <summary>
    /// An array given as the argument of -InputObject (Get-Content's lines, Get-AzIotHubDeployment's deployments,
    /// Get-ChildItem's files), or piped whole (Windows PowerShell's ConvertFrom-Json sends a JSON list as one array), is
    /// read element by element, as the pipeline would send it: no manifest is an array.
    /// </summary>
    private void ProcessInputObjects(PSObject? input)
    {
        if (LanguagePrimitives.GetEnumerable(input?.BaseObject) is not { } elements)
        {
            ProcessInputObject(input);
            return;
        }
        foreach (var element in elements)
        {
            ProcessInputObject(element is null ? null : PSObject.AsPSObject(element));
        }
    }

    private void ProcessInputObject(PSObject? input)
    {
        var baseObject = input?.BaseObject;
        if (baseObject is string text)
        {
            ProcessText(text, PipedText.FileReadFrom(input!, SessionState));
            return;
        }
        // Lines piped before an object end there.
        if (!_pendingLines.IsEmpty)
        {
            SettlePendingLines();
        }
        _previousEndedJson = false;
        if (baseObject is EdgeManifestConversion conversion)
        {
            ProcessManifest(EditsManifests ? conversion.Document.Clone() : conversion.Document);
            return;
        }
        // The module's other results (a module, a finding, a rule...) describe manifests but are none.
        if (baseObject is not null && baseObject.GetType().Assembly == typeof(EdgeManifestConversion).Assembly)
        {
            ProcessResult(input!);
            return;
        }
        if (baseObject is FileSystemInfo entry)
        {
            // Already a full file system path: resolving it through the provider again (which reads the mount
            // table on Linux) would cost more than reading a small manifest. A FileInfo from a folder listing already
            // knows it is a file; only one that does not is asked of the disk again, for the right error.
            if ((entry is FileInfo { Exists: true }) || _files.IsFile(entry.FullName))
            {
                ProcessFile(entry.FullName);
            }
            return;
        }
        if (input is null)
        {
            WriteInputError(Errors.NotAManifest(new ManifestException(ManifestErrorKind.NotAManifest, "pipeline object",
                "The input object is null; pass a manifest file, JSON text or an object."), null));
            return;
        }
        if (DeserializedConversion.Of(input) is { } converted)
        {
            ReadAndProcess(() => ManifestDocument.FromObject(PowerShellGraph.ToPlain(converted.Content), converted.Manifest));
            return;
        }
        // A copy with a path property (Select-Object @{ n = 'FullName'; e = { $_.Manifest } }), which no result has, names its file.
        if (IsCopyOfResult(input) && PipedPath.Of(input) is null)
        {
            ProcessResult(input);
            return;
        }
        var isDeployment = AzureDeployment.IsDeployment(input);
        if (!isDeployment && PipedPath.Of(input) is { } piped)
        {
            ProcessPath(piped.Path, piped.Literal);
            return;
        }
        var graph = isDeployment ? AzureDeployment.ToGraph(input) : PowerShellGraph.ToPlain(input);
        var source = isDeployment ? AzureDeployment.Describe(input) : DescribeObject(input);
        ReadAndProcess(() => OrCreateOptions(() => ManifestDocument.FromObject(graph, source, AzureDeployment.Describe), () => ObjectGraph.ToNode(graph), source));
    }

    /// <summary>
    /// The module's results brought back by remoting, a job or Import-Clixml, or copied by Select-Object (and then perhaps
    /// brought back: Deserialized.Selected.EdgeMigration.*): property bags that would be read as JSON objects. A
    /// conversion's are not: they still hold the converted manifest, read as the live one.
    /// </summary>
    private static bool IsCopyOfResult(PSObject input) =>
        input.TypeNames.Count > 0 && WithoutPrefix(WithoutPrefix(input.TypeNames[0], DeserializedPrefix), SelectedPrefix) is var type &&
        type != input.TypeNames[0] && type.StartsWith(ResultPrefix, StringComparison.Ordinal) && type != ResultPrefix + nameof(EdgeManifestConversion);

    private static string WithoutPrefix(string type, string prefix) =>
        type.StartsWith(prefix, StringComparison.Ordinal) ? type.Substring(prefix.Length) : type;

    private const string DeserializedPrefix = "Deserialized.";
    private const string SelectedPrefix = "Selected.";
    private const string ResultPrefix = "EdgeMigration.";

    /// <summary>Files read for results of this module that stand for them, each once.</summary>
    private HashSet<string>? _resultFilesRead;

    /// <summary>Manifests whose results cannot stand for them, each refused once.</summary>
    private HashSet<string>? _resultManifestsRefused;

    /// <summary>
    /// A result of this module that describes a manifest file as it is (a module, a module's compatibility, a finding, a
    /// Kubernetes object: <see cref="ResultManifest"/>) stands for that file, read once however many of its results are
    /// piped, as Select-String's matches stand for their file: Test-EdgeModuleCompatibility *.json | Where-Object Compatible
    /// -eq $false | ConvertTo-GpuEdgeManifest. Other results are refused, once per manifest they describe: a result of a
    /// conversion, JSON text or objects names a manifest that is in no file as the result describes it.
    /// </summary>
    private void ProcessResult(PSObject input)
    {
        if ((input.BaseObject as IManifestResult)?.Source.File is { } file)
        {
            if ((_resultFilesRead ??= new HashSet<string>(FileNames.Comparer)).Add(file))
            {
                ProcessFile(file);
            }
            return;
        }
        var manifest = input.Properties["Manifest"]?.Value as string;
        if (manifest is not null && !(_resultManifestsRefused ??= new HashSet<string>(StringComparer.Ordinal)).Add(manifest))
        {
            return;
        }
        var type = input.TypeNames[0];
        var reason = manifest is null ? $"{type} is a result of this module, not a manifest; pipe the manifest itself: its file, JSON text or object."
            : type.StartsWith(DeserializedPrefix, StringComparison.Ordinal)
                ? $"{type} is a result of this module brought back by remoting, a job or Import-Clixml, which no longer knows its manifest; pipe the manifest itself: its file ({manifest}), JSON text or object."
            : type.StartsWith(SelectedPrefix, StringComparison.Ordinal)
                ? $"{type} is a copy Select-Object made of a result of this module, which no longer knows its manifest; pipe the results themselves (select after the manifest cmdlet), or the manifest itself: its file ({manifest}), JSON text or object."
                : $"{type} is a result of this module for {manifest} as it was piped in (converted, or as JSON text or objects), not as a file holds it; pipe that manifest itself.";
        WriteInputError(Errors.NotAManifest(new ManifestException(ManifestErrorKind.NotAManifest, "pipeline object", reason), input.BaseObject));
    }

    /// <summary>
    /// JSON text is read at once; a string that starts a JSON text but does not finish it (Get-Content
    /// without -Raw sends one line at a time) is joined with the lines that follow. Other strings are paths.
    /// </summary>
    private void ProcessText(string text, string? file)
    {
        var previousEndedJson = _previousEndedJson;
        _previousEndedJson = false;
        if (!_pendingLines.IsEmpty && _pendingLines.EndsBefore(text))
        {
            SettlePendingLines();
        }
        if (!_pendingLines.IsEmpty)
        {
            if (_pendingLines.Add(text) is { } whole)
            {
                ReadText(whole, _pendingLinesFile ?? "JSON text from the pipeline");
                _previousEndedJson = true;
            }
            return;
        }
        var trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.Length == 0)
        {
            _previousEndedJson = previousEndedJson;
            return;
        }
        var kind = PipedText.Classify(text, trimmed, _files.LiteralFile);
        if (kind == PipedTextKind.JsonStart)
        {
            _pendingLines.Start(text, previousEndedJson);
            _pendingLinesFile = file;
            return;
        }
        ProcessPipedText(kind, text, file ?? "JSON text");
    }

    /// <summary>The lines pending, now that no more of them will come: JSON text, a path, comments after JSON, or other text.</summary>
    private void SettlePendingLines()
    {
        var (kind, text) = _pendingLines.Settle();
        ProcessPipedText(kind, text, _pendingLinesFile ?? "JSON text from the pipeline");
    }

    private void ProcessPipedText(PipedTextKind kind, string text, string source)
    {
        switch (kind)
        {
            case PipedTextKind.Json:
                ReadText(text, source);
                _previousEndedJson = true;
                return;
            case PipedTextKind.Path:
                foreach (var line in text.Split('\n'))
                {
                    ProcessPath(line, literal: false);
                }
                return;
            case PipedTextKind.TrailingComments:
                return;
            default:
                // Never quoted back: such text may be a line of a manifest, and manifests hold registry passwords.
                WriteInputError(Errors.NotAManifest(new ManifestException(ManifestErrorKind.NotAManifest, "text from the pipeline",
                    "The text is neither JSON that starts with {, [ or a comment, nor the path of a file."), "text from the pipeline"));
                return;
        }
    }

    private void ReadText(string text, string source)
    {
        // A byte order mark decoded into the text (a file read as a string) is not JSON; from a file the reader skips it.
        text = text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;
        if (DeploymentList.Read(text) is { } list)
        {
            // az iot edge deployment list: each deployment on its own, named by its id as Az.IotHub's objects are.
            foreach (var entry in list)
            {
                ReadText(entry.Text, entry.Id is { } id ? AzureDeployment.Describe(id) : $"{source}, element [{entry.Index}]");
            }
            return;
        }
        ReadAndProcess(() => OrCreateOptions(() => ManifestDocument.Parse(text, source, AzureDeployment.Describe), () => JDocument.Parse(text).Root, source));
    }

    private ManifestDocument OrCreateOptions(Func<ManifestDocument> read, Func<JNode> node, string source)
    {
        try
        {
            return read();
        }
        catch (ManifestException ex) when (ex.Kind == ManifestErrorKind.NotAManifest && CreateOptionsModuleName is { } name)
        {
            return ManifestDocument.FromCreateOptions(name, node(), source);
        }
    }

    /// <summary>
    /// Reads and hands on one manifest, or writes its error. The error's target is the name the message gives, the file
    /// path or a description of the input (a deployment's by its id), never the input itself: JSON text and objects hold
    /// registry passwords, and Get-Error shows targets.
    /// </summary>
    private void ReadAndProcess(Func<ManifestDocument> read)
    {
        ManifestDocument manifest;
        try
        {
            manifest = read();
        }
        catch (ManifestException ex)
        {
            FinishEarlierInputs();
            WriteReadError(ex, ex.SourceName);
            return;
        }
        ProcessManifest(manifest);
    }

    /// <summary>
    /// The files read and worked on off the pipeline thread that are finished (with <paramref name="all"/>, every one),
    /// in input order: each result goes to <paramref name="finish"/>, each file that could not be read to its error, after
    /// <paramref name="finishEarlier"/> has written what the results before it still owe the pipeline.
    /// </summary>
    private protected void TakeFiles<T>(InOrder<FileWork<T>> files, bool all, Action<T> finish, Action? finishEarlier = null) where T : class
    {
        foreach (var file in files.Done(all))
        {
            if (file.Error is not null)
            {
                finishEarlier?.Invoke();
                WriteReadError(file.Error, file.File);
            }
            else
            {
                finish(file.Result!);
            }
        }
    }

    /// <summary>The error for a manifest that cannot be read: invalid JSON, not a manifest, or unreadable.</summary>
    private void WriteReadError(ManifestException ex, string target)
    {
        WriteError(ex.Kind switch
        {
            ManifestErrorKind.InvalidJson => Errors.InvalidJson(ex, target),
            ManifestErrorKind.NotAManifest => Errors.NotAManifest(ex, target),
            _ => Errors.Unreadable(ex, target),
        });
        InputNotRead();
    }

    private static string DescribeObject(PSObject input) =>
        input.BaseObject is System.Collections.IDictionary ? "hashtable from the pipeline" : "object from the pipeline";
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.IO;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Infrastructure;

/// <summary>
/// Where and how ConvertTo-GpuEdgeManifest writes its conversions: the file of each (-OutFile, or -Destination under its
/// input file's name), whether it may be written (-WhatIf, -Force, no file of another input overwritten), and the
/// writes themselves, on other threads, with each result taken back in input order.
/// </summary>
internal sealed class ConversionOutput : IDisposable
{
    private readonly PSCmdlet _cmdlet;

    /// <summary>-OutFile as a file system path.</summary>
    private readonly string? _outFile;

    /// <summary>-Destination as a file system path.</summary>
    private readonly string? _destinationFolder;

    private readonly bool _force;

    /// <summary>Results whose files are being written on other threads; each goes to the pipeline once its file is there.</summary>
    private readonly InOrder<WrittenFile> _writing = new();

    /// <summary>The threads that write the files.</summary>
    private readonly WriterThreads _writers = new();

    /// <summary>Output folders made (or found) by this pipeline: each is made once, before the first write into it starts.</summary>
    private readonly HashSet<string> _folders = new(FileNames.Comparer);

    /// <summary>Each file this pipeline writes, and the input it is the conversion of: no second input may overwrite it.</summary>
    private readonly Dictionary<string, string> _written = new(FileNames.Comparer);

    /// <summary>Resolves -OutFile and -Destination before any input: a path no file can be written at is a terminating error.</summary>
    public ConversionOutput(PSCmdlet cmdlet, string? outFile, string? destination, bool force)
    {
        _cmdlet = cmdlet;
        _outFile = outFile is null ? null : FileSystemPathOf(outFile, "OutFile");
        _destinationFolder = destination is null ? null : FileSystemPathOf(destination, "Destination");
        _force = force;
    }

    /// <summary>
    /// The file system path <paramref name="path"/> names, relative to the current location. A path of another provider
    /// (Env:, Variable:) is refused, as Out-File refuses it: its provider path would be taken as a file system path
    /// relative to the process's current folder.
    /// </summary>
    private string FileSystemPathOf(string path, string parameter)
    {
        var resolved = FileSystemPath.Of(_cmdlet.SessionState, path);
        if (resolved is null)
        {
            _cmdlet.ThrowTerminatingError(new ErrorRecord(
                new PSArgumentException($"-{parameter} '{path}' is not a file system path; converted manifests are written to files.", parameter),
                "OutputPathNotFileSystem", ErrorCategory.InvalidArgument, path));
        }
        return resolved!;
    }

    /// <summary>
    /// Starts writing the file of <paramref name="result"/> where one is asked for, or takes the result without one, in
    /// its place after the results before it. Returns why its file is not written instead (the result is then not
    /// taken). <paramref name="fromFile"/>: see <see cref="OutputPath"/>; <paramref name="converted"/>: the conversions
    /// of this pipeline so far, this one included.
    /// </summary>
    public ErrorRecord? Start(ConversionResult result, bool fromFile, int converted)
    {
        var manifest = result.Manifest;
        var target = OutputPath(manifest, fromFile, converted, out var refusal);
        if (refusal is not null)
        {
            return refusal;
        }
        if (target is not null && _cmdlet.ShouldProcess(target, $"Write the GPU manifest converted from {manifest.SourceName}"))
        {
            if (_written.TryGetValue(target, out var earlier))
            {
                // -Force is for files that were there before: another input's conversion is not overwritten.
                return new ErrorRecord(new IOException(earlier == manifest.SourceName
                        ? $"The file '{target}' was written for {earlier} earlier in this command; it is not converted twice into one folder."
                        : $"The file '{target}' is the conversion of {earlier}; {manifest.SourceName} has the same name. Convert the two into different folders."),
                    "OutputFileOfAnotherInput", ErrorCategory.ResourceExists, target);
            }
            if (Directory.Exists(target))
            {
                // The write would fail with .NET's "already exists", which sends the user to -Force: no use for a folder.
                return new ErrorRecord(new IOException(_outFile is null
                        ? $"'{target}' is a folder; the conversion of {manifest.SourceName} is not written over it."
                        : $"'{target}' is a folder: give -OutFile the path of a file, or -Destination the folder to write into."),
                    "OutputPathIsFolder", ErrorCategory.InvalidArgument, target);
            }
            if (!_force && File.Exists(target))
            {
                return new ErrorRecord(new IOException($"The file '{target}' already exists; use -Force to overwrite it."),
                    "OutputFileExists", ErrorCategory.ResourceExists, target);
            }
            if (MakeFolder(target) is { } error)
            {
                _writing.Add(new WrittenFile(result, target, error));
            }
            else
            {
                _written[target] = manifest.SourceName;
                var overwrite = _force;
                _writing.Add(_writers.Start(() => WrittenFile.Prepare(result, target, overwrite)));
            }
        }
        else
        {
            _writing.Add(new WrittenFile(result, null, null));
        }
        return null;
    }

    /// <summary>
    /// The results whose files are written (or could not be), oldest first; with <paramref name="all"/>, every one, waiting
    /// for each. Each file takes its place with <see cref="WrittenFile.Place"/> when its result is reported.
    /// </summary>
    public IEnumerable<WrittenFile> Done(bool all) => _writing.Done(all);

    /// <summary>
    /// Waits for the writes still running, and deletes what they wrote: a pipeline that stops before their results are
    /// reported leaves their files as they were, and no file half-written.
    /// </summary>
    public void Dispose()
    {
        foreach (var unreported in _writing.Drop())
        {
            unreported.Discard();
        }
        _writers.Dispose();
    }

    /// <summary>
    /// Makes the folder <paramref name="target"/> goes in, unless this pipeline already has: here, so that no write
    /// starts before its folder is there. Returns why it could not be made; the next file into it tries again.
    /// </summary>
    private Exception? MakeFolder(string target)
    {
        var folder = System.IO.Path.GetDirectoryName(target)!;
        if (_folders.Contains(folder))
        {
            return null;
        }
        try
        {
            Directory.CreateDirectory(folder);
            _folders.Add(folder);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Where a file stands in the folder's path, .NET says only that "the file already exists".
            return FileInPath(folder) is { } file ? new IOException($"Cannot make the folder '{folder}': '{file}' is a file.", ex) : ex;
        }
    }

    /// <summary>The file that stands where <paramref name="folder"/> or a folder above it goes, or null.</summary>
    private static string? FileInPath(string folder)
    {
        for (var path = folder; !string.IsNullOrEmpty(path); path = System.IO.Path.GetDirectoryName(path))
        {
            if (File.Exists(path))
            {
                return path;
            }
        }
        return null;
    }

    /// <summary>
    /// The file to write for this manifest, null when none is asked for or it cannot be determined (with the error in
    /// <paramref name="refusal"/>). <paramref name="fromFile"/>: read from a file here, so its name is a file's (other
    /// inputs are asked of the disk).
    /// </summary>
    private string? OutputPath(ManifestDocument manifest, bool fromFile, int converted, out ErrorRecord? refusal)
    {
        refusal = null;
        if (_outFile is not null)
        {
            if (converted > 1)
            {
                refusal = new ErrorRecord(new PSArgumentException("-OutFile takes one manifest; use -Destination <folder> to convert several."),
                    "OutFileTakesOneManifest", ErrorCategory.InvalidArgument, manifest.SourceName);
                return null;
            }
            return _outFile;
        }
        if (_destinationFolder is null)
        {
            return null;
        }
        if (!fromFile && !File.Exists(manifest.SourceName))
        {
            refusal = new ErrorRecord(new PSArgumentException($"-Destination names output files after input files, but {manifest.SourceName} is not a file; use -OutFile."),
                "DestinationNeedsFileInput", ErrorCategory.InvalidArgument, manifest.SourceName);
            return null;
        }
        return System.IO.Path.Combine(_destinationFolder, System.IO.Path.GetFileName(manifest.SourceName));
    }
}

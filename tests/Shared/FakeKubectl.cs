using System;
using System.IO;
using System.Runtime.InteropServices;

namespace EdgeMigration.Tests;

/// <summary>
/// A stand-in kubectl in a temporary directory: records its arguments, one per line, prints a file as its
/// output and exits with a given code (stderr gets a message when the code is not 0). It needs no PATH.
/// </summary>
public sealed class FakeKubectl : IDisposable
{
    public FakeKubectl(string output, int exitCode = 0)
    {
        Directory = Path.Combine(Path.GetTempPath(), "fake-kubectl-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        var outputFile = Path.Combine(Directory, "output.txt");
        File.WriteAllText(outputFile, output);
        ArgumentsFile = Path.Combine(Directory, "arguments.txt");
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            Executable = Path.Combine(Directory, "kubectl.cmd");
            File.WriteAllText(Executable,
                $"@echo off\r\n(for %%a in (%*) do @echo %%~a) > \"{ArgumentsFile}\"\r\ntype \"{outputFile}\"\r\n" +
                (exitCode != 0 ? $"echo error: the server could not be reached 1>&2\r\nexit /b {exitCode}\r\n" : ""));
        }
        else
        {
            Executable = Path.Combine(Directory, "kubectl");
            File.WriteAllText(Executable,
                $"#!/bin/sh\nprintf '%s\\n' \"$@\" > '{ArgumentsFile}'\n/bin/cat '{outputFile}'\n" +
                (exitCode != 0 ? $"echo 'error: the server could not be reached' >&2\nexit {exitCode}\n" : ""));
            File.SetUnixFileMode(Executable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string Directory { get; }

    public string Executable { get; }

    public string ArgumentsFile { get; }

    public string[] Arguments => File.ReadAllText(ArgumentsFile).TrimEnd('\r', '\n').Split('\n');

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;

namespace EdgeMigration.Core.DeviceOutput;

/// <summary>
/// Runs <c>kubectl get svc -n iotedge -o json</c> with a kubeconfig; its output goes through
/// <see cref="DeviceOutputReader"/> like JSON a user pipes in.
/// </summary>
public static class Kubectl
{
    public const string ExecutableName = "kubectl";
    public const string IotedgeNamespace = "iotedge";

    /// <summary>kubectl's full path from a PATH value (with PATHEXT extensions on Windows), or null.</summary>
    public static string? Find(string? pathVariable)
    {
        var names = RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
            ? (Environment.GetEnvironmentVariable("PATHEXT") ?? ".COM;.EXE;.BAT;.CMD")
                .Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries).Select(ext => ExecutableName + ext)
            : new[] { ExecutableName };
        var directories = (pathVariable ?? "").Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries);
        return directories
            .SelectMany(dir => names.Select(name => SafeCombine(dir.Trim('"'), name)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The arguments for the Services of the iotedge namespace, as JSON.</summary>
    public static IReadOnlyList<string> ServicesArguments(string kubeConfig, string? context)
    {
        var arguments = new List<string> { "get", "svc", "--namespace", IotedgeNamespace, "--output", "json", "--kubeconfig", kubeConfig };
        if (!string.IsNullOrEmpty(context))
        {
            arguments.Add("--context");
            arguments.Add(context!);
        }
        return arguments;
    }

    /// <summary>Runs kubectl and returns its standard output; stdin is closed so kubectl never waits for an answer.</summary>
    /// <exception cref="KubectlException">kubectl could not start or exited with an error.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; kubectl was stopped.</exception>
    public static string Run(string executable, IEnumerable<string> arguments, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(executable, string.Join(" ", arguments.Select(Quote)))
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new KubectlException($"{executable} could not be started: {ex.Message}", null, ex);
        }
        process.StandardInput.Close();
        // Both streams are drained at once: a full stderr pipe would otherwise block kubectl forever.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using (cancellation.Register(() => Kill(process)))
        {
            process.WaitForExit();
        }
        cancellation.ThrowIfCancellationRequested();
        var errorText = error.GetAwaiter().GetResult().Trim();
        if (process.ExitCode != 0)
        {
            throw new KubectlException($"kubectl exited with code {process.ExitCode}: {errorText}", process.ExitCode);
        }
        return output.GetAwaiter().GetResult();
    }

    private static string SafeCombine(string directory, string name)
    {
        try
        {
            return Path.Combine(directory, name);
        }
        catch (ArgumentException)
        {
            // A PATH entry with characters a path cannot hold names no directory.
            return "";
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    /// <summary>
    /// One argument for ProcessStartInfo.Arguments, which is split by the Windows (MSVCRT) rules on every
    /// platform: quoted when it holds spaces or quotes, with backslashes before quotes doubled.
    /// </summary>
    internal static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '\t', '"' }) < 0)
        {
            return argument;
        }
        var quoted = new StringBuilder("\"");
        var backslashes = 0;
        foreach (var c in argument)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }
            quoted.Append('\\', c == '"' ? backslashes * 2 + 1 : backslashes).Append(c);
            backslashes = 0;
        }
        return quoted.Append('\\', backslashes * 2).Append('"').ToString();
    }
}

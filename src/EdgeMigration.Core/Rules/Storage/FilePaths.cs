using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace EdgeMigration.Core.Rules.Storage;

/// <summary>How a bind was judged to be of a single file, and how sure that is.</summary>
public sealed record FileJudgement(Certainty Certainty, string Reason);

/// <summary>
/// Judges by the path alone whether a bind or bind mount is of a single file, which the device cannot mount: it
/// makes every bind a hostPath volume of type DirectoryOrCreate, and a pod whose hostPath exists but is not a
/// directory does not start. The manifest does not say what the path is on the host, so each judgement has a certainty.
/// </summary>
public static class FilePaths
{
    public const string DockerSocket = "/var/run/docker.sock";

    /// <summary>Paths that are files on every Linux host.</summary>
    private static readonly HashSet<string> KnownFiles = new(StringComparer.Ordinal)
    {
        DockerSocket, "/run/docker.sock", "/etc/localtime", "/etc/timezone", "/etc/hosts", "/etc/hostname",
        "/etc/resolv.conf", "/etc/machine-id", "/etc/passwd", "/etc/group", "/etc/shadow", "/proc/cpuinfo", "/proc/meminfo",
    };

    /// <summary>Extensions of files, not folders.</summary>
    private static readonly HashSet<string> FileExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        "json", "yaml", "yml", "xml", "ini", "conf", "cfg", "config", "toml", "properties", "env", "txt", "log", "csv",
        "pem", "crt", "cer", "key", "pfx", "p12", "der", "sh", "py", "js", "db", "sqlite", "so", "sock", "lic", "onnx", "pb",
    };

    /// <summary>Device nodes under /dev whose names are not folders: numbered devices (video0, ttyUSB0) and a few well known.</summary>
    private static readonly HashSet<string> DeviceNodes = new(StringComparer.Ordinal)
    {
        "null", "zero", "random", "urandom", "mem", "kvm", "fuse", "gpiomem", "tun", "console", "ptmx",
    };

    private static readonly Regex Extension = new(@"^[^.].*\.(?<ext>[A-Za-z][A-Za-z0-9]{0,4})$", RegexOptions.CultureInvariant);
    private static readonly string[] BinaryFolders = { "/bin/", "/sbin/", "/usr/bin/", "/usr/sbin/", "/usr/local/bin/" };

    /// <summary>Why the bind of <paramref name="source"/> at <paramref name="target"/> is of a file, or null when it looks like a folder.</summary>
    public static FileJudgement? Judge(string source, string target)
    {
        var paths = new[] { BindSpec.Normalize(source), BindSpec.Normalize(target) };
        if (paths.FirstOrDefault(KnownFiles.Contains) is { } known)
        {
            return new FileJudgement(Certainty.Certain, $"'{known}' is a file on every Linux host");
        }
        if (paths.FirstOrDefault(IsDeviceNode) is { } device)
        {
            return new FileJudgement(Certainty.Likely, $"'{device}' looks like a device node");
        }
        if (paths.FirstOrDefault(p => BinaryFolders.Any(folder => p.StartsWith(folder, StringComparison.Ordinal) && p.IndexOf('/', folder.Length) < 0)) is { } binary)
        {
            return new FileJudgement(Certainty.Likely, $"'{binary}' looks like a program in a bin folder");
        }
        var extensions = paths.Select(ExtensionOf).ToList();
        for (var i = 0; i < paths.Length; i++)
        {
            if (extensions[i] is { } extension && FileExtensions.Contains(extension))
            {
                return new FileJudgement(Certainty.Likely, $"'{paths[i]}' ends in the file extension '.{extension}'");
            }
        }
        if (extensions.All(e => e is not null))
        {
            return new FileJudgement(Certainty.Possible, $"both paths end in what may be a file extension ('.{extensions[0]}', '.{extensions[1]}')");
        }
        return null;
    }

    private static string? ExtensionOf(string path)
    {
        var name = path.Substring(path.LastIndexOf('/') + 1);
        var match = Extension.Match(name);
        return match.Success ? match.Groups["ext"].Value : null;
    }

    private static bool IsDeviceNode(string path)
    {
        if (!path.StartsWith("/dev/", StringComparison.Ordinal))
        {
            return false;
        }
        var name = path.Substring(path.LastIndexOf('/') + 1);
        return name.Length > 0 && (char.IsDigit(name[name.Length - 1]) || DeviceNodes.Contains(name));
    }
}

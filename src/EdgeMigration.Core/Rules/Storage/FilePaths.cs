using System;
using System.Collections.Generic;

namespace EdgeMigration.Core.Rules.Storage;

/// <summary>How a bind was judged to be of a single file, and how sure that is; <paramref name="IsDeviceNode"/> for a node under /dev.</summary>
public sealed record FileJudgement(Certainty Certainty, string Reason, bool IsDeviceNode = false);

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

    private static readonly string[] BinaryFolders = { "/bin/", "/sbin/", "/usr/bin/", "/usr/sbin/", "/usr/local/bin/" };

    /// <summary>Why the bind of <paramref name="source"/> at <paramref name="target"/> is of a file, or null when it looks like a folder.</summary>
    public static FileJudgement? Judge(string source, string target)
    {
        source = BindSpec.Normalize(source);
        target = BindSpec.Normalize(target);
        if (KnownFiles.Contains(source) || KnownFiles.Contains(target))
        {
            return new FileJudgement(Certainty.Certain, $"'{(KnownFiles.Contains(source) ? source : target)}' is a file on every Linux host");
        }
        if (IsDeviceNode(source) || IsDeviceNode(target))
        {
            return new FileJudgement(Certainty.Likely, $"'{(IsDeviceNode(source) ? source : target)}' looks like a device node", IsDeviceNode: true);
        }
        if (IsInBinaryFolder(source) || IsInBinaryFolder(target))
        {
            return new FileJudgement(Certainty.Likely, $"'{(IsInBinaryFolder(source) ? source : target)}' looks like a program in a bin folder");
        }
        if (IsSocket(source) || IsSocket(target))
        {
            return new FileJudgement(Certainty.Likely, $"'{(IsSocket(source) ? source : target)}' looks like a Unix socket");
        }
        var sourceExtension = ExtensionOf(source);
        var targetExtension = ExtensionOf(target);
        if (sourceExtension is not null && FileExtensions.Contains(sourceExtension))
        {
            return new FileJudgement(Certainty.Likely, $"'{source}' ends in the file extension '.{sourceExtension}'");
        }
        if (targetExtension is not null && FileExtensions.Contains(targetExtension))
        {
            return new FileJudgement(Certainty.Likely, $"'{target}' ends in the file extension '.{targetExtension}'");
        }
        if (sourceExtension is not null && targetExtension is not null)
        {
            return new FileJudgement(Certainty.Possible, $"both paths end in what may be a file extension ('.{sourceExtension}', '.{targetExtension}')");
        }
        return null;
    }

    /// <summary>A path directly inside one of <see cref="BinaryFolders"/>.</summary>
    private static bool IsInBinaryFolder(string path)
    {
        foreach (var folder in BinaryFolders)
        {
            if (path.StartsWith(folder, StringComparison.Ordinal) && path.IndexOf('/', folder.Length) < 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The extension of the path's last segment: after its last '.', a letter and up to four letters or digits, where the
    /// name does not start with '.' (a hidden folder). As <c>^[^.].*\.(?&lt;ext&gt;[A-Za-z][A-Za-z0-9]{0,4})$</c> matched, one
    /// final line feed allowed and none before the dot but as the first character; written out, as every bind goes through it.
    /// </summary>
    internal static string? ExtensionOf(string path)
    {
        var nameStart = path.LastIndexOf('/') + 1;
        var end = path.Length > nameStart && path[path.Length - 1] == '\n' ? path.Length - 1 : path.Length;
        if (end - nameStart < 3)
        {
            return null;
        }
        var dot = path.LastIndexOf('.', end - 1, end - nameStart);
        if (dot <= nameStart || path[nameStart] == '.' || path.IndexOf('\n', nameStart + 1, dot - nameStart - 1) >= 0)
        {
            return null;
        }
        var length = end - dot - 1;
        if (length is < 1 or > 5 || !Ascii.IsLetter(path[dot + 1]))
        {
            return null;
        }
        for (var i = dot + 2; i < end; i++)
        {
            if (!Ascii.IsLetterOrDigit(path[i]))
            {
                return null;
            }
        }
        return path.Substring(dot + 1, length);
    }

    /// <summary>A last segment that ends in "_socket", "-socket" or ".socket": Jetson's /tmp/argus_socket, D-Bus's system_bus_socket.</summary>
    private static bool IsSocket(string path)
    {
        var name = path.Substring(path.LastIndexOf('/') + 1);
        return name.Length > "socket".Length && name.EndsWith("socket", StringComparison.OrdinalIgnoreCase) && name[name.Length - "socket".Length - 1] is '_' or '-' or '.';
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

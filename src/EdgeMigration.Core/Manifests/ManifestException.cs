using System;

namespace EdgeMigration.Core.Manifests;

public enum ManifestErrorKind
{
    /// <summary>The text is not JSON (line and column are given).</summary>
    InvalidJson,

    /// <summary>Valid JSON, but none of the accepted manifest shapes.</summary>
    NotAManifest,

    /// <summary>The input could not be read at all (size, encoding, unsupported object).</summary>
    Unreadable,
}

/// <summary>A manifest that cannot be read: what, where (source, line, column) and why.</summary>
public sealed class ManifestException : Exception
{
    public const string AcceptedShapes =
        "a deployment manifest {\"modulesContent\": …}, a bare modulesContent {\"$edgeAgent\": …}, " +
        "an IoT Hub deployment {\"content\": {\"modulesContent\": …}}, a layered deployment " +
        "(\"properties.desired.modules.<id>\" keys), a deployment.template.json, " +
        "or the $edgeAgent module twin {\"properties\": {\"desired\": …}} or its desired properties";

    public ManifestException(ManifestErrorKind kind, string source, string message, long? line = null, long? column = null, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        SourceName = source;
        Line = line;
        Column = column;
    }

    public ManifestErrorKind Kind { get; }

    /// <summary>The file path, or a description of the input ("JSON text", "pipeline object").</summary>
    public string SourceName { get; }

    public long? Line { get; }
    public long? Column { get; }
}

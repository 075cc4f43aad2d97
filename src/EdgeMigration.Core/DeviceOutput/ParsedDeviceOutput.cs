using System.Collections.Generic;

namespace EdgeMigration.Core.DeviceOutput;

/// <summary>The modules read from captured device output, and the lines that were neither table, prompt nor blank.</summary>
public sealed class ParsedDeviceOutput
{
    public ParsedDeviceOutput(IReadOnlyList<ModuleEndpoint> modules, IReadOnlyList<int> skippedLines)
    {
        Modules = modules;
        SkippedLines = skippedLines;
    }

    public IReadOnlyList<ModuleEndpoint> Modules { get; }

    /// <summary>1-based numbers of lines outside any table (a transcript's header, other commands' output).</summary>
    public IReadOnlyList<int> SkippedLines { get; }
}

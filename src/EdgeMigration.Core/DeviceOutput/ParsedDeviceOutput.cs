using System.Collections.Generic;
using System.Linq;

namespace EdgeMigration.Core.DeviceOutput;

/// <summary>
/// What was read from captured device output: its modules and the errors of the rows that could not be read, in
/// input order, and the lines that were neither table, prompt nor blank.
/// </summary>
public sealed class ParsedDeviceOutput
{
    public ParsedDeviceOutput(IReadOnlyList<DeviceOutputEntry> entries, IReadOnlyList<int> skippedLines)
    {
        Entries = entries;
        OtherNamespaceServices = entries.Where(e => e.OtherNamespaceService is not null).Select(e => e.OtherNamespaceService!).ToList();
        SkippedLines = skippedLines;
    }

    /// <summary>Modules and errors as the input has them: one damaged row does not cost the others.</summary>
    public IReadOnlyList<DeviceOutputEntry> Entries { get; }

    /// <summary>The Services of namespaces other than iotedge (kubectl get svc -A), as namespace/name: left out, no modules.</summary>
    public IReadOnlyList<string> OtherNamespaceServices { get; }

    /// <summary>1-based numbers of lines outside any table (a transcript's header, other commands' output).</summary>
    public IReadOnlyList<int> SkippedLines { get; }
}

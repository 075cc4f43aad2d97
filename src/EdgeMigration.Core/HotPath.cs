using System.Runtime.CompilerServices;

namespace EdgeMigration.Core;

/// <summary>
/// How the JSON layer's innermost methods (reading each token, writing each member and string, looking members up by
/// name, the layout cache, the duplicate-key and registry-secret walks) are compiled: fully optimized at their first
/// call. They run for every member of every manifest, and under tiered compilation they ran as unoptimized,
/// instrumented code for most of a run converting thousands of files: the tiering thread, busy with everything else,
/// had not reached them. Only these few methods: compiling one optimized costs more than compiling it plainly, and
/// that cost falls on the first conversion after Import-Module (measured in docs/performance.md).
/// </summary>
internal static class HotPath
{
    /// <summary>MethodImplOptions.AggressiveOptimization, which netstandard2.0 does not name; .NET Framework ignores it.</summary>
    public const MethodImplOptions Optimized = (MethodImplOptions)512;
}

using System;
using System.Globalization;

namespace EdgeMigration.Tests.Properties;

/// <summary>
/// How many generated cases each property checks: 400, or CsCheck_Iter when set (for a longer run). CsCheck picks a
/// new seed each run and, on a failure, prints the seed and the smallest failing case; CsCheck_Seed replays it.
/// </summary>
public static class PropertyRuns
{
    public const long DefaultIterations = 400;

    public static long Iterations { get; } =
        long.TryParse(Environment.GetEnvironmentVariable("CsCheck_Iter"), NumberStyles.None, CultureInfo.InvariantCulture, out var iterations)
            ? iterations
            : DefaultIterations;
}

using System.Collections.Generic;
using System.IO;
using System.Linq;
using EdgeMigration.Fuzz;
using Xunit;

namespace EdgeMigration.Tests.Fuzz;

/// <summary>Every input a fuzzer once crashed on (Fuzz/Crashes), replayed: each must now pass the fuzz target's checks.</summary>
public class FuzzCrashTests
{
    private static string Folder => Path.Combine(TestPaths.RepoRoot, "tests", "EdgeMigration.Core.Tests", "Fuzz", "Crashes");

    public static IEnumerable<object[]> Crashes() =>
        Directory.GetFiles(Folder).Where(f => !f.EndsWith(".md")).OrderBy(f => f, System.StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    [Theory]
    [MemberData(nameof(Crashes))]
    public void AnInputThatOnceCrashedNowPasses(string file) => FuzzTarget.Run(File.ReadAllBytes(Path.Combine(Folder, file)));
}

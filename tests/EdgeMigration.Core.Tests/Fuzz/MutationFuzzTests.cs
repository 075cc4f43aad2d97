using System;
using System.Globalization;
using System.IO;
using System.Linq;
using EdgeMigration.Fuzz;
using Xunit;
using Xunit.Abstractions;

namespace EdgeMigration.Tests.Fuzz;

/// <summary>
/// The CI part of the fuzzing: a fixed-seed run of <see cref="FuzzTarget"/> over mutated corpus manifests, the same
/// inputs every run. EDGEMIGRATION_FUZZ_ITERATIONS and EDGEMIGRATION_FUZZ_SEED make longer or other runs; AFL++
/// (tools/fuzz.sh) explores further. A failing input is written to TestResults/fuzz-failure-*.json and must become a
/// file in Fuzz/Crashes (replayed by <see cref="FuzzCrashTests"/>).
/// </summary>
public class MutationFuzzTests
{
    private readonly ITestOutputHelper _output;

    public MutationFuzzTests(ITestOutputHelper output) => _output = output;

    public const int DefaultIterations = 40_000;

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    [Fact]
    public void MutatedManifestsNeverCrashTheReaderOrTheConverter()
    {
        var seeds = TestPaths.CorpusFiles().Append(Path.Combine(TestPaths.Samples, "fpga-deployment.json"))
            .Select(File.ReadAllBytes).Where(bytes => bytes.Length <= 64 * 1024).ToList();
        var seed = Setting("EDGEMIGRATION_FUZZ_SEED", 20240611);
        var mutator = new Mutator(seed, seeds);
        var outcomes = new int[Enum.GetValues<FuzzOutcome>().Length];
        var iterations = Setting("EDGEMIGRATION_FUZZ_ITERATIONS", DefaultIterations);
        for (var i = 0; i < iterations; i++)
        {
            var input = mutator.Next();
            try
            {
                outcomes[(int)FuzzTarget.Run(input)]++;
            }
            catch (Exception ex)
            {
                var saved = Path.Combine(AppContext.BaseDirectory, $"fuzz-failure-{seed}-{i}.json");
                File.WriteAllBytes(saved, input);
                throw new Xunit.Sdk.XunitException($"Input {i} of seed {seed} (saved as {saved}) failed: {ex}");
            }
        }
        _output.WriteLine($"{iterations} inputs, seed {seed}: " + string.Join(", ", Enum.GetValues<FuzzOutcome>().Select(o => $"{outcomes[(int)o]} {o}")));
        // A run that only met refusals would test nothing past the reader.
        Assert.True(outcomes[(int)FuzzOutcome.Converted] > iterations / 10, "Too few mutated inputs were still manifests.");
    }
}

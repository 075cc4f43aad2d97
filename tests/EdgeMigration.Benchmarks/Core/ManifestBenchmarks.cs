using BenchmarkDotNet.Attributes;
using EdgeMigration.Benchmarks.Inputs;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;

namespace EdgeMigration.Benchmarks.Core;

/// <summary>
/// The cmdlets' cores against the System.Text.Json floor, on the same bytes: (a) <see cref="Floor"/>,
/// (b) <see cref="Check"/> (Test-EdgeModuleCompatibility), (c) <see cref="Convert"/> (ConvertTo-GpuEdgeManifest).
/// </summary>
[MemoryDiagnoser]
public class ManifestBenchmarks
{
    public const string FloorMethod = nameof(Floor);
    public const string ParseMethod = nameof(Parse);
    public const string CheckMethod = nameof(Check);
    public const string ConvertMethod = nameof(Convert);

    private byte[] _manifest = [];

    [ParamsSource(nameof(Inputs))]
    public string Input { get; set; } = ManifestInputs.Small;

    public static string[] Inputs => ManifestInputs.All;

    [GlobalSetup]
    public void Load() => _manifest = ManifestInputs.Load(Input);

    /// <summary>(a) JsonDocument parse of the manifest and of every createOptions, both written back.</summary>
    [Benchmark(Baseline = true)]
    public byte[] Floor() => JsonFloor.RoundTripDocument(_manifest);

    /// <summary>(a') The same with JsonNode, System.Text.Json's editable tree: for context.</summary>
    [Benchmark]
    public byte[] FloorJsonNode() => JsonFloor.RoundTripNodes(_manifest);

    /// <summary>
    /// The module's own reading of the manifest, which (b) and (c) both begin with: what is left of their budgets for the
    /// rules, the fixes and the writing is the target less this.
    /// </summary>
    [Benchmark]
    public ManifestDocument Parse() => ManifestDocument.Parse(_manifest, Input);

    /// <summary>(b) Test-EdgeModuleCompatibility's core.</summary>
    [Benchmark]
    public int Check() => RuleEngine.Check(ManifestDocument.Parse(_manifest, Input)).Count;

    /// <summary>(c) ConvertTo-GpuEdgeManifest's core: it converts the document it has read in place.</summary>
    [Benchmark]
    public byte[] Convert() => ManifestConverter.ConvertInPlace(ManifestDocument.Parse(_manifest, Input)).Manifest.ToBytes();
}

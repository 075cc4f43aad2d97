using System;
using System.IO;
using EdgeMigration.Tests;

namespace EdgeMigration.Benchmarks.Inputs;

/// <summary>The manifests every core benchmark runs on, by name (the benchmark's Input parameter).</summary>
public static class ManifestInputs
{
    /// <summary>The shipped FPGA sample: 3 modules (plus edgeAgent and edgeHub), 3.7 KB.</summary>
    public const string Small = "small";

    /// <summary><see cref="LargeManifest"/>: 50 modules with chunked createOptions.</summary>
    public const string Large = "large";

    /// <summary>A real manifest from the corpus: IoT Edge's connectivity test deployment, 24 modules.</summary>
    public const string Corpus = "corpus";

    public const string CorpusFileName = "Azure__iotedge__e2e_deployment_files__connectivity_deployment.template.json";

    public static readonly string[] All = { Small, Large, Corpus };

    public static byte[] Load(string name) => name switch
    {
        Small => File.ReadAllBytes(Path.Combine(TestPaths.Samples, "fpga-deployment.json")),
        Large => LargeManifest.Create(),
        Corpus => File.ReadAllBytes(TestPaths.CorpusFile(CorpusFileName)),
        _ => throw new ArgumentException($"Unknown input '{name}'; use one of: {string.Join(", ", All)}.", nameof(name)),
    };
}

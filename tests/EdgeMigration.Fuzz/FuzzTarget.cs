using System;
using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;

namespace EdgeMigration.Fuzz;

/// <summary>
/// What every fuzzer checks on any input. Reading gives a manifest or a <see cref="ManifestException"/>, nothing
/// else; a manifest writes back byte for byte, is checked, and converts into a manifest that keeps its modules, reads
/// every createOptions the input could read, leaves no finding the conversion could fix, and converts again with no
/// change to the same bytes. Input that is no manifest is also read as one module's createOptions, as
/// Test-EdgeModuleCompatibility -ModuleName does. Anything else thrown is a crash.
/// </summary>
public static class FuzzTarget
{
    public static FuzzOutcome Run(byte[] input)
    {
        ManifestDocument manifest;
        try
        {
            manifest = ManifestDocument.Parse(input, "fuzz.json");
        }
        catch (ManifestException)
        {
            return RunAsCreateOptions(input);
        }
        Require(manifest.ToBytes().SequenceEqual(input), "the manifest was not written back byte for byte");
        RuleEngine.Check(manifest);
        var first = ManifestConverter.Convert(manifest);
        Require(first.Manifest.Modules.Count == manifest.Modules.Count, "the conversion lost or added modules");
        var broken = manifest.Modules.Zip(first.Manifest.Modules, (before, after) => (before, after))
            .Where(m => m.before.CreateOptions?.Error is null && m.after.CreateOptions?.Error is not null);
        Require(!broken.Any(), "the conversion made createOptions unreadable: " + string.Join("; ", broken.Select(m => m.after.Name + ": " + m.after.CreateOptions!.Error)));
        Require(!first.RemainingFindings.Any(f => f.IsFixable), "a fixable finding remains: " + first.RemainingFindings.FirstOrDefault(f => f.IsFixable));
        var second = ManifestConverter.Convert(first.Manifest);
        Require(second.Changes.Count == 0, "a second conversion changed " + string.Join("; ", second.Changes));
        Require(second.Manifest.ToBytes().SequenceEqual(first.Manifest.ToBytes()), "a second conversion wrote other bytes");
        return FuzzOutcome.Converted;
    }

    private static FuzzOutcome RunAsCreateOptions(byte[] input)
    {
        JNode options;
        try
        {
            options = JDocument.Parse(input).Root;
        }
        catch (JsonReadException)
        {
            return FuzzOutcome.Refused;
        }
        try
        {
            ManifestConverter.Convert(ManifestDocument.FromCreateOptions("fuzz", options, "fuzz.json"));
            return FuzzOutcome.ConvertedAsCreateOptions;
        }
        catch (ManifestException)
        {
            // Not an object: the cmdlet reports it; nothing to convert.
            return FuzzOutcome.Refused;
        }
    }

    private static void Require(bool condition, string failure)
    {
        if (!condition)
        {
            throw new FuzzFailure(failure);
        }
    }
}

/// <summary>What became of a fuzz input.</summary>
public enum FuzzOutcome
{
    /// <summary>Refused with a clear error (not JSON, or JSON that is neither a manifest nor createOptions).</summary>
    Refused,

    /// <summary>Read as a manifest, written back, checked and converted twice.</summary>
    Converted,

    /// <summary>Read as one module's createOptions and converted.</summary>
    ConvertedAsCreateOptions,
}

/// <summary>A property the fuzz target checks did not hold.</summary>
public sealed class FuzzFailure : Exception
{
    public FuzzFailure(string message)
        : base(message)
    {
    }
}

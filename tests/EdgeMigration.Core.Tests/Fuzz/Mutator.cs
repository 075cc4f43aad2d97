using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace EdgeMigration.Tests.Fuzz;

/// <summary>
/// Turns real manifests into hostile ones the way a fuzzer does, but from a seeded <see cref="Random"/> so a run can be
/// repeated. Half the inputs get byte mutations (bit flips, interesting bytes and JSON tokens, deleted, doubled and
/// swapped ranges, splices of two manifests, truncation, deep brackets), which mostly test the reader; the other half
/// get <see cref="TreeMutator"/>'s, which stay JSON and reach the rules and the converter.
/// </summary>
public sealed class Mutator
{
    private static readonly byte[][] Tokens = new[]
    {
        "{", "}", "[", "]", "\"", "\\", ":", ",", "null", "true", "1e400", "-0", "123456789012345678901234567890", "\\u0000", "\\ud800",
        "\"createOptions01\": ", "\"createOptions\": ", "\"$edgeAgent\"", "\"properties.desired\"", "\"modules\": {", "${X}", "$Y", "//", "/*", "*/",
        "\"k8s-experimental\"", "\"HostConfig\"", "\"IpcMode\": \"container:", "\"Env\": [\"A:B=1\"]", "\"registryCredentials\"", "\uFEFF", "é", "😀",
    }.Select(Encoding.UTF8.GetBytes).ToArray();

    private static readonly byte[] InterestingBytes = { 0x00, 0x0A, 0x0D, 0x20, 0x22, 0x5C, 0x7B, 0x7D, 0x5B, 0x5D, 0x7F, 0x80, 0xBF, 0xC0, 0xE0, 0xEF, 0xF0, 0xFE, 0xFF };

    private readonly Random _random;
    private readonly IReadOnlyList<byte[]> _seeds;
    private readonly TreeMutator _tree;

    public Mutator(int seed, IReadOnlyList<byte[]> seeds)
    {
        _random = new Random(seed);
        _seeds = seeds;
        _tree = new TreeMutator(_random, MutateBytes);
    }

    /// <summary>A seed with tree mutations, or with one to eight byte mutations.</summary>
    public byte[] Next()
    {
        var seed = _seeds[_random.Next(_seeds.Count)];
        return (_random.Next(2) == 0 ? _tree.Mutate(seed) : null) ?? MutateBytes(seed);
    }

    private byte[] MutateBytes(byte[] seed)
    {
        var data = new List<byte>(seed);
        for (var n = _random.Next(1, 9); n > 0; n--)
        {
            Mutate(data);
        }
        return data.ToArray();
    }

    private void Mutate(List<byte> data)
    {
        var at = _random.Next(data.Count + 1);
        var length = Math.Min(data.Count - Math.Min(at, data.Count), _random.Next(1, 64));
        switch (_random.Next(9))
        {
            case 0 when at < data.Count:
                data[at] ^= (byte)(1 << _random.Next(8));
                break;
            case 1 when at < data.Count:
                data[at] = InterestingBytes[_random.Next(InterestingBytes.Length)];
                break;
            case 2:
                data.InsertRange(at, Tokens[_random.Next(Tokens.Length)]);
                break;
            case 3:
                data.RemoveRange(Math.Min(at, data.Count), length);
                break;
            case 4:
                data.InsertRange(at, data.GetRange(Math.Min(at, data.Count), length));
                break;
            case 5:
                var other = _seeds[_random.Next(_seeds.Count)];
                var from = _random.Next(other.Length);
                data.RemoveRange(Math.Min(at, data.Count), data.Count - Math.Min(at, data.Count));
                data.AddRange(other.Skip(from));
                break;
            case 6:
                data.RemoveRange(Math.Min(at, data.Count), data.Count - Math.Min(at, data.Count));
                break;
            case 7:
                var depth = _random.Next(200, 300);
                data.InsertRange(at, Enumerable.Repeat((byte)'[', depth).Concat(Enumerable.Repeat((byte)']', depth)));
                break;
            default:
                if (length > 0 && at + 2 * length <= data.Count)
                {
                    var first = data.GetRange(at, length);
                    data.RemoveRange(at, length);
                    data.InsertRange(Math.Min(at + length, data.Count), first);
                }
                break;
        }
    }
}

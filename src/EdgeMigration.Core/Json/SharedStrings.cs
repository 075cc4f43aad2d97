using System;
using System.Runtime.CompilerServices;

namespace EdgeMigration.Core.Json;

/// <summary>
/// Short ASCII member names read from JSON, one string per spelling: a manifest says "HostConfig", "Binds", "Type" or
/// "image" in every module, and reading used to make a new string each time. The table is shared by every thread
/// and document; a slot holds the last spelling hashed to it.
/// </summary>
internal static class SharedStrings
{
    /// <summary>Longer names are rare, and cost more to compare than to copy.</summary>
    public const int MaxLength = 24;

    private const int SlotCount = 2048;

    private static readonly string?[] Slots = new string?[SlotCount];

    /// <summary>
    /// The shared string spelled <paramref name="utf8"/> (text without escape sequences), or null with the
    /// <paramref name="slot"/> to <see cref="Keep"/> it in when it is short ASCII text; -1 otherwise.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    public static string? Find(ReadOnlySpan<byte> utf8, out int slot)
    {
        slot = -1;
        if (utf8.Length > MaxLength)
        {
            return null;
        }
        // FNV-1a over the bytes; text that is not ASCII is not shared.
        var hash = 2166136261u;
        foreach (var b in utf8)
        {
            if (b >= 0x80)
            {
                return null;
            }
            hash = (hash ^ b) * 16777619u;
        }
        slot = (int)(hash & (SlotCount - 1));
        var cached = Slots[slot];
        return cached is not null && Spells(cached, utf8) ? cached : null;
    }

    /// <summary>Shares <paramref name="text"/> from now on. Benign race: a slot always holds some whole string of its hash.</summary>
    public static string Keep(int slot, string text) => slot < 0 ? text : Slots[slot] = text;

    private static bool Spells(string text, ReadOnlySpan<byte> utf8)
    {
        if (text.Length != utf8.Length)
        {
            return false;
        }
        for (var i = 0; i < utf8.Length; i++)
        {
            if (text[i] != utf8[i])
            {
                return false;
            }
        }
        return true;
    }
}

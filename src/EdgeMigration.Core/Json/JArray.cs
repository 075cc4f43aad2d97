using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace EdgeMigration.Core.Json;

/// <summary>An ordered JSON array.</summary>
public sealed class JArray : JNode, IEnumerable<JNode>
{
    private readonly List<JElement> _items = new();

    public JArray()
    {
    }

    public JArray(IEnumerable<JNode> items)
    {
        foreach (var item in items)
        {
            Add(item);
        }
    }

    internal string? Closing { get; set; }

    /// <summary>How many items the container had when read, to tell an empty container from an emptied one.</summary>
    internal int SourceCount { get; set; }

    internal List<JElement> Elements => _items;

    public int Count => _items.Count;

    public JNode this[int index]
    {
        get => _items[index].Value;
        set => _items[index].Value = value;
    }

    public void Add(JNode value) => _items.Add(new JElement(value));

    /// <summary>
    /// Removes an item; the rest reads as if written without it: an item that becomes first or last takes the layout
    /// the removed one had there.
    /// </summary>
    public void RemoveAt(int index)
    {
        var removed = _items[index];
        _items.RemoveAt(index);
        if (index == 0 && _items.Count > 0)
        {
            _items[0].Before = Trivia.FirstItemTrivia(removed.Before, _items[0].Before);
        }
        if (index == _items.Count && index > 0)
        {
            _items[index - 1].After = Trivia.LastItemTrivia(removed.After, _items[index - 1].After);
        }
    }

    public override JNode DeepClone()
    {
        var clone = new JArray { Closing = Closing, SourceCount = SourceCount };
        clone._items.AddRange(_items.Select(e => new JElement(e.Value.DeepClone()) { Before = e.Before, After = e.After }));
        return clone;
    }

    public override bool ValueEquals(JNode? other)
    {
        if (other is not JArray a || a.Count != Count)
        {
            return false;
        }
        for (var i = 0; i < Count; i++)
        {
            if (!this[i].ValueEquals(a[i]))
            {
                return false;
            }
        }
        return true;
    }

    public IEnumerator<JNode> GetEnumerator() => _items.Select(e => e.Value).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

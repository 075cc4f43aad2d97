using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace EdgeMigration.Core.Json;

/// <summary>
/// An ordered JSON object. Duplicate names are kept as written (lossless); lookups see the last one,
/// as JavaScript and most JSON readers do.
/// </summary>
public sealed class JObject : JNode, IEnumerable<JMember>
{
    private readonly List<JMember> _members = new();

    internal string? Closing { get; set; }

    /// <summary>How many items the container had when read, to tell an empty container from an emptied one.</summary>
    internal int SourceCount { get; set; }

    public int Count => _members.Count;

    public IReadOnlyList<JMember> Members => _members;

    /// <summary>The members as the list itself, for the walks over whole documents: no interface call per member.</summary>
    internal List<JMember> MemberList => _members;

    public IEnumerable<string> Names => _members.Select(m => m.Name);

    public JNode? this[string name]
    {
        get => Find(name, StringComparison.Ordinal)?.Value;
        set
        {
            if (value is null)
            {
                Remove(name);
            }
            else
            {
                Set(name, value);
            }
        }
    }

    [MethodImpl(HotPath.Optimized)]
    public JMember? Find(string name, StringComparison comparison = StringComparison.Ordinal)
    {
        for (var i = _members.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_members[i].Name, name, comparison))
            {
                return _members[i];
            }
        }
        return null;
    }

    /// <summary>Docker and the Kubernetes agent match createOptions keys case-insensitively.</summary>
    [MethodImpl(HotPath.Optimized)]
    public JMember? FindIgnoreCase(string name) =>
        Find(name, StringComparison.Ordinal) ?? Find(name, StringComparison.OrdinalIgnoreCase);

    public JNode? GetIgnoreCase(string name) => FindIgnoreCase(name)?.Value;

    public int IndexOf(JMember member) => _members.IndexOf(member);

    /// <summary>Replaces the value of an existing member (keeping its place and trivia) or appends one.</summary>
    public JMember Set(string name, JNode value)
    {
        var existing = Find(name);
        if (existing is not null)
        {
            existing.Value = value;
            return existing;
        }
        return Add(name, value);
    }

    public JMember Add(string name, JNode value) => Insert(_members.Count, name, value);

    public JMember Insert(int index, string name, JNode value)
    {
        var member = new JMember(name, value);
        _members.Insert(index, member);
        return member;
    }

    public bool Remove(string name)
    {
        var member = Find(name);
        return member is not null && Remove(member);
    }

    public bool Remove(JMember member)
    {
        var index = _members.IndexOf(member);
        if (index < 0)
        {
            return false;
        }
        // Each member owns the trivia before it and the object owns the trivia before '}', so removing a member leaves
        // its neighbours' layout intact, but for a member that becomes first or last: it takes the layout the removed one had there.
        _members.RemoveAt(index);
        if (index == 0 && _members.Count > 0)
        {
            _members[0].BeforeName = Trivia.FirstItemTrivia(member.BeforeName, _members[0].BeforeName);
        }
        if (index == _members.Count && index > 0)
        {
            _members[index - 1].AfterValue = Trivia.LastItemTrivia(member.AfterValue, _members[index - 1].AfterValue);
        }
        return true;
    }

    /// <summary>Renames a member in place, keeping its position and value.</summary>
    public void Rename(JMember member, string newName)
    {
        if (!_members.Contains(member))
        {
            throw new ArgumentException("The member does not belong to this object.", nameof(member));
        }
        member.Rename(newName);
    }

    public override JNode DeepClone()
    {
        var clone = new JObject { Closing = Closing, SourceCount = SourceCount };
        foreach (var m in _members)
        {
            clone._members.Add(new JMember(m.Name, m.Value.DeepClone())
            {
                RawName = m.RawName,
                NameVerbatim = m.NameVerbatim,
                Renamed = m.Renamed,
                BeforeName = m.BeforeName,
                AfterName = m.AfterName,
                AfterColon = m.AfterColon,
                AfterValue = m.AfterValue,
            });
        }
        return clone;
    }

    public override bool ValueEquals(JNode? other)
    {
        if (other is not JObject o || o._members.Count != _members.Count)
        {
            return false;
        }
        for (var i = 0; i < _members.Count; i++)
        {
            if (!string.Equals(_members[i].Name, o._members[i].Name, StringComparison.Ordinal) ||
                !_members[i].Value.ValueEquals(o._members[i].Value))
            {
                return false;
            }
        }
        return true;
    }

    public IEnumerator<JMember> GetEnumerator() => _members.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

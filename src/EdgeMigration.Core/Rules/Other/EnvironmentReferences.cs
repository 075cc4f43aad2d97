using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules.Network;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>A variable whose value names modules O2 renames, and the value that names them by their new ids.</summary>
internal sealed record EnvironmentReference(ModuleVariable Variable, IReadOnlyList<string> Ids, string RenamedValue);

/// <summary>
/// Variables that name a module O2 renames: by its id as the whole value (an IoT Hub module identity, as a module that
/// calls another's direct methods holds it: "TargetModuleId": "directMethodReceiver1", compared exactly), or as the
/// host of an address ("http://testResultCoordinator:5001", in any case, as host names are read). They follow the
/// module: a direct method to the old id finds no module once the module is renamed.
/// </summary>
internal sealed class EnvironmentReferences
{
    private readonly IReadOnlyDictionary<string, string> _renames;
    private readonly string[] _ids;
    private readonly Func<string, int, bool> _mayName;
    private readonly Func<string, int, int, string?> _renamedHost;

    /// <param name="renames">Old id → new id of every module renamed.</param>
    public EnvironmentReferences(IReadOnlyDictionary<string, string> renames)
    {
        _renames = renames;
        _ids = renames.Keys.ToArray();
        _mayName = MayName;
        _renamedHost = Renamed;
    }

    /// <summary>Only values that may name a module are read: an id's length, or an address's ':' or '='.</summary>
    private bool MayName(string text, int start)
    {
        if (HostAddresses.MayHoldAddress(text, start))
        {
            return true;
        }
        foreach (var id in _ids)
        {
            if (id.Length == text.Length - start)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The module's variables that name a renamed module, in the order of <see cref="ModuleEnvironment.Variables"/>.</summary>
    public IReadOnlyList<EnvironmentReference> Of(EdgeModule module)
    {
        if (_ids.Length == 0 || module.IsEdgeAgent || ModuleEnvironment.VariablesWithValue(module, _mayName) is not { } candidates)
        {
            return Array.Empty<EnvironmentReference>();
        }
        var references = new List<EnvironmentReference>();
        foreach (var variable in candidates)
        {
            var value = variable.Value!;
            if (_renames.TryGetValue(value, out var newId))
            {
                references.Add(new EnvironmentReference(variable, new[] { value }, newId));
            }
            else if (HostAddresses.MayHoldAddress(value, 0) && HostAddresses.In(value, _renamedHost) is { } addresses)
            {
                references.Add(new EnvironmentReference(variable, addresses.Select(a => a.Target).Distinct(StringComparer.Ordinal).ToList(),
                    WithHostsRenamed(value, addresses)));
            }
        }
        return references;
    }

    /// <summary>The old id that <paramref name="length"/> characters of <paramref name="text"/> name in any case, or null.</summary>
    private string? Renamed(string text, int start, int length)
    {
        foreach (var id in _ids)
        {
            if (HostAddresses.IsHost(text, start, length, id))
            {
                return id;
            }
        }
        return null;
    }

    private string WithHostsRenamed(string value, List<HostAddress<string>> addresses)
    {
        var renamed = new StringBuilder(value.Length + 8);
        var copied = 0;
        foreach (var address in addresses)
        {
            renamed.Append(value, copied, address.HostIndex - copied).Append(_renames[address.Target]);
            copied = address.HostIndex + address.Host.Length;
        }
        return renamed.Append(value, copied, value.Length - copied).ToString();
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using EdgeMigration.Core.DeviceOutput;

namespace EdgeMigration.Infrastructure;

/// <summary>
/// -Name against the names a GPU device shows: each name or wildcard pattern matches as given and as the
/// device sanitizes module ids, so the IoT Hub id <c>webServerApp</c> finds <c>webserverapp</c>.
/// </summary>
internal sealed class DeviceNameFilter
{
    private readonly List<(string Name, NameFilter Filter)> _names;

    public DeviceNameFilter(IEnumerable<string>? names) =>
        _names = (names ?? Enumerable.Empty<string>())
            .Select(name => (name, new NameFilter(new[] { name, ModuleNames.SanitizePattern(name) })))
            .ToList();

    public bool Matches(string deviceName) => _names.Count == 0 || _names.Any(n => n.Filter.Matches(deviceName));

    /// <summary>
    /// The names without wildcards that match none of the device's names, neither as given nor sanitized: those are
    /// errors, as for Get-Process -Name (my_module is found when the device shows mymodule).
    /// </summary>
    public IEnumerable<string> Unmatched(IReadOnlyCollection<string> deviceNames) =>
        _names.Where(n => !WildcardPattern.ContainsWildcardCharacters(n.Name) && !deviceNames.Any(n.Filter.Matches)).Select(n => n.Name);
}

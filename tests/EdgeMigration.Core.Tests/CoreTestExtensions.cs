using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.DeviceOutput;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Tests;

/// <summary>Questions only tests ask of the core's objects: the module itself reads neither.</summary>
public static class CoreTestExtensions
{
    public static EdgeModule? FindModule(this ManifestDocument manifest, string name) =>
        manifest.Modules.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal));

    extension(ParsedDeviceOutput parsed)
    {
        /// <summary>The modules read, in input order (the cmdlet reads <see cref="ParsedDeviceOutput.Entries"/>).</summary>
        public IReadOnlyList<ModuleEndpoint> Modules => parsed.Entries.Where(e => e.Module is not null).Select(e => e.Module!).ToList();

        /// <summary>The rows that could not be read, in input order.</summary>
        public IReadOnlyList<DeviceOutputException> Errors => parsed.Entries.Where(e => e.Error is not null).Select(e => e.Error!).ToList();
    }
}

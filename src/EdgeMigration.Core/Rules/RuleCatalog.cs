using System;
using System.Collections.Generic;
using System.Linq;

namespace EdgeMigration.Core.Rules;

/// <summary>
/// Every rule, in the order ConvertTo-GpuEdgeManifest applies their fixes. A plain list rather than a
/// reflection scan keeps module import fast. Adding a rule: one class file, one line here, its tests.
/// </summary>
public static class RuleCatalog
{
    public static IReadOnlyList<MigrationRule> All { get; } = new MigrationRule[]
    {
        new Other.EnvironmentNameColonRule(),
    };

    public static MigrationRule? Find(string id) =>
        All.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
}

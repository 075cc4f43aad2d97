using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;
using System.Runtime.CompilerServices;
using Xunit;

namespace EdgeMigration.Tests;

/// <summary>
/// Several runbook jobs in one process, as Azure Automation's hybrid workers run them: a RunspacePool converting and
/// checking the same manifests in parallel gives what one runspace gives, because the module keeps no mutable state.
/// </summary>
public class ConcurrencyTests
{
    private const int Jobs = 8;

    /// <summary>Everything a job produces, as text: per manifest its output, changes and remaining findings, then every check.</summary>
    private static string Script(IEnumerable<string> files) =>
        "$files = @(" + string.Join(", ", files.Select(f => "'" + f + "'")) + "); " +
        "ConvertTo-GpuEdgeManifest -LiteralPath $files -WarningAction SilentlyContinue | ForEach-Object { $_.Manifest; $_.ToJson(); $_.Changes | ForEach-Object { \"$_\" }; $_.RemainingFindings | ForEach-Object { \"$_\" } }; " +
        "Test-EdgeModuleCompatibility -LiteralPath $files | ForEach-Object { \"$($_.ModuleName) $($_.Compatible)\"; $_.Findings | ForEach-Object { \"$($_.ManifestPath) $_\" } }; " +
        "Get-EdgeModule -LiteralPath $files | ForEach-Object { \"$($_.Location) $($_.CreateOptionsEncoding) $($_.CreateOptionsError)\" }";

    private static IReadOnlyList<string> Inputs() =>
        TestPaths.CorpusManifests().Select(row => TestPaths.CorpusFile((string)row[0])).Where((_, i) => i % 2 == 0)
            .Append(TestPaths.Samples + "/fpga-deployment.json")
            .ToList();

    [Fact]
    public void ParallelRunspacesGiveWhatOneRunspaceGives()
    {
        var script = Script(Inputs());
        IReadOnlyList<string> alone;
        using (var ps = new PowerShellSession())
        {
            alone = ps.Run(script).AssertNoErrors().Output.Select(o => o.ToString()).ToList();
        }

        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(TestPaths.ModuleManifest);
        using var pool = RunspaceFactory.CreateRunspacePool(state);
        pool.SetMaxRunspaces(4);
        pool.Open();
        var jobs = Enumerable.Range(0, Jobs).Select(_ =>
        {
            var ps = PowerShell.Create();
            ps.RunspacePool = pool;
            ps.AddScript(script);
            return (ps, Handle: ps.BeginInvoke());
        }).ToList();

        foreach (var (ps, handle) in jobs)
        {
            using (ps)
            {
                var output = ps.EndInvoke(handle).Select(o => o.ToString()).ToList();
                Assert.False(ps.HadErrors, string.Join("\n", ps.Streams.Error));
                Assert.Equal(alone, output);
            }
        }
        Assert.True(alone.Count > 1000, $"Only {alone.Count} lines compared.");
    }

    [Fact]
    public void TheModuleHoldsNoStaticStateThatCanChange()
    {
        // The assemblies as the module ships them (this project references neither, as a user's script does not).
        var folder = System.IO.Path.GetDirectoryName(TestPaths.ModuleManifest)!;
        var assemblies = new[] { "EdgeMigration.dll", "EdgeMigration.Core.dll" }.Select(name => Assembly.LoadFrom(System.IO.Path.Combine(folder, name))).ToList();
        var migrationRule = assemblies[1].GetType("EdgeMigration.Core.Rules.MigrationRule", throwOnError: true)!;
        var types = assemblies.SelectMany(a => a.GetTypes()).Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute)) && !t.Name.StartsWith('<')).ToList();
        var all = BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

        // No static field can be reassigned, but one of the thread's own ([ThreadStatic]: a check's cache, which no other pipeline sees).
        var assignable = types.SelectMany(t => t.GetFields(all & ~BindingFlags.Instance))
            .Where(f => !f.IsLiteral && !f.IsInitOnly && !f.IsDefined(typeof(CompilerGeneratedAttribute)) && !f.IsDefined(typeof(ThreadStaticAttribute)))
            .Select(f => f.DeclaringType + "." + f.Name);
        Assert.Empty(assignable);

        // What a script can reach statically is read-only: no arrays, lists, sets or dictionaries it could change.
        var exposed = types.Where(t => t.IsPublic)
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public).Select(f => (Name: t + "." + f.Name, Value: f.GetValue(null)))
                .Concat(t.GetProperties(BindingFlags.Static | BindingFlags.Public).Where(p => p.GetIndexParameters().Length == 0).Select(p => (Name: t + "." + p.Name, Value: p.GetValue(null)))))
            .Where(m => m.Value is Array || (m.Value is IList list && !list.IsReadOnly) || m.Value is IDictionary { IsReadOnly: false } || IsMutableSet(m.Value))
            .Select(m => m.Name);
        Assert.Empty(exposed);

        // Rules are shared by every manifest and runspace: they hold nothing per use.
        var ruleFields = types.Where(t => migrationRule.IsAssignableFrom(t))
            .SelectMany(t => t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(f => f.DeclaringType + "." + f.Name);
        Assert.Empty(ruleFields);
        Assert.True(types.Count(t => migrationRule.IsAssignableFrom(t) && !t.IsAbstract) >= 17);
    }

    private static bool IsMutableSet(object? value) =>
        value?.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ISet<>)) == true;
}

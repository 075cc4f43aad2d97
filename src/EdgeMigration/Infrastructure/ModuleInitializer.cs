using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace EdgeMigration.Infrastructure;

/// <summary>
/// Windows PowerShell 5.1 (.NET Framework) has no System.Text.Json: the module ships the netstandard2.0
/// closure beside itself, and the assemblies in it ask for versions other than the ones shipped
/// (System.Buffers 4.0.2.0 vs 4.0.3.0, Unsafe 4.0.4.1 vs 6.0.0.0). Resolve those names from the module
/// folder, whatever version is asked (YamlDotNet, for -AsYaml, too). On pwsh (.NET) the runtime's own copies are used and nothing is registered.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly string ModuleDirectory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".";

    private static readonly string[] BundledAssemblies =
    {
        "EdgeMigration.Core", "Microsoft.Bcl.AsyncInterfaces", "System.Buffers", "System.Memory",
        "System.Numerics.Vectors", "System.Runtime.CompilerServices.Unsafe", "System.Text.Encodings.Web",
        "System.Text.Json", "System.Threading.Tasks.Extensions", "YamlDotNet",
    };

    private static bool IsNetFramework =>
        typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext") is null;

    public void OnImport()
    {
        if (IsNetFramework)
        {
            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
        }
    }

    public void OnRemove(PSModuleInfo module)
    {
        if (IsNetFramework)
        {
            AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
        }
    }

    private static Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        var name = new AssemblyName(args.Name).Name;
        if (Array.IndexOf(BundledAssemblies, name) < 0)
        {
            return null;
        }
        var path = Path.Combine(ModuleDirectory, name + ".dll");
        return File.Exists(path) ? Assembly.LoadFrom(path) : null;
    }
}

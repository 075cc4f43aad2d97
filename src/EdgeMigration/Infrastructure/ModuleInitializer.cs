using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace EdgeMigration.Infrastructure;

/// <summary>
/// Windows PowerShell 5.1 (.NET Framework) has no System.Text.Json: the module ships the netstandard2.0
/// closure beside itself, and the assemblies in it ask for versions other than the ones shipped
/// (System.Buffers 4.0.2.0 vs 4.0.3.0, Unsafe 4.0.4.1 vs 6.0.0.0). Resolve those names from the module
/// folder, whatever version is asked (YamlDotNet, for -AsYaml, too). On pwsh (.NET) the runtime's own copies are used.
/// On pwsh, the module folder may also hold EdgeMigration.Core precompiled for this platform and .NET
/// (runtimes/&lt;rid&gt;/lib/net&lt;major&gt;.0, see src/EdgeMigration/PlatformModule.targets): it is loaded here, before
/// anything asks for EdgeMigration.Core, so that the module's code runs precompiled instead of waiting for the JIT.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly string ModuleDirectory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".";

    private const string CoreAssembly = "EdgeMigration.Core";

    private static readonly string[] BundledAssemblies =
    {
        CoreAssembly, "Microsoft.Bcl.AsyncInterfaces", "System.Buffers", "System.Memory",
        "System.Numerics.Vectors", "System.Runtime.CompilerServices.Unsafe", "System.Text.Encodings.Web",
        "System.Text.Json", "System.Threading.Tasks.Extensions", "YamlDotNet",
    };

    private static bool IsNetFramework =>
        typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext") is null;

    public void OnImport()
    {
        // The manifest cannot ask for 7.4 of the Core edition alone (PowerShellVersion 5.1 is for Windows PowerShell), so
        // pwsh 7.0 to 7.3 would import the module and fail later, at the first JSON read, with a FileLoadException.
        if (UnsupportedRuntime(IsNetFramework, Environment.Version) is { } why)
        {
            throw new PlatformNotSupportedException(why);
        }
        // Also on .NET: the precompiled core is not beside what it needs that .NET does not have (YamlDotNet), and it may
        // have been loaded by an earlier import of the module that has been removed since.
        AppDomain.CurrentDomain.AssemblyResolve += Resolve;
        if (!IsNetFramework && PrecompiledCore() is { } precompiled && !IsLoaded(CoreAssembly))
        {
            try
            {
                Assembly.LoadFrom(precompiled);
            }
            catch (FileLoadException)
            {
                // Another runspace imported a copy of the module from another folder at the same moment and loaded its
                // core first: that one serves.
            }
        }
    }

    /// <summary>
    /// Why the module cannot run on this .NET, or null: pwsh before 7.4 runs on .NET before 8, whose own System.Text.Json
    /// is older than the 8.0 the module is built against (Windows PowerShell loads the copy beside the module).
    /// </summary>
    internal static string? UnsupportedRuntime(bool netFramework, Version runtime) =>
        !netFramework && runtime.Major < 8
            ? $"EdgeMigration needs PowerShell 7.4 or later, or Windows PowerShell 5.1: this PowerShell runs on .NET {runtime}, and the module needs .NET 8 or later (System.Text.Json 8)."
            : null;

    public void OnRemove(PSModuleInfo module) => AppDomain.CurrentDomain.AssemblyResolve -= Resolve;

    /// <summary>
    /// The copy of EdgeMigration.Core precompiled for this platform and this .NET's major version, if the module has one.
    /// Code precompiled against another .NET is not used: the IL copy beside this assembly serves instead.
    /// </summary>
    private static string? PrecompiledCore()
    {
        var os = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "win"
            : RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? "linux"
            : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "osx" : null;
        var path = Path.Combine(ModuleDirectory, "runtimes", $"{os}-{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}",
            "lib", $"net{Environment.Version.Major}.0", CoreAssembly + ".dll");
        return os is not null && File.Exists(path) ? path : null;
    }

    /// <summary>
    /// True when an assembly of that name is loaded already: PowerShell lists the module's types before calling
    /// <see cref="OnImport"/>, and an exported type with a field of one of the core's value types loads the core then
    /// (the output types read through to the core's objects for that reason).
    /// </summary>
    private static bool IsLoaded(string name) =>
        Array.Exists(AppDomain.CurrentDomain.GetAssemblies(), assembly => assembly.GetName().Name == name);

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

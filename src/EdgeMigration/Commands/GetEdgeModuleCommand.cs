using System.Linq;
using System.Management.Automation;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using EdgeMigration.Infrastructure;

namespace EdgeMigration.Commands;

/// <summary>
/// <para type="synopsis">Lists the modules of IoT Edge manifests, in any shape, with decoded createOptions.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "EdgeModule", DefaultParameterSetName = PathSet)]
[OutputType(typeof(EdgeModuleInfo))]
public sealed class GetEdgeModuleCommand : ManifestInputCmdlet
{
    /// <summary>Module ids to list (wildcards); all modules when omitted. -ModuleName, as the other cmdlets call it, works too.</summary>
    [Parameter(Position = 1)]
    [Alias("ModuleName")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ModuleNameCompleter))]
    public string[]? Name { get; set; }

    protected override void ProcessManifest(ManifestDocument manifest)
    {
        var filter = new NameFilter(Name);
        foreach (var module in manifest.Modules)
        {
            if (!filter.Matches(module.Name))
            {
                continue;
            }
            var info = new EdgeModuleInfo
            {
                Manifest = manifest.SourceName,
                ManifestFile = manifest.File,
                Shape = manifest.Shape.ToString(),
                Name = module.Name,
                IsSystemModule = module.IsSystemModule,
                Type = module.Type,
                Status = module.Status,
                Image = module.Image,
                CreateOptionsEncoding = module.CreateOptions?.Encoding.ToString() ?? nameof(CreateOptionsEncoding.None),
                CreateOptions = module.CreateOptions?.Root is { } root ? PowerShellGraph.FromJson(SecretRedactor.Redact(root, manifest.Secrets), asHashtable: false) : null,
                CreateOptionsError = module.CreateOptions?.Error,
                Location = module.Location,
            };
            foreach (var variable in module.Env)
            {
                info.Env[variable.Name] = variable.Value is null ? null : SecretRedactor.Redact(variable.Value, manifest.Secrets);
            }
            WriteObject(info);
        }
        // A name without wildcards that names no module is an error, as a missing file is.
        var names = manifest.Modules.Select(m => m.Name).ToList();
        foreach (var name in filter.Unmatched(names))
        {
            WriteError(Errors.ModuleNotFound(manifest.SourceName, name, names));
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace EdgeMigration.ModuleBuilder.Packaging;

/// <summary>
/// The nuspec PowerShellGet's Publish-Module writes for a module: id, version, authors, owners, description,
/// release notes, copyright, project and license URLs from the psd1, and its tags followed by the tags
/// PowerShell galleries search by (PSModule, PSEdition_*, PSCmdlet_*, PSCommand_*, PSIncludes_Cmdlet).
/// </summary>
public static class NuspecWriter
{
    private static readonly XNamespace Nuspec = "http://schemas.microsoft.com/packaging/2011/08/nuspec.xsd";

    public static XDocument Write(ModuleManifest manifest) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement(Nuspec + "package",
                new XElement(Nuspec + "metadata",
                    new XElement(Nuspec + "id", manifest.Name),
                    new XElement(Nuspec + "version", manifest.Version),
                    new XElement(Nuspec + "authors", manifest.Author),
                    new XElement(Nuspec + "owners", manifest.CompanyName),
                    new XElement(Nuspec + "requireLicenseAcceptance", "false"),
                    new XElement(Nuspec + "licenseUrl", manifest.LicenseUri),
                    new XElement(Nuspec + "projectUrl", manifest.ProjectUri),
                    new XElement(Nuspec + "description", manifest.Description),
                    new XElement(Nuspec + "releaseNotes", manifest.ReleaseNotes),
                    new XElement(Nuspec + "copyright", manifest.Copyright),
                    new XElement(Nuspec + "tags", string.Join(" ", Tags(manifest)))),
                // Everything in the module folder, at the package's root, as Publish-Module lays it out.
                new XElement(Nuspec + "files", new XElement(Nuspec + "file", new XAttribute("src", "**"), new XAttribute("target", "")))));

    public static IEnumerable<string> Tags(ModuleManifest manifest)
    {
        var tags = manifest.Tags.ToList();
        tags.Add("PSModule");
        tags.AddRange(manifest.CompatiblePSEditions.Select(e => "PSEdition_" + e));
        tags.AddRange(manifest.CmdletsToExport.Select(c => "PSCmdlet_" + c));
        tags.AddRange(manifest.CmdletsToExport.Select(c => "PSCommand_" + c));
        if (manifest.CmdletsToExport.Count > 0)
        {
            tags.Add("PSIncludes_Cmdlet");
        }
        return tags.Distinct(System.StringComparer.OrdinalIgnoreCase);
    }
}

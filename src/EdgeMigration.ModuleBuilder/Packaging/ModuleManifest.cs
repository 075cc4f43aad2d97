using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;

namespace EdgeMigration.ModuleBuilder.Packaging;

/// <summary>The module manifest (psd1), read with PowerShell's parser as Import-PowerShellDataFile reads it.</summary>
public sealed class ModuleManifest
{
    private readonly Hashtable _data;

    private ModuleManifest(string name, Hashtable data)
    {
        Name = name;
        _data = data;
    }

    public string Name { get; }
    public string Version => Text("ModuleVersion");
    public string Author => Text("Author");
    public string CompanyName => Text("CompanyName");
    public string Copyright => Text("Copyright");
    public string Description => Text("Description");
    public IReadOnlyList<string> CompatiblePSEditions => List(_data, "CompatiblePSEditions");
    public IReadOnlyList<string> CmdletsToExport => List(_data, "CmdletsToExport");
    public IReadOnlyList<string> Tags => List(PSData, "Tags");
    public string ProjectUri => PSData["ProjectUri"] as string ?? "";
    public string LicenseUri => PSData["LicenseUri"] as string ?? "";
    public string ReleaseNotes => PSData["ReleaseNotes"] as string ?? "";

    private Hashtable PSData => (_data["PrivateData"] as Hashtable)?["PSData"] as Hashtable ?? new Hashtable();

    public static ModuleManifest Load(string path)
    {
        var ast = Parser.ParseFile(path, out _, out var errors);
        if (errors.Length > 0)
        {
            throw new InvalidDataException($"{path}: {errors[0].Message}");
        }
        var data = ast.Find(a => a is HashtableAst, searchNestedScriptBlocks: false) is HashtableAst table
            ? (Hashtable)table.SafeGetValue()
            : throw new InvalidDataException($"{path} holds no hashtable.");
        return new ModuleManifest(Path.GetFileNameWithoutExtension(path), data);
    }

    private string Text(string key) => _data[key] as string ?? throw new InvalidDataException($"The module manifest has no {key}.");

    private static IReadOnlyList<string> List(Hashtable table, string key) => table[key] switch
    {
        null => Array.Empty<string>(),
        string single => new[] { single },
        IEnumerable many => many.Cast<object>().Select(o => o.ToString()!).ToList(),
        var other => new[] { other.ToString()! },
    };
}

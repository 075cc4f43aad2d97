using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Infrastructure;

/// <summary>The module's ErrorRecords: stable ids, the right categories, the offending input as target.</summary>
internal static class Errors
{
    public static ErrorRecord FileNotFound(string path, Exception? inner) =>
        new(new FileNotFoundException($"Cannot find the manifest file '{path}' because it does not exist.", path, inner),
            "ManifestFileNotFound", ErrorCategory.ObjectNotFound, path);

    public static ErrorRecord PathIsDirectory(string path) =>
        new(new IOException($"'{path}' is a directory; give a manifest file, or pipe the files from Get-ChildItem '{path}' -Filter *.json."),
            "PathIsDirectory", ErrorCategory.InvalidArgument, path);

    public static ErrorRecord InvalidPath(string path, Exception inner) =>
        new(new ArgumentException($"Cannot use '{path}': {inner.Message}", inner), "InvalidManifestPath", ErrorCategory.InvalidArgument, path);

    public static ErrorRecord InvalidJson(ManifestException ex, string target) =>
        new(ex, "InvalidManifestJson", ErrorCategory.ParserError, target);

    public static ErrorRecord NotAManifest(ManifestException ex, object? target) =>
        new(ex, "NotAManifest", ErrorCategory.InvalidData, target);

    public static ErrorRecord Unreadable(ManifestException ex, string target) =>
        new(ex, "ManifestUnreadable", ErrorCategory.ReadError, target);

    /// <summary>
    /// A module id given without wildcards that a manifest does not have: an error, as for a missing file. An id of the
    /// manifest with the same letters and digits is named: a converted manifest has file-mover where the FPGA one had
    /// file_mover (rule O2), and the error would otherwise name the file the user knows has file_mover.
    /// </summary>
    public static ErrorRecord ModuleNotFound(string manifest, string name, IEnumerable<string> modules)
    {
        var alike = modules.FirstOrDefault(module => LettersAndDigits(module) == LettersAndDigits(name));
        return new(new ItemNotFoundException($"{manifest} has no module '{name}'{(alike is null ? "" : $"; it has '{alike}'")}."),
            "ModuleNotFound", ErrorCategory.ObjectNotFound, name);
    }

    private static string LettersAndDigits(string id) => new(id.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    public static ErrorRecord RuleNotFound(string id) =>
        new(new ItemNotFoundException($"There is no migration rule '{id}'. Get-EdgeMigrationRule lists them all."),
            "RuleNotFound", ErrorCategory.ObjectNotFound, id);

    /// <summary>-Rule and -ExcludeRule that together leave no rule to run.</summary>
    public static ErrorRecord NoRuleSelected(string[]? rule, string[]? excludeRule)
    {
        static string Patterns(string[] patterns) => string.Join(", ", patterns.Select(p => "'" + p + "'"));
        var chosen = rule is null ? "-ExcludeRule " + Patterns(excludeRule!)
            : "-Rule " + Patterns(rule) + (excludeRule is null ? "" : " with -ExcludeRule " + Patterns(excludeRule));
        return new(new ArgumentException($"{chosen} leaves no migration rule to run, so nothing would be checked or fixed. " +
                "Get-EdgeMigrationRule lists the rules; several patterns go as a list, not in one string: -Rule S*, N*."),
            "NoRuleSelected", ErrorCategory.InvalidArgument, (object?)rule ?? excludeRule);
    }
}

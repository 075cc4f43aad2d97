using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Rules;
using EdgeMigration.Core.Rules.Other;

namespace EdgeMigration.Infrastructure;

/// <summary>
/// Tab completion of ConvertTo-GpuEdgeManifest -ShareMap: a hashtable of the FPGA Edge local share paths that
/// the manifest in -Path binds (/home/hcsshares/…), each mapped to a GPU share name taken from its folder
/// name, first all together and then one by one. The GPU device's share names are the user's to check.
/// </summary>
public sealed class ShareMapCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var shares = CompletionManifests.Read(fakeBoundParameters)
            .SelectMany(manifest => manifest.Modules)
            .SelectMany(module => module.HostConfig().ArrayOf("Binds")?.OfType<JValue>() ?? Enumerable.Empty<JValue>())
            .Select(bind => SharePath(bind.AsString()))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var typed = (wordToComplete ?? "").Trim();
        var choices = shares.Count > 1 ? new[] { shares }.Concat(shares.Select(s => new List<string> { s })) : shares.Select(s => new List<string> { s });
        return choices
            .Select(Hashtable)
            .Where(text => text.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || "@{".StartsWith(typed, StringComparison.Ordinal))
            .Select(text => new CompletionResult(text, text, CompletionResultType.ParameterValue,
                "FPGA share path = GPU share name; check the names against the shares of your GPU device."))
            .ToList();
    }

    /// <summary>The share folder a bind's source lies in (/home/hcsshares/input for /home/hcsshares/input/sub:/data), or null.</summary>
    private static string? SharePath(string? bind)
    {
        if (bind is null || !bind.StartsWith(DeploymentStrategyRule.FpgaShareRoot, StringComparison.Ordinal))
        {
            return null;
        }
        var source = bind.Split(':')[0];
        var share = source.Substring(DeploymentStrategyRule.FpgaShareRoot.Length).Split('/')[0];
        return share.Length == 0 ? null : DeploymentStrategyRule.FpgaShareRoot + share;
    }

    private static string Hashtable(IEnumerable<string> paths) =>
        "@{ " + string.Join("; ", paths.Select(p => $"'{p.Replace("'", "''")}' = '{ShareName(p)}'")) + " }";

    /// <summary>A GPU share name proposed from the FPGA share's folder: lower case letters and digits.</summary>
    private static string ShareName(string path) =>
        new string(path.Substring(path.LastIndexOf('/') + 1).ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
}

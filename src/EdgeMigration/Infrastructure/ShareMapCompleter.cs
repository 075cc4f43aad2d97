using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Rules;
using EdgeMigration.Core.Rules.Storage;

namespace EdgeMigration.Infrastructure;

/// <summary>
/// Tab completion of ConvertTo-GpuEdgeManifest -ShareMap: a hashtable of the shares that the manifest in -Path
/// binds (FPGA Edge share paths, /home/hcsshares/…, and Docker volume names), each mapped to the GPU share name
/// the conversion would take without a map (rule S2), first all together and then one by one, for the user to
/// change into the names of the GPU device's shares.
/// </summary>
public sealed class ShareMapCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var shares = CompletionManifests.Read(fakeBoundParameters)
            .SelectMany(manifest => manifest.Modules)
            .SelectMany(module => module.HostConfig().ArrayOf("Binds")?.OfType<JValue>() ?? Enumerable.Empty<JValue>())
            .Select(bind => bind.AsString() is { } text ? ShareMapping.Default.Find(BindSpec.Parse(text)) : null)
            .OfType<ShareMatch>()
            .Where(match => !match.IsShareRoot)
            .GroupBy(match => match.MappedFrom, StringComparer.Ordinal)
            .Select(group => new KeyValuePair<string, string>(group.Key, group.First().Share))
            .ToList();
        return HashtableCompletions.Of(shares, wordToComplete,
            "FPGA share = GPU share name; change the names to the shares of your GPU device.");
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.ModuleBuilder.Markdown;

namespace EdgeMigration.ModuleBuilder.Help;

/// <summary>A parameter's ```yaml block: the simple "Key: value" pairs platyPS knows, and no others.</summary>
public static class ParameterYaml
{
    public static ParameterMetadata Read(MarkdownBlock block, string path)
    {
        if (!block.Language.Equals("yaml", StringComparison.OrdinalIgnoreCase))
        {
            throw new HelpSchemaException(path, block.Line, "A parameter's metadata is a ```yaml block.");
        }
        var metadata = new ParameterMetadata();
        var lines = block.Text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            // The fence is on block.Line; the block's text starts on the next line.
            var lineNumber = block.Line + 1 + index;
            if (line.Trim().Length == 0)
            {
                continue;
            }
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                throw new HelpSchemaException(path, lineNumber, $"Expected 'Key: value', not '{line}'.");
            }
            var value = line.Substring(colon + 1).Trim();
            switch (line.Substring(0, colon).Trim().ToLowerInvariant())
            {
                case "type": metadata.Type = value; break;
                case "parameter sets": metadata.ParameterSets.AddRange(List(value)); break;
                case "aliases": metadata.Aliases.AddRange(List(value)); break;
                case "accepted values": metadata.AcceptedValues.AddRange(List(value)); break;
                case "required": metadata.Required = IsTrue(value); break;
                case "position": metadata.Position = value; break;
                case "default value": metadata.DefaultValue = value; break;
                case "accept pipeline input": metadata.PipelineInput = value; break;
                case "accept wildcard characters": metadata.AcceptWildcardCharacters = IsTrue(value); break;
                default: throw new HelpSchemaException(path, lineNumber, $"Unknown key '{line.Substring(0, colon).Trim()}' (platyPS knows Type, Parameter Sets, Aliases, Accepted values, Required, Position, Default value, Accept pipeline input, Accept wildcard characters).");
            }
        }
        return metadata;
    }

    private static bool IsTrue(string value) => value.Equals("True", StringComparison.OrdinalIgnoreCase);

    /// <summary>platyPS writes "None" for an empty list.</summary>
    private static IEnumerable<string> List(string value) =>
        value.Equals("None", StringComparison.OrdinalIgnoreCase) ? Enumerable.Empty<string>()
            : value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0);
}

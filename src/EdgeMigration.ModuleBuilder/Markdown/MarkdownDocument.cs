using System.Collections.Generic;

namespace EdgeMigration.ModuleBuilder.Markdown;

/// <summary>A markdown file: its YAML front matter (simple key: value pairs) and its blocks.</summary>
public sealed record MarkdownDocument(string Path, IReadOnlyDictionary<string, string> Metadata, IReadOnlyList<MarkdownBlock> Blocks);

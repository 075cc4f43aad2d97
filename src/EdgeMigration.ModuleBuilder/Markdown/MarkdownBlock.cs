namespace EdgeMigration.ModuleBuilder.Markdown;

public enum MarkdownBlockKind
{
    Heading,
    Paragraph,
    Code,
}

/// <summary>
/// One block of a markdown file as platyPS sees it: a heading (with its level), a paragraph (its lines as
/// written, joined by '\n'), or a fenced code block (with its language, possibly empty).
/// </summary>
public sealed record MarkdownBlock(MarkdownBlockKind Kind, string Text, int Line, int Level = 0, string Language = "");

namespace EdgeMigration.Core.Rules;

/// <summary>
/// Text of a deployment template or a how-to example that stands for something else until it is filled in:
/// <c>$VAR</c>, <c>${VAR}</c>, <c>&lt;share name&gt;</c>. Rules judge such values only once they are expanded.
/// </summary>
public static class TemplateText
{
    public static bool HasPlaceholder(string text) => text.IndexOf('$') >= 0 || text.IndexOf('<') >= 0;
}

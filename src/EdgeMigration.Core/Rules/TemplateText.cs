using EdgeMigration.Core.Json;

namespace EdgeMigration.Core.Rules;

/// <summary>
/// Text of a deployment template or a how-to example that stands for something else until it is filled in:
/// <c>$VAR</c>, <c>${VAR}</c>, <c>&lt;share name&gt;</c>. Rules judge such values only once they are expanded.
/// </summary>
public static class TemplateText
{
    private const string MarkerStart = "__";

    public static bool HasPlaceholder(string text) => text.IndexOf('$') >= 0 || text.IndexOf('<') >= 0;

    /// <summary>A JSON value that stands for another: a string holding a placeholder, or one written bare (<c>"limits": ${LIMITS}</c>).</summary>
    public static bool IsPlaceholder(JNode value) =>
        value is JValue { Kind: JValueKind.Placeholder } || (value is JValue { IsString: true } text && HasPlaceholder(text.Text));

    /// <summary>
    /// True for a module id that stands for the real one: a placeholder, or a marker that a notebook or script replaces
    /// as text before it deploys the template (<c>__MODULE_NAME</c>, <c>__AML_MODULE_NAME</c> in Azure Machine
    /// Learning's IoT Edge templates: two underscores, then capitals, digits and underscores).
    /// </summary>
    public static bool IsPlaceholderId(string id) => HasPlaceholder(id) || IsReplacementMarker(id);

    private static bool IsReplacementMarker(string id)
    {
        if (id.Length <= MarkerStart.Length || !id.StartsWith(MarkerStart, System.StringComparison.Ordinal))
        {
            return false;
        }
        var hasLetter = false;
        foreach (var c in id)
        {
            if (c is >= 'A' and <= 'Z')
            {
                hasLetter = true;
            }
            else if (c != '_' && !Ascii.IsDigit(c))
            {
                return false;
            }
        }
        return hasLetter;
    }
}

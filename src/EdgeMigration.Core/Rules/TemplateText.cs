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
    /// A JSON value that a template fills in whole: a bare placeholder (<c>"Binds": ${BINDS}</c>), or a string that is one
    /// placeholder and nothing else (<c>"${ENV}"</c>, <c>"$ENV"</c>, <c>"&lt;binds&gt;"</c>). A string with text around one,
    /// such as <c>"PATH=$PATH:/bin"</c>, is that string still once expanded.
    /// </summary>
    public static bool StandsForValue(JNode value) =>
        value is JValue { Kind: JValueKind.Placeholder } || (value is JValue { IsString: true } text && IsWholePlaceholder(text.Text));

    /// <summary>What a check and the preview say of a value that <see cref="StandsForValue"/> where <paramref name="expected"/> belongs.</summary>
    public static string PendingMessage(string location, JNode value, string expected) =>
        $"{location} {value.ToCompactJson()} is a template placeholder where {expected} belongs; what it holds is known only once the template is expanded.";

    public const string PendingAdvice = "Check the expanded manifest.";

    private static bool IsWholePlaceholder(string text)
    {
        if (text.Length >= 3 && text[0] == '$' && text[1] == '{')
        {
            return text.IndexOf('}') == text.Length - 1;
        }
        if (text.Length >= 2 && text[0] == '<')
        {
            return text.IndexOf('>') == text.Length - 1;
        }
        if (text.Length < 2 || text[0] != '$')
        {
            return false;
        }
        // $VAR: a name and nothing after it ("$A.B" is $A then ".B", as shells and iotedgedev expand it; ${MODULES.name} has braces).
        for (var i = 1; i < text.Length; i++)
        {
            if (!(Ascii.IsLetterOrDigit(text[i]) || text[i] == '_'))
            {
                return false;
            }
        }
        return true;
    }

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

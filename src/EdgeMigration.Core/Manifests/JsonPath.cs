using System.Text.RegularExpressions;

namespace EdgeMigration.Core.Manifests;

/// <summary>JSONPath-style locations (<c>$.modulesContent['$edgeAgent'].modules.web</c>) for messages and findings.</summary>
public static class JsonPath
{
    public const string Root = "$";

    private static readonly Regex Identifier = new("^[A-Za-z_][A-Za-z0-9_-]*$", RegexOptions.CultureInvariant);

    /// <summary>The path of member <paramref name="name"/> under <paramref name="parent"/>; an empty parent gives a relative path.</summary>
    public static string Member(string parent, string name)
    {
        if (Identifier.IsMatch(name))
        {
            return parent.Length == 0 ? name : parent + "." + name;
        }
        return parent + "['" + name.Replace("\\", "\\\\").Replace("'", "\\'") + "']";
    }

    public static string Index(string parent, int index) => parent + "[" + index + "]";
}

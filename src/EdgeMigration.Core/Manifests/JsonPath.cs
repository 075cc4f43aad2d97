namespace EdgeMigration.Core.Manifests;

/// <summary>JSONPath-style locations (<c>$.modulesContent['$edgeAgent'].modules.web</c>) for messages and findings.</summary>
public static class JsonPath
{
    public const string Root = "$";

    /// <summary>The path of member <paramref name="name"/> under <paramref name="parent"/>; an empty parent gives a relative path.</summary>
    public static string Member(string parent, string name)
    {
        if (IsIdentifier(name))
        {
            return parent.Length == 0 ? name : parent + "." + name;
        }
        return parent + "['" + Bracketed(name) + "']";
    }

    /// <summary>A name as written between <c>['</c> and <c>']</c>: backslashes and single quotes escaped.</summary>
    public static string Bracketed(string name) => name.Replace("\\", "\\\\").Replace("'", "\\'");

    /// <summary>[A-Za-z_][A-Za-z0-9_-]*: written after a dot; other names are quoted in brackets.</summary>
    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(Ascii.IsLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }
        foreach (var c in name)
        {
            if (!(Ascii.IsLetterOrDigit(c) || c == '_' || c == '-'))
            {
                return false;
            }
        }
        return true;
    }

    public static string Index(string parent, int index) => parent + "[" + index + "]";
}

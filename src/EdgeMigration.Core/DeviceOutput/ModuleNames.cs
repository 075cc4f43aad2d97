using System.Linq;

namespace EdgeMigration.Core.DeviceOutput;

/// <summary>How the device's edgeAgent turns an IoT Hub module id into the Kubernetes name iotedge list and kubectl show.</summary>
public static class ModuleNames
{
    private const int MaxLength = 253;
    private const string WildcardCharacters = "*?[]";

    /// <summary>Lower case, characters outside [a-z0-9-.] dropped, at most 253 characters: <c>webServerApp</c> → <c>webserverapp</c>.</summary>
    public static string Sanitize(string moduleId)
    {
        var name = Keep(moduleId, keepWildcards: false);
        return name.Length > MaxLength ? name.Substring(0, MaxLength) : name;
    }

    /// <summary>A wildcard pattern for module ids sanitized the same way, wildcard characters kept: <c>my_Mod*</c> → <c>mymod*</c>.</summary>
    public static string SanitizePattern(string pattern) => Keep(pattern, keepWildcards: true);

    private static string Keep(string text, bool keepWildcards) =>
        new(text.ToLowerInvariant().Where(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '.' ||
                                               keepWildcards && WildcardCharacters.IndexOf(c) >= 0).ToArray());
}

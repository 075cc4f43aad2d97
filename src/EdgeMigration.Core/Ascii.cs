namespace EdgeMigration.Core;

/// <summary>
/// Character classes of the ASCII range, as the formats the module reads define them (names, paths, ports,
/// quantities); char.IsLetter and char.IsDigit would also take letters and digits of other scripts.
/// </summary>
internal static class Ascii
{
    public static bool IsDigit(char c) => c >= '0' && c <= '9';

    public static bool IsLowerLetter(char c) => c >= 'a' && c <= 'z';

    public static bool IsLetter(char c) => IsLowerLetter(c) || (c >= 'A' && c <= 'Z');

    public static bool IsLetterOrDigit(char c) => IsLetter(c) || IsDigit(c);

    public static bool IsLowerLetterOrDigit(char c) => IsLowerLetter(c) || IsDigit(c);
}

using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace EdgeMigration.Core.DeviceOutput;

/// <summary>A line of captured output, trailing white space removed, with its 1-based number.</summary>
internal readonly record struct SourceLine(int Number, string Text)
{
    // "[10.100.10.10]: PS>iotedge list", "PS C:\> …", "PS /home/me> …": a prompt, not output; so are the prompts of the
    // shells kubectl runs in on a client: "me@host:~$ …", "[me@host ~]$ …", "me@host ~ % …", "$ …". No row starts so.
    private static readonly Regex Prompt = new(
        @"^\s*((\[[^\]]*\]:\s*)?PS(\s[^>]*)?>|\[?[\w.-]+@[\w.-]+[:\s][^\s$#%]*\s?[$#%](\s|$)|[$#%](\s|$))",
        RegexOptions.CultureInvariant);

    public bool IsBlank => Text.Length == 0;

    public bool IsPrompt => Prompt.IsMatch(Text);

    /// <summary>Splits on CRLF, LF or CR; a leading byte order mark and trailing spaces (CRLF leftovers, padding) go.</summary>
    public static List<SourceLine> Split(string text)
    {
        var lines = new List<SourceLine>();
        var parts = Regex.Split(text.TrimStart('\uFEFF'), "\r\n|\n|\r");
        for (var i = 0; i < parts.Length; i++)
        {
            lines.Add(new SourceLine(i + 1, parts[i].TrimEnd()));
        }
        return lines;
    }
}

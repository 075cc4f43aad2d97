using System;

namespace EdgeMigration.ModuleBuilder.Markdown;

/// <summary>A markdown file that does not follow the platyPS schema; the message names the file and line as MSBuild reports errors.</summary>
public sealed class HelpSchemaException : Exception
{
    public HelpSchemaException(string path, int line, string message)
        : base($"{path}({line}): error EMHELP: {message}")
    {
        Path = path;
        Line = line;
    }

    public string Path { get; }
    public int Line { get; }
}

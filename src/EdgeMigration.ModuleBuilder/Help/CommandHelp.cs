using System.Collections.Generic;

namespace EdgeMigration.ModuleBuilder.Help;

/// <summary>A cmdlet's help as its platyPS markdown (schema 2.0.0) states it.</summary>
public sealed class CommandHelp
{
    public string Name { get; set; } = "";
    public string SourcePath { get; set; } = "";

    /// <summary>The front matter's "external help file": the MAML file this help goes into.</summary>
    public string ExternalHelpFile { get; set; } = "";

    public string? OnlineVersion { get; set; }
    public string Synopsis { get; set; } = "";
    public List<SyntaxBlock> Syntax { get; } = new();
    public List<string> Description { get; } = new();
    public List<HelpExample> Examples { get; } = new();
    public List<ParameterHelp> Parameters { get; } = new();

    /// <summary>True when the markdown has the "### CommonParameters" entry.</summary>
    public bool SupportsCommonParameters { get; set; }

    public List<TypeHelp> Inputs { get; } = new();
    public List<TypeHelp> Outputs { get; } = new();
    public List<string> Notes { get; } = new();
    public List<HelpLink> Links { get; } = new();
}

/// <summary>One "### Set (Default)" entry of SYNTAX: platyPS ignores its text when it writes MAML.</summary>
public sealed record SyntaxBlock(string ParameterSetName, bool IsDefault, string Text);

public sealed class HelpExample
{
    public string Title { get; set; } = "";

    /// <summary>Paragraphs before the first code block.</summary>
    public List<string> Introduction { get; } = new();

    /// <summary>The command and, in blocks of their own, its output.</summary>
    public List<CodeSample> Code { get; } = new();

    /// <summary>Paragraphs after the first code block.</summary>
    public List<string> Remarks { get; } = new();
}

public sealed record CodeSample(string Language, string Text);

public sealed class ParameterHelp
{
    public string Name { get; set; } = "";
    public List<string> Description { get; } = new();

    /// <summary>One entry per ```yaml block: a parameter whose attributes differ between parameter sets has several.</summary>
    public List<ParameterMetadata> Metadata { get; } = new();
}

/// <summary>A ```yaml block of a parameter, with platyPS's keys.</summary>
public sealed class ParameterMetadata
{
    public const string AllParameterSets = "(All)";

    public string Type { get; set; } = "";
    public List<string> ParameterSets { get; } = new();
    public List<string> Aliases { get; } = new();
    public List<string> AcceptedValues { get; } = new();
    public bool Required { get; set; }

    /// <summary>"0", "1"… or "Named".</summary>
    public string Position { get; set; } = "Named";

    public string DefaultValue { get; set; } = "None";

    /// <summary>"False", "True (ByValue)", "True (ByPropertyName)" or "True (ByValue, ByPropertyName)".</summary>
    public string PipelineInput { get; set; } = "False";

    public bool AcceptWildcardCharacters { get; set; }

    public bool IsSwitch => Type is "SwitchParameter" or "Switch";
}

public sealed record TypeHelp(string TypeName, List<string> Description);

/// <summary>A related link; Uri is empty for links to other help topics by name.</summary>
public sealed record HelpLink(string Text, string Uri);

using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace EdgeMigration.ModuleBuilder.Help;

/// <summary>
/// Writes cmdlet help as MAML, element for element as platyPS 0.14's New-ExternalHelp does, so that
/// Get-Help shows the same text whichever of the two built the file.
/// </summary>
public static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    private static readonly XNamespace MSHelp = "http://msdn.microsoft.com/mshelp";

    public static XDocument Write(IEnumerable<CommandHelp> commands) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems", new XAttribute("schema", "maml"), commands.Select(CommandElement)));

    private static XElement CommandElement(CommandHelp help)
    {
        var dash = help.Name.IndexOf('-');
        return new XElement(Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XAttribute(XNamespace.Xmlns + "MSHelp", MSHelp),
            new XElement(Command + "details",
                new XElement(Command + "name", help.Name),
                new XElement(Command + "verb", dash > 0 ? help.Name.Substring(0, dash) : help.Name),
                new XElement(Command + "noun", dash > 0 ? help.Name.Substring(dash + 1) : ""),
                new XElement(Maml + "description", Paras(new[] { help.Synopsis }))),
            new XElement(Maml + "description", Paras(help.Description)),
            new XElement(Command + "syntax", ParameterSets.Names(help).Select(set => SyntaxItem(help, set))),
            new XElement(Command + "parameters", help.Parameters.Select(p => Parameter(p, p.Metadata[0], inSyntax: false))),
            new XElement(Command + "inputTypes", help.Inputs.Select(i => TypeEntry("inputType", i))),
            new XElement(Command + "returnValues", help.Outputs.Select(o => TypeEntry("returnValue", o))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paras(help.Notes))),
            new XElement(Command + "examples", help.Examples.Select(Example)),
            new XElement(Command + "relatedLinks", RelatedLinks(help).Select(Link)));
    }

    private static XElement SyntaxItem(CommandHelp help, string set) =>
        new(Command + "syntaxItem",
            new XElement(Maml + "name", help.Name),
            ParameterSets.Members(help, set).Select(p => Parameter(p.Parameter, p.Metadata, inSyntax: true)));

    private static XElement Parameter(ParameterHelp parameter, ParameterMetadata metadata, bool inSyntax) =>
        new(Command + "parameter",
            new XAttribute("required", metadata.Required ? "true" : "false"),
            new XAttribute("variableLength", "true"),
            new XAttribute("globbing", metadata.AcceptWildcardCharacters ? "true" : "false"),
            new XAttribute("pipelineInput", metadata.PipelineInput),
            new XAttribute("position", metadata.Position.ToLowerInvariant()),
            new XAttribute("aliases", metadata.Aliases.Count > 0 ? string.Join(", ", metadata.Aliases) : "none"),
            new XElement(Maml + "name", parameter.Name),
            new XElement(Maml + "description", Paras(parameter.Description)),
            inSyntax && metadata.AcceptedValues.Count > 0
                ? new XElement(Command + "parameterValueGroup", metadata.AcceptedValues.Select(v =>
                    new XElement(Command + "parameterValue", new XAttribute("required", "false"), new XAttribute(Command + "variableLength", "false"), v)))
                : null,
            // As platyPS and PowerShell's own help: a switch shows no value in the syntax.
            !inSyntax || !metadata.IsSwitch
                ? new XElement(Command + "parameterValue", new XAttribute("required", metadata.IsSwitch ? "false" : "true"), new XAttribute("variableLength", "false"), MamlType(metadata))
                : null,
            new XElement(Dev + "type", new XElement(Maml + "name", MamlType(metadata)), new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue", metadata.IsSwitch && metadata.DefaultValue == "None" ? "False" : metadata.DefaultValue));

    private static string MamlType(ParameterMetadata metadata) => metadata.IsSwitch ? "SwitchParameter" : metadata.Type;

    private static XElement TypeEntry(string element, TypeHelp type) =>
        new(Command + element,
            new XElement(Dev + "type", new XElement(Maml + "name", type.TypeName)),
            new XElement(Maml + "description", Paras(type.Description)));

    private static XElement Example(HelpExample example) =>
        new(Command + "example",
            new XElement(Maml + "title", PadTitle(example.Title)),
            new XElement(Dev + "code", string.Join("\n\n", example.Code.Select(c => c.Text))),
            new XElement(Dev + "remarks", Paras(example.Introduction.Concat(example.Remarks))));

    /// <summary>
    /// The markdown's links, after the front matter's "online version" as platyPS puts it first: the link
    /// Get-Help -Online opens.
    /// </summary>
    public static IEnumerable<HelpLink> RelatedLinks(CommandHelp help) =>
        help.OnlineVersion is null ? help.Links : new[] { new HelpLink(OnlineVersionText, help.OnlineVersion) }.Concat(help.Links);

    public const string OnlineVersionText = "Online Version:";

    /// <summary>Links to other topics by name have no URI: Get-Help lists them by name.</summary>
    private static XElement Link(HelpLink link) =>
        new(Maml + "navigationLink",
            new XElement(Maml + "linkText", link.Text),
            new XElement(Maml + "uri", System.Uri.TryCreate(link.Uri, System.UriKind.Absolute, out _) ? link.Uri : ""));

    private static IEnumerable<XElement> Paras(IEnumerable<string> paragraphs) =>
        paragraphs.Select(p => new XElement(Maml + "para", p));

    /// <summary>"--------- Example 1: … ---------", 64 characters wide, as platyPS writes titles.</summary>
    private static string PadTitle(string title)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Length >= 62)
        {
            return title;
        }
        var dashes = new string('-', (64 - title.Length - 2) / 2);
        return $"{dashes} {title} {dashes}";
    }
}

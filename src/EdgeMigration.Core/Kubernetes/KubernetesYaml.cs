using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Rules;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>
/// A rendering as multi-document YAML, the way kubectl prints objects ("---" between documents, keys in order,
/// sequences not indented under their key), written with YamlDotNet's emitter. Each module's part starts with
/// comments: what it is called on the device, what it drops and why, what keeps its pod from starting, and the
/// objects its pod refers to.
/// </summary>
public static class KubernetesYaml
{
    /// <summary>
    /// Strings YAML 1.1 or 1.2 would read back as something else (numbers, Booleans, null, dates): they are quoted.
    /// Plain-looking text such as "500m" or "nginx:stable" stays plain, as kubectl prints it.
    /// </summary>
    private static readonly Regex NotPlainText = new(
        @"^([-+]?\.?[0-9][0-9a-fA-FxXoO._:+-]*|[-+]?\.?(inf|Inf|INF|nan|NaN|NAN)|~|null|Null|NULL|[yY]|[nN]|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*|=|<<)$",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// Characters YAML 1.1 readers (PyYAML among them) take for line breaks: in a comment, the rest of the line would be
    /// read as YAML. Written as escapes instead.
    /// </summary>
    private static readonly char[] YamlLineBreaks = { '\u0085', '\u2028', '\u2029' };

    public static string Write(KubernetesRendering rendering)
    {
        using var text = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(text, new EmitterSettings().WithBestWidth(int.MaxValue).WithNewLine("\n"));
        emitter.Emit(new StreamStart());
        foreach (var module in rendering.Modules)
        {
            foreach (var line in Comments(module))
            {
                emitter.Emit(new Comment(WithoutLineBreaks(line), false));
            }
            foreach (var resource in module.Resources.Where(r => !r.IsReference))
            {
                emitter.Emit(new DocumentStart(null, null, false));
                EmitNode(emitter, resource.Object);
                emitter.Emit(new DocumentEnd(true));
            }
        }
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static IEnumerable<string> Comments(ModuleRendering module)
    {
        yield return $"Module '{module.ModuleName}' runs as " +
                     (TemplateText.IsPlaceholderId(module.ModuleName) ? $"the id that replaces this placeholder, sanitized (named '{module.KubernetesName}' here)" : $"'{module.KubernetesName}'") +
                     (module.Resources.Count == 0 ? ": nothing is deployed for it." : module.Fails ? ": NOT DEPLOYED, see below."
                         : module.Starts ? "." : ": deployed, but DOES NOT START, see below.");
        foreach (var dropped in module.Dropped)
        {
            var effect = dropped.Effect switch { DropEffect.Fails => "FAILS", DropEffect.Pending => "pending", _ => "dropped" };
            yield return $"  {effect} {Naming(dropped.Location, dropped.Reason)}";
        }
        foreach (var problem in module.StartProblems)
        {
            yield return $"  DOES NOT START (rule {problem.RuleId}): {Naming(problem.Location, problem.Message)}";
        }
        foreach (var reference in module.Resources.Where(r => r.IsReference))
        {
            yield return reference.Kind switch
            {
                "Secret" => $"  The pod pulls its image with Secret '{reference.Name}', which the agent makes from the registry credential (not shown).",
                "ServiceAccount" => $"  The pod runs as ServiceAccount '{reference.Name}', which the agent does not create while a Deployment is refused (rule K19).",
                _ => $"  The pod mounts {reference.Kind} '{reference.Name}', which must exist on the device (an Edge share).",
            };
        }
    }

    /// <summary>
    /// The text, after the setting's location unless the text names it already, as most do. A text that begins with the
    /// location's last steps (<c>requests['nvidia.com/gpu']</c>) gets the whole location there, so that it is said once.
    /// </summary>
    private static string Naming(string location, string text)
    {
        if (location.Length == 0 || text.StartsWith(location, System.StringComparison.Ordinal))
        {
            return text;
        }
        for (var step = location.IndexOf('.'); step >= 0; step = location.IndexOf('.', step + 1))
        {
            var lastSteps = location.Substring(step + 1);
            // Two steps at least (a member and its index or key): a text that begins with one word is not naming the setting.
            if (lastSteps.IndexOfAny(StepSeparators) > 0 && text.StartsWith(lastSteps, System.StringComparison.Ordinal))
            {
                return location.Substring(0, step + 1) + text;
            }
        }
        return location + ": " + text;
    }

    private static readonly char[] StepSeparators = { '.', '[' };

    private static void EmitNode(IEmitter emitter, JNode node)
    {
        switch (node)
        {
            case JObject obj:
                emitter.Emit(new MappingStart(null, null, true, obj.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var member in obj.Members)
                {
                    EmitString(emitter, member.Name);
                    EmitNode(emitter, member.Value);
                }
                emitter.Emit(new MappingEnd());
                break;
            case JArray array:
                emitter.Emit(new SequenceStart(null, null, true, array.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in array)
                {
                    EmitNode(emitter, item);
                }
                emitter.Emit(new SequenceEnd());
                break;
            case JValue { Kind: JValueKind.String or JValueKind.Placeholder } text:
                EmitString(emitter, text.Text);
                break;
            case JValue value:
                emitter.Emit(new Scalar(null, null, value.Text, ScalarStyle.Plain, true, false));
                break;
        }
    }

    private static string WithoutLineBreaks(string line)
    {
        if (line.IndexOfAny(YamlLineBreaks) < 0)
        {
            return line;
        }
        var text = new System.Text.StringBuilder(line.Length + 10);
        foreach (var c in line)
        {
            text.Append(System.Array.IndexOf(YamlLineBreaks, c) >= 0 ? "\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString());
        }
        return text.ToString();
    }

    /// <summary>
    /// A string scalar: plain when it cannot be read back as another type, quoted otherwise. Tabs are quoted too: YAML
    /// allows them in plain text, but PyYAML, which tools that read the preview may use, does not. So are line breaks
    /// other than '\n', and line feeds alone: in the block scalar the emitter would choose they read back as '\n' or as
    /// nothing, and quoted they are escaped.
    /// </summary>
    private static void EmitString(IEmitter emitter, string text)
    {
        var plain = text.Trim('\n').Length > 0 && text.IndexOf('\t') < 0 && text.IndexOf('\r') < 0 && text.IndexOfAny(YamlLineBreaks) < 0 && !NotPlainText.IsMatch(text);
        emitter.Emit(new Scalar(null, null, text, plain ? ScalarStyle.Any : ScalarStyle.DoubleQuoted, plain, true));
    }
}

using System.Collections.Generic;
using System.Management.Automation;

namespace EdgeMigration.Infrastructure;

/// <summary>
/// A manifest's warnings and verbose messages about its modules, each text once: words the same for several modules
/// (K19's another module's refused Deployment, in every module it keeps from starting) come as one message naming
/// them all, "file: [rule ]edgeHub, a, b: text", in the order of their first module, instead of one per module.
/// </summary>
internal sealed class ModuleMessages
{
    private readonly string _source;
    private readonly List<Message> _messages = new();

    public ModuleMessages(string source) => _source = source;

    /// <summary>Adds <paramref name="text"/> about <paramref name="module"/> (none: about the manifest), after <paramref name="ruleId"/> when given.</summary>
    public void Add(bool warning, string? ruleId, string? module, string text)
    {
        foreach (var message in _messages)
        {
            if (message.IsWarning == warning && message.RuleId == ruleId && message.Text == text && module is not null && message.Modules.Count > 0)
            {
                message.Modules.Add(module);
                return;
            }
        }
        _messages.Add(new Message(warning, ruleId, text, module is null ? new List<string>() : new List<string> { module }));
    }

    public void WriteTo(Cmdlet cmdlet)
    {
        foreach (var message in _messages)
        {
            var subject = string.Join(" ", new[] { message.RuleId, string.Join(", ", message.Modules) }).Trim();
            var line = subject.Length == 0 ? $"{_source}: {message.Text}" : $"{_source}: {subject}: {message.Text}";
            if (message.IsWarning)
            {
                cmdlet.WriteWarning(line);
            }
            else
            {
                cmdlet.WriteVerbose(line);
            }
        }
        _messages.Clear();
    }

    private sealed class Message
    {
        public Message(bool isWarning, string? ruleId, string text, List<string> modules)
        {
            IsWarning = isWarning;
            RuleId = ruleId;
            Text = text;
            Modules = modules;
        }

        public bool IsWarning { get; }
        public string? RuleId { get; }
        public string Text { get; }
        public List<string> Modules { get; }
    }
}

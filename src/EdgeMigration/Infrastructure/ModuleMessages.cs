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

    /// <summary>The messages about modules by stream, rule and text: a large manifest has hundreds, each looked up once.</summary>
    private readonly Dictionary<(bool Warning, string? RuleId, string Text), Message> _aboutModules = new();

    public ModuleMessages(string source) => _source = source;

    /// <summary>Adds <paramref name="text"/> about <paramref name="module"/> (none: about the manifest), after <paramref name="ruleId"/> when given.</summary>
    public void Add(bool warning, string? ruleId, string? module, string text)
    {
        if (module is null)
        {
            _messages.Add(new Message(warning, ruleId, text));
            return;
        }
        if (!_aboutModules.TryGetValue((warning, ruleId, text), out var message))
        {
            _aboutModules[(warning, ruleId, text)] = message = new Message(warning, ruleId, text);
            _messages.Add(message);
        }
        message.Modules.Add(module);
    }

    public void WriteTo(Cmdlet cmdlet)
    {
        foreach (var message in _messages)
        {
            var modules = string.Join(", ", message.Modules);
            var subject = message.RuleId is null ? modules : modules.Length == 0 ? message.RuleId : message.RuleId + " " + modules;
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
        _aboutModules.Clear();
    }

    private sealed class Message
    {
        public Message(bool isWarning, string? ruleId, string text)
        {
            IsWarning = isWarning;
            RuleId = ruleId;
            Text = text;
        }

        public bool IsWarning { get; }
        public string? RuleId { get; }
        public string Text { get; }
        public List<string> Modules { get; } = new();
    }
}

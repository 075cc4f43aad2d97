using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text.RegularExpressions;

namespace EdgeMigration.Shell;

/// <summary>A non-interactive host: output, warnings, verbose and debug text to stdout, errors to stderr, as pwsh writes them.</summary>
internal sealed class ConsoleHost : PSHost
{
    private readonly ConsoleUserInterface _ui = new();

    public bool WroteErrors => _ui.WroteErrors;
    public override string Name => "EdgeMigration.Shell";
    public override Version Version => new(1, 0);
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override PSHostUserInterface UI => _ui;
    public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;
    public override void EnterNestedPrompt() => throw new NotSupportedException();
    public override void ExitNestedPrompt() => throw new NotSupportedException();
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }
    public override void SetShouldExit(int exitCode) { }
}

internal sealed class ConsoleUserInterface : PSHostUserInterface
{
    // As pwsh does for redirected output (and NO_COLOR): no ANSI escape sequences in files and pipes.
    private static readonly bool PlainText = Console.IsOutputRedirected || Environment.GetEnvironmentVariable("NO_COLOR") is not null;
    private static readonly Regex AnsiSequence = new("\u001b\\[[0-9;?]*[ -/]*[@-~]", RegexOptions.Compiled);

    private readonly ConsoleRawUserInterface _raw = new();

    public bool WroteErrors { get; private set; }
    public override PSHostRawUserInterface RawUI => _raw;

    public override void Write(string value) => Console.Out.Write(Render(value));
    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Console.Out.Write(Render(value));
    public override void WriteLine(string value) => Console.Out.WriteLine(Render(value));
    public override void WriteErrorLine(string value)
    {
        WroteErrors = true;
        Console.Error.WriteLine(Render(value));
    }
    // pwsh writes only errors to stderr: what `pwsh -Command ... > out.txt` puts in the file holds the warnings too.
    public override void WriteWarningLine(string message) => Console.Out.WriteLine("WARNING: " + Render(message));
    public override void WriteVerboseLine(string message) => Console.Out.WriteLine("VERBOSE: " + Render(message));
    public override void WriteDebugLine(string message) => Console.Out.WriteLine("DEBUG: " + Render(message));

    private static string Render(string text) => PlainText ? AnsiSequence.Replace(text, "") : text;
    public override void WriteProgress(long sourceId, ProgressRecord record) { }

    // Non-interactive: anything that would prompt fails, as pwsh -NonInteractive does.
    public override string ReadLine() => throw NotInteractive();
    public override SecureString ReadLineAsSecureString() => throw NotInteractive();
    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw NotInteractive();
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw NotInteractive();
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw NotInteractive();
    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) => throw NotInteractive();

    private static PSInvalidOperationException NotInteractive() =>
        new("EdgeMigration.Shell is non-interactive; pass the values as parameters (for example -Confirm:$false or -Force).");
}

internal sealed class ConsoleRawUserInterface : PSHostRawUserInterface
{
    // pwsh formats for its terminal's width, 80 columns without one; redirected, this host formats for 120, the
    // width the documented output is written for (what pwsh shows in a terminal of 120 columns).
    private static int Width => int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var c) && c > 20 ? c
        : Console.IsOutputRedirected ? 120 : Math.Max(Console.WindowWidth, 80);

    public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;
    public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;
    public override Size BufferSize { get => new(Width, 9999); set { } }
    public override Coordinates CursorPosition { get; set; }
    public override int CursorSize { get; set; }
    public override bool KeyAvailable => false;
    public override Size MaxPhysicalWindowSize => new(Width, 9999);
    public override Size MaxWindowSize => new(Width, 9999);
    public override Coordinates WindowPosition { get; set; }
    public override Size WindowSize { get => new(Width, 50); set { } }
    public override string WindowTitle { get; set; } = "EdgeMigration";
    public override void FlushInputBuffer() { }
    public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();
    public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException();
    public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) { }
    public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }
    public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }
}

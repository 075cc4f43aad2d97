using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EdgeMigration.Core.Json;

namespace EdgeMigration.Core.Manifests;

/// <summary>How a module's createOptions are written in the manifest.</summary>
public enum CreateOptionsEncoding
{
    /// <summary>No createOptions (absent, null, empty, whitespace or "null").</summary>
    None,

    /// <summary>One JSON string, as in deployment manifests and twins.</summary>
    String,

    /// <summary>A JSON string split across createOptions, createOptions01, createOptions02…</summary>
    Chunked,

    /// <summary>A JSON object, as in deployment templates.</summary>
    Object,
}

/// <summary>Why createOptions cannot be decoded.</summary>
public enum CreateOptionsErrorKind
{
    None,

    /// <summary>The text is not valid JSON.</summary>
    InvalidJson,

    /// <summary>Valid JSON, but not an object.</summary>
    NotAnObject,

    /// <summary>The pieces cannot be joined: a gap, a piece twice, a piece that is not a string, or pieces beside an object.</summary>
    BrokenPieces,

    /// <summary>
    /// A template placeholder stands for the whole createOptions (<c>"createOptions": "${CREATE_OPTIONS}"</c>, or written
    /// bare): what they hold is known once the template is expanded.
    /// </summary>
    Placeholder,
}

/// <summary>
/// A module's Docker createOptions, decoded from whichever encoding the manifest uses, and written back in
/// that same encoding when changed.
/// </summary>
public sealed class CreateOptions
{
    /// <summary>The edgeAgent splits createOptions into pieces of this many UTF-16 characters.</summary>
    public const int PieceLength = 512;

    /// <summary>IoT Hub's limit for one twin string, in UTF-8 bytes; longer createOptions must be split.</summary>
    public const int TwinStringLimitBytes = 4096;

    /// <summary>VS Code's IoT Edge tools and iotedgedev stop at 8 pieces (createOptions07): 4K characters.</summary>
    public const int ToolsPieceLimit = 8;

    /// <summary>The runtime joins createOptions … createOptions99: at most 100 pieces, 51,200 characters.</summary>
    public const int RuntimePieceLimit = 100;

    private readonly JObject _settings;
    private JDocument? _document;
    private readonly bool _preferObject;

    /// <summary>The piece members, and their values, as last decoded or written: while they are there unchanged, so are these options.</summary>
    private List<(JMember Member, JNode Value)> _pieces = new();

    internal CreateOptions(JObject settings, string settingsPath, bool preferObject)
    {
        _settings = settings;
        _preferObject = preferObject;
        Location = JsonPath.Member(settingsPath, "createOptions");
        Decode();
    }

    public CreateOptionsEncoding Encoding { get; private set; }

    /// <summary>The decoded options object; null when there are none or they are not valid JSON.</summary>
    public JObject? Root { get; private set; }

    /// <summary>The createOptions text as the runtime sees it (pieces joined); null for the object encoding.</summary>
    public string? Text { get; private set; }

    /// <summary>The names of the pieces in the manifest, in order (createOptions, createOptions01, …).</summary>
    public IReadOnlyList<string> PieceNames { get; private set; } = Array.Empty<string>();

    /// <summary>Why the createOptions cannot be decoded, or null.</summary>
    public string? Error { get; private set; }

    public CreateOptionsErrorKind ErrorKind { get; private set; }

    /// <summary>Where the createOptions live in the manifest.</summary>
    public string Location { get; private set; }

    /// <summary>The options object to edit, creating an empty one when the module has none.</summary>
    public JObject GetOrCreateRoot()
    {
        if (Root is not null)
        {
            return Root;
        }
        if (Error is not null)
        {
            throw new InvalidOperationException("createOptions at " + Location + " cannot be edited: " + Error);
        }
        var root = new JObject();
        if (_preferObject)
        {
            Encoding = CreateOptionsEncoding.Object;
            _settings.Set("createOptions", root);
        }
        else
        {
            Encoding = CreateOptionsEncoding.String;
            _document = new JDocument(root, JsonStyle.Compact);
            Text = "";
        }
        Root = root;
        return root;
    }

    /// <summary>
    /// Writes edits of <see cref="Root"/> back into the manifest in the input's encoding: an object stays an
    /// object, a string stays a string (split only when over IoT Hub's limit), pieces are re-split by the
    /// same 512-character rule. Text too long for the runtime's 100 pieces stays one string (which K5 reports) rather
    /// than pieces past createOptions99 that nothing reads. Returns true when the manifest changed.
    /// </summary>
    public bool Commit()
    {
        if (Root is null || _document is null || Encoding == CreateOptionsEncoding.Object)
        {
            return false;
        }
        var text = _document.ToJson();
        if (string.Equals(text, Text, StringComparison.Ordinal))
        {
            return false;
        }
        var split = Encoding == CreateOptionsEncoding.Chunked || System.Text.Encoding.UTF8.GetByteCount(text) > TwinStringLimitBytes;
        var pieces = split ? Split(text) : new List<string> { text };
        if (pieces.Count > RuntimePieceLimit)
        {
            pieces = new List<string> { text };
        }
        WritePieces(pieces);
        Text = text;
        Encoding = pieces.Count > 1 ? CreateOptionsEncoding.Chunked : CreateOptionsEncoding.String;
        return true;
    }

    /// <summary>
    /// These options again for the module whose settings are <paramref name="settings"/> at <paramref name="settingsPath"/>
    /// (its id may have changed), when nothing has touched the pieces since they were decoded or last committed: the
    /// options are then what the pieces say, with this object's edits not yet committed on top, as before.
    /// </summary>
    internal CreateOptions? KeptFor(JObject settings, string settingsPath)
    {
        if (!ReferenceEquals(settings, _settings) || !PiecesUnchanged())
        {
            return null;
        }
        Location = JsonPath.Member(settingsPath, "createOptions");
        return this;
    }

    private bool PiecesUnchanged()
    {
        var index = 0;
        foreach (var member in _settings.Members)
        {
            if (IsPieceName(member.Name))
            {
                if (index >= _pieces.Count || !ReferenceEquals(_pieces[index].Member, member) || !ReferenceEquals(_pieces[index].Value, member.Value))
                {
                    return false;
                }
                index++;
            }
        }
        return index == _pieces.Count;
    }

    private List<JMember> PieceMembers()
    {
        var pieces = new List<JMember>();
        foreach (var member in _settings.MemberList)
        {
            if (IsPieceName(member.Name))
            {
                pieces.Add(member);
            }
        }
        return pieces;
    }

    /// <summary>Written out rather than with LINQ: a query that makes tuples is compiled anew for them by the JIT.</summary>
    private static List<(JMember Member, JNode Value)> Snapshot(List<JMember> pieces)
    {
        var snapshot = new List<(JMember Member, JNode Value)>(pieces.Count);
        foreach (var piece in pieces)
        {
            snapshot.Add((piece, piece.Value));
        }
        return snapshot;
    }

    /// <summary>Splits by the edgeAgent's rule (512 UTF-16 characters, or <paramref name="pieceLength"/> as other tools split), never inside a surrogate pair.</summary>
    public static List<string> Split(string text, int pieceLength = PieceLength)
    {
        var pieces = new List<string>();
        var start = 0;
        while (start < text.Length || pieces.Count == 0)
        {
            var length = Math.Min(pieceLength, text.Length - start);
            if (start + length < text.Length && char.IsHighSurrogate(text[start + length - 1]))
            {
                length--;
            }
            pieces.Add(text.Substring(start, length));
            start += length;
        }
        return pieces;
    }

    /// <summary>createOptions or createOptions + two digits, in any case (as the edgeAgent reads them).</summary>
    private static bool IsPieceName(string name) =>
        (name.Length == PieceBaseName.Length || (name.Length == PieceBaseName.Length + 2 && Ascii.IsDigit(name[name.Length - 2]) && Ascii.IsDigit(name[name.Length - 1]))) &&
        string.Compare(name, 0, PieceBaseName, 0, PieceBaseName.Length, StringComparison.OrdinalIgnoreCase) == 0;

    private const string PieceBaseName = "createOptions";

    public static string PieceNameFor(int index) =>
        index < RuntimePieceLimit ? PieceNames100[index] : PieceBaseName + index.ToString("00", CultureInfo.InvariantCulture);

    /// <summary>createOptions, createOptions01 … createOptions99: written for every piece of every module a conversion rewrites.</summary>
    private static readonly string[] PieceNames100 = PieceNamesUpTo(RuntimePieceLimit);

    private static string[] PieceNamesUpTo(int count)
    {
        var names = new string[count];
        names[0] = PieceBaseName;
        for (var i = 1; i < count; i++)
        {
            names[i] = PieceBaseName + i.ToString("00", CultureInfo.InvariantCulture);
        }
        return names;
    }

    /// <summary>
    /// Puts the text back as pieces. Escaping works at two levels here: the options text is a document of its own, whose
    /// new strings <see cref="_document"/> spells with the escapes that text uses; each piece is a manifest string, which
    /// the manifest's writer spells like the piece it replaces (or, for a piece the text grew by, like the first piece
    /// before), else with the manifest's escapes. The outer level is what the user sees (<c>\u0026</c>, <c>\/</c> in the
    /// manifest): the inner text holds escapes only where the manifest escaped a backslash (<c>\\u0026</c>), and those
    /// are what the inner level keeps.
    /// </summary>
    private void WritePieces(List<string> pieces)
    {
        var existing = PieceMembers();
        var anchor = existing.Count > 0 ? _settings.IndexOf(existing[existing.Count - 1]) + 1 : _settings.Count;
        var firstPiece = existing.Count > 0 ? existing[0].Value : null;
        for (var i = 0; i < pieces.Count; i++)
        {
            var name = PieceNameFor(i);
            var member = existing.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
            if (member is not null)
            {
                member.Value = JValue.String(pieces[i]);
                existing.Remove(member);
            }
            else
            {
                _settings.Insert(anchor, name, JValue.String(pieces[i]).SpelledLike(firstPiece));
            }
            anchor = _settings.IndexOf(_settings.Find(name, StringComparison.OrdinalIgnoreCase)!) + 1;
        }
        foreach (var stale in existing)
        {
            _settings.Remove(stale);
        }
        PieceNames = pieces.Select((_, i) => PieceNameFor(i)).ToList();
        _pieces = Snapshot(PieceMembers());
    }

    private void Decode()
    {
        var pieces = PieceMembers();
        _pieces = Snapshot(pieces);
        PieceNames = pieces.Select(m => m.Name).ToList();
        // A lone null is no options, as an absent createOptions is.
        if (pieces.Count == 0 || (pieces.Count == 1 && pieces[0].Value is JValue { Kind: JValueKind.Null }))
        {
            Encoding = CreateOptionsEncoding.None;
            return;
        }
        var first = pieces.FirstOrDefault(m => m.Name.Length == "createOptions".Length);
        if (first?.Value is JObject obj)
        {
            Encoding = CreateOptionsEncoding.Object;
            Root = obj;
            if (pieces.Count > 1)
            {
                Fail(CreateOptionsErrorKind.BrokenPieces, "createOptions is an object but numbered pieces (" + string.Join(", ", pieces.Skip(1).Select(p => p.Name)) + ") exist beside it");
            }
            return;
        }
        Encoding = pieces.Count > 1 ? CreateOptionsEncoding.Chunked : CreateOptionsEncoding.String;
        if (pieces.Count == 1 && pieces[0].Value is JValue whole && Rules.TemplateText.StandsForValue(whole))
        {
            Text = whole.IsString ? whole.Text : null;
            Fail(CreateOptionsErrorKind.Placeholder, $"createOptions {whole.ToCompactJson()} is a template placeholder");
            return;
        }
        var text = JoinPieces(pieces);
        if (text is null)
        {
            return;
        }
        Text = text;
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed == "null")
        {
            return;
        }
        try
        {
            // The agent reads createOptions with Newtonsoft.Json, which takes a comma after the last item (by design,
            // JamesNK/Newtonsoft.Json#818); such createOptions deploy, so they are read as the agent reads them.
            _document = JDocument.ParseAllowingTrailingCommas(text);
        }
        catch (JsonReadException ex)
        {
            Fail(CreateOptionsErrorKind.InvalidJson, "createOptions is not valid JSON (" + ex.Message + ")");
            return;
        }
        if (_document.Root is JObject root)
        {
            Root = root;
        }
        else
        {
            Fail(CreateOptionsErrorKind.NotAnObject, "createOptions must be a JSON object, not " + Describe(_document.Root));
            _document = null;
        }
    }

    /// <summary>Joins the pieces as the edgeAgent does, or sets <see cref="Error"/> and returns null.</summary>
    private string? JoinPieces(List<JMember> pieces)
    {
        // By number: createOptions is 0, createOptionsNN is NN (piece names have two digits, so 100 slots).
        var byNumber = new JMember?[RuntimePieceLimit];
        var last = 0;
        foreach (var piece in pieces)
        {
            var name = piece.Name;
            var number = name.Length == PieceBaseName.Length ? 0 : (name[name.Length - 2] - '0') * 10 + (name[name.Length - 1] - '0');
            if (byNumber[number] is not null)
            {
                Fail(CreateOptionsErrorKind.BrokenPieces, "createOptions piece " + name + " appears twice");
                return null;
            }
            byNumber[number] = piece;
            last = Math.Max(last, number);
        }
        var texts = new string[pieces.Count];
        for (var number = 0; number <= last; number++)
        {
            if (byNumber[number] is not { } piece)
            {
                var next = number + 1;
                while (byNumber[next] is null)
                {
                    next++;
                }
                Fail(CreateOptionsErrorKind.BrokenPieces, "createOptions pieces have a gap: " + PieceNameFor(number) + " is missing before " + byNumber[next]!.Name);
                return null;
            }
            if (piece.Value is not JValue { Kind: JValueKind.String } value)
            {
                Fail(CreateOptionsErrorKind.BrokenPieces, piece.Name + " must be a string, not " + Describe(piece.Value));
                return null;
            }
            texts[number] = value.Text;
        }
        // One allocation of the joined length; most createOptions are one piece, which is the text itself.
        return texts.Length == 1 ? texts[0] : string.Concat(texts);
    }

    private void Fail(CreateOptionsErrorKind kind, string error)
    {
        ErrorKind = kind;
        Error = error;
    }

    internal static string Describe(JNode node) => node switch
    {
        JObject => "an object",
        JArray => "an array",
        JValue { Kind: JValueKind.String } => "a string",
        JValue { Kind: JValueKind.Number } => "a number",
        JValue { Kind: JValueKind.Null } => "null",
        JValue { Kind: JValueKind.Placeholder } v => "the placeholder " + v.Text,
        _ => "a Boolean",
    };
}

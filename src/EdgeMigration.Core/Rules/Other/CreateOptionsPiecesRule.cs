using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Core.Rules.Other;

/// <summary>
/// K5: createOptions split into pieces (createOptions, createOptions01, …) are joined in order by the runtime, which
/// fails on a gap, a repeated piece or a piece that is not a string: an error, since the module is not deployed.
/// Long createOptions also meet the tools' limit (8 pieces of 512 characters) and IoT Hub's 4 KB per twin string:
/// warnings, since other ways of deploying still work; past the runtime's 100 pieces nothing can deploy them: an error,
/// as are pieces numbered past createOptions99, which the runtime never reads.
/// </summary>
public sealed class CreateOptionsPiecesRule : ModuleRule
{
    private static readonly Regex PastTheRuntime = new("^createOptions[0-9]{3,}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public override string Id => "K5";
    public override string Title => "createOptions pieces and size limits";
    public override Severity DefaultSeverity => Severity.Warning;
    public override string Section => "other-differences";

    protected override void CheckModule(EdgeModule module, ManifestDocument manifest, List<Finding> findings)
    {
        var options = module.CreateOptions;
        if (options is null)
        {
            return;
        }
        List<JMember>? unread = null;
        foreach (var member in module.Settings!.Members)
        {
            if (PastTheRuntime.IsMatch(member.Name))
            {
                (unread ??= new List<JMember>()).Add(member);
            }
        }
        if (unread is not null)
        {
            findings.Add(Finding(module, JsonPath.Member("settings", unread[0].Name),
                $"{unread.Count} createOptions piece(s) past createOptions99 ({unread[0].Name} to {unread[unread.Count - 1].Name}) are never read: the runtime joins createOptions to createOptions99 only, so the module does not get its whole createOptions.",
                $"Shorten the createOptions to at most {CreateOptions.RuntimePieceLimit} pieces of {CreateOptions.PieceLength} characters.", Severity.Error, inDefinition: true));
        }
        if (options.ErrorKind == CreateOptionsErrorKind.BrokenPieces)
        {
            findings.Add(Finding(module, "",
                $"The module's {options.Error}; the runtime cannot join the pieces, so the module is not deployed.",
                "Number the pieces createOptions, createOptions01, createOptions02… without gaps, each a string.", Severity.Error));
            return;
        }
        var text = options.Text ?? options.Root?.ToCompactJson();
        const int toolsLimit = CreateOptions.ToolsPieceLimit * CreateOptions.PieceLength;
        const int runtimeLimit = CreateOptions.RuntimePieceLimit * CreateOptions.PieceLength;
        if (text is not null && text.Length > runtimeLimit)
        {
            findings.Add(Finding(module, "",
                $"createOptions are {text.Length} characters; the runtime joins at most {CreateOptions.RuntimePieceLimit} pieces of {CreateOptions.PieceLength} (createOptions to createOptions99, {runtimeLimit} characters), so the module is not deployed.",
                "Shorten them: settings the GPU device ignores can go, and long values (scripts, certificates) belong in the image or a share.", Severity.Error));
        }
        else if (text is not null && text.Length > toolsLimit)
        {
            findings.Add(Finding(module, "",
                $"createOptions are {text.Length} characters; the VS Code IoT Edge tools and iotedgedev stop at {CreateOptions.ToolsPieceLimit} pieces of {CreateOptions.PieceLength} ({toolsLimit} characters).",
                "Shorten them (settings the GPU device ignores can go), or deploy with the az CLI or Az.IotHub, whose runtime reads up to createOptions99."));
        }
        foreach (var name in options.PieceNames)
        {
            if (module.Settings?.Find(name)?.Value is JValue { IsString: true } piece && Encoding.UTF8.GetByteCount(piece.Text) > CreateOptions.TwinStringLimitBytes)
            {
                findings.Add(Finding(module, JsonPath.Member("settings", name),
                    $"{name} is {Encoding.UTF8.GetByteCount(piece.Text)} bytes; IoT Hub rejects a twin string over {CreateOptions.TwinStringLimitBytes} bytes.",
                    $"Split it into pieces of {CreateOptions.PieceLength} characters (ConvertTo-GpuEdgeManifest does when it rewrites the module's createOptions).",
                    inDefinition: true));
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Rules.Network;
using EdgeMigration.Core.Rules.Other;
using EdgeMigration.Core.Rules.Resources;
using EdgeMigration.Core.Rules.Storage;
using Xunit;

namespace EdgeMigration.Tests.Rules;

/// <summary>
/// Matchers that every bind, port, quantity, route and written string goes through are written out for speed; each
/// must answer exactly as the regular expression (or encoder) it replaced, which these tests keep as the oracle, on
/// every string of the characters that matter up to a length.
/// </summary>
public class WrittenOutMatcherTests
{
    [Fact]
    public void WindowsPathsAsTheExpressionFoundThem()
    {
        var expression = new Regex(@"(^|:)([A-Za-z]:[\\/]|\\\\)|\\", RegexOptions.CultureInvariant);
        AssertSame(Strings("aC:/\\x.\n", 6), text => expression.IsMatch(text), BindSpec.IsWindowsPath);
    }

    [Fact]
    public void FileExtensionsAsTheExpressionFoundThem()
    {
        var expression = new Regex(@"^[^.].*\.(?<ext>[A-Za-z][A-Za-z0-9]{0,4})$", RegexOptions.CultureInvariant);
        string? Old(string path)
        {
            var match = expression.Match(path.Substring(path.LastIndexOf('/') + 1));
            return match.Success ? match.Groups["ext"].Value : null;
        }
        AssertSame(Strings("ab.1/\nZ", 7), Old, FilePaths.ExtensionOf);
    }

    [Fact]
    public void PortKeysAsTheAgentReadsThem()
    {
        // The agent's PortAndProtocol.Parse, which checks no port range and takes TCP when no protocol is written; and
        // whether Docker read the key as a port without a protocol.
        var protocols = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["TCP"] = "tcp", ["UDP"] = "udp", ["SCTP"] = "sctp" };
        var digits = new Regex(@"^\d{1,5}\z", RegexOptions.CultureInvariant);
        string Agent(string text)
        {
            var parts = text.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length is not (1 or 2) || !int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var port))
            {
                return "invalid";
            }
            if (parts.Length == 2)
            {
                return protocols.TryGetValue(parts[1], out var protocol) ? port + "/" + protocol : "invalid";
            }
            // Docker's SplitProtoPort: the protocol is the second part of a split on '/', TCP when there is none or it is empty.
            var dockerParts = text.Split('/');
            var dockerPort = dockerParts.Length == 1 || dockerParts[1].Length == 0 ? dockerParts[0] : "";
            return port + "/tcp" + (digits.IsMatch(dockerPort) && ModulePorts.ToPort(dockerPort) is not null ? " without a protocol" : "");
        }
        string New(string text) => PortKey.Parse(text) is { Number: { } number } key ? number + "/" + key.Protocol + (key.LacksProtocol ? " without a protocol" : "") : "invalid";
        var words = new[] { "80", "0", "65535", "65536", "123456", "00080", "8\u0660", " ", "\t", "/", "tcp", "TCP", "Udp", "sctp", "\u017Fctp", "x", "\n", "+1", "-1", "1.5" };
        AssertSame(Words(words, 3), Agent, New);
    }

    [Fact]
    public void QuantitiesAsTheExpressionReadThem()
    {
        var expression = new Regex(@"^(?<number>[+-]?(\d+(\.\d*)?|\.\d+))((?<suffix>Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE](?<exponent>[+-]?\d+))?$", RegexOptions.CultureInvariant);
        var decimalPowers = new Dictionary<string, int> { ["n"] = -9, ["u"] = -6, ["m"] = -3, ["k"] = 3, ["M"] = 6, ["G"] = 9, ["T"] = 12, ["P"] = 15, ["E"] = 18 };
        var binarySuffixes = new[] { "Ki", "Mi", "Gi", "Ti", "Pi", "Ei" };
        // The exact value as digits and a power of ten, worked out with BigInteger.
        string? Old(string text)
        {
            var match = expression.Match(text.Trim());
            var number = match.Groups["number"].Value.TrimStart('+', '-');
            var fraction = number.IndexOf('.') is var point and >= 0 ? number.Length - point - 1 : 0;
            // \d also takes other scripts' digits, which neither BigInteger nor int reads.
            if (!match.Success || !BigInteger.TryParse(number.Replace(".", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var digits))
            {
                return null;
            }
            long exponent = -fraction;
            var suffix = match.Groups["suffix"].Value;
            var binary = Array.IndexOf(binarySuffixes, suffix) + 1;
            if (match.Groups["exponent"].Success)
            {
                if (!int.TryParse(match.Groups["exponent"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var power))
                {
                    return null;
                }
                exponent += power;
            }
            exponent += decimalPowers.TryGetValue(suffix, out var decimalPower) ? decimalPower : 0;
            digits *= BigInteger.Pow(1024, binary);
            // Kubernetes rounds up to 1n and caps a binary quantity at 2^63-1.
            if (exponent < -9)
            {
                var unit = BigInteger.Pow(10, (int)(-9 - exponent));
                digits = BigInteger.DivRem(digits, unit, out var rest) + (rest.IsZero ? 0 : 1);
                exponent = -9;
            }
            if (binary > 0 && digits > long.MaxValue * BigInteger.Pow(10, (int)-exponent))
            {
                (digits, exponent) = (long.MaxValue, 0);
            }
            for (; !digits.IsZero && digits % 10 == 0; digits /= 10)
            {
                exponent++;
            }
            return digits.IsZero ? "0" : (match.Groups["number"].Value.StartsWith('-') ? "-" : "") + digits + "e" + exponent;
        }
        string? New(string text) =>
            ParsedQuantity.Parse(text) is { } quantity ? (quantity.Sign == 0 ? "0" : (quantity.Sign < 0 ? "-" : "") + quantity.Digits + "e" + quantity.Exponent) : null;
        AssertSame(Strings("05.+-MiEekmu \u0665x", 4), Old, New);
    }

    [Fact]
    public void StringsAreQuotedAsTheEncoderQuotesThem()
    {
        string Old(string value) => "\"" + JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString() + "\"";
        var texts = Enumerable.Range(0, 0x3000).SelectMany(c => new[] { ((char)c).ToString(), "a" + (char)c + "b" })
            .Concat(new[] { "", "plain text", "\ud83d\ude00", "x\u2028y", "<>&'+`" });
        AssertSame(texts, Old, JsonTreeWriter.Quote);
    }

    [Fact]
    public void BindsAreReadAsStringSplitReadThem()
    {
        var volumeName = new Regex("^[A-Za-z0-9][A-Za-z0-9_.-]*$", RegexOptions.CultureInvariant);
        string Old(string text)
        {
            if (BindSpec.IsWindowsPath(text))
            {
                return "windows";
            }
            var parts = text.Split(':');
            // A container path alone is Docker's anonymous volume; "/" is no mount point.
            if (parts.Length == 1 && text.StartsWith("/", StringComparison.Ordinal) && text.Trim('/').Length > 0)
            {
                return "anonymous " + text;
            }
            if (parts.Length is < 2 or > 3 || parts.Take(2).Any(p => p.Length == 0))
            {
                return "invalid";
            }
            var options = parts.Length == 3 ? parts[2].Split(',').Where(o => o.Length > 0) : Enumerable.Empty<string>();
            return !parts[1].StartsWith("/", StringComparison.Ordinal) ? "relative target " + parts[1]
                : !parts[0].StartsWith("/", StringComparison.Ordinal) && !volumeName.IsMatch(parts[0]) ? "bad source " + parts[0]
                : parts[0] + "|" + parts[1] + "|" + string.Join(";", options);
        }
        string New(string text)
        {
            var spec = BindSpec.Parse(text);
            string Quoted(string problem) => problem.Split('\'')[1];
            return spec.Kind == BindSourceKind.Windows ? "windows"
                : spec.Kind == BindSourceKind.AnonymousVolume ? "anonymous " + spec.Target
                : spec.Problem is not { } problem ? spec.Source + "|" + spec.Target + "|" + string.Join(";", spec.Options)
                : problem.StartsWith("the container path", StringComparison.Ordinal) ? "relative target " + Quoted(problem)
                : problem.StartsWith("the source", StringComparison.Ordinal) ? "bad source " + Quoted(problem)
                : "invalid";
        }
        AssertSame(Strings(":,/aro", 7), Old, New);
    }

    [Fact]
    public void SafeNamesAsTheExpressionFoundThem()
    {
        var expression = new Regex(@"\A[a-z]([a-z0-9-]{0,61}[a-z0-9])?\z", RegexOptions.CultureInvariant);
        AssertSame(Strings("a1-.A_\n", 6), text => expression.IsMatch(text), KubernetesNames.IsSafeName);
    }

    [Fact]
    public void SanitizedIdsAsLowerCaseAndFilterMadeThem()
    {
        static string Expected(string id) => string.Concat(id.ToLowerInvariant().Where(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.'));
        AssertSame(Strings("aZ9-._\u212A\u0130", 6), Expected, KubernetesNames.Sanitize);
    }

    [Fact]
    public void RouteReferencesAsOneExpressionOfAllIdsFoundThem()
    {
        var random = new Random(7);
        var fragments = new[] { "FROM ", "/messages/modules/", "/outputs/*", " INTO ", "BrokeredEndpoint(\"", "brokeredendpoint ( \"/", "modules/",
            "/inputs/in1\")", " WHERE $connectionModuleId = '", "$CONNECTIONMODULEID='", "'", "\"", "/", " ", "\n", "a", "ab", "a-b", "M1", "messages",
            "BrokeredEndpoint", "bROKEREDeNDPOINT", "(", "$connectionModuleId", "=", "\t", "\u00a0", "$" };
        var pool = new[] { "a", "ab", "a-b", "m1", "M1", "messages", "modules", "", "a'b" };
        for (var i = 0; i < 20_000; i++)
        {
            var ids = pool.Where(_ => random.Next(3) == 0).ToList();
            var route = string.Concat(Enumerable.Range(0, random.Next(1, 9)).Select(_ => fragments[random.Next(fragments.Length)]));
            var renames = ids.ToDictionary(id => id, id => "[" + id + "]");
            var references = new RouteReferences(ids);
            if (ids.Count == 0)
            {
                Assert.Empty(references.Mentioned(route));
                Assert.Equal(route, references.Rename(route, renames));
                continue;
            }
            var id = "(?<id>" + string.Join("|", ids.OrderByDescending(x => x.Length).Select(Regex.Escape)) + ")";
            var expression = new Regex("(?<prefix>/messages/modules/)" + id + @"(?=/|\s|$)" + @"|(?<prefix>(?i:BrokeredEndpoint)\s*\(\s*""/?modules/)" + id + "(?=/)" +
                @"|(?<prefix>(?i:\$connectionModuleId)\s*=\s*['""])" + id + @"(?=['""])", RegexOptions.CultureInvariant);
            Assert.Equal(expression.Matches(route).Select(m => m.Groups["id"].Value).Distinct().OrderBy(x => x, StringComparer.Ordinal),
                references.Mentioned(route).OrderBy(x => x, StringComparer.Ordinal));
            Assert.Equal(expression.Replace(route, m => m.Groups["prefix"].Value + renames[m.Groups["id"].Value]), references.Rename(route, renames));
        }
    }

    [Fact]
    public void RouteNamedIdsAsOneExpressionOfAnyIdFoundThem()
    {
        var random = new Random(11);
        var fragments = new[] { "FROM ", "/messages/modules/", "/outputs/*", " INTO ", "BrokeredEndpoint(\"", "brokeredendpoint ( \"/", "modules/",
            "/inputs/in1\")", " WHERE $connectionModuleId = '", "$CONNECTIONMODULEID=\"", "'", "\"", "/", " ", "\n", "a", "Ab_1", "*", "$upstream" };
        var expression = new Regex(@"/messages/modules/(?<id>[^/\s]*)(?=/|\s|$)|(?i:BrokeredEndpoint)\s*\(\s*""/?modules/(?<id>[^/]*)(?=/)" +
            @"|(?i:\$connectionModuleId)\s*=\s*['""](?<id>[^'""]*)(?=['""])", RegexOptions.CultureInvariant);
        for (var i = 0; i < 20_000; i++)
        {
            var route = string.Concat(Enumerable.Range(0, random.Next(1, 9)).Select(_ => fragments[random.Next(fragments.Length)]));
            var expected = expression.Matches(route).Select(m => m.Groups["id"].Value).Where(id => id.Length > 0 && !id.Contains('*')).Distinct().ToList();
            Assert.Equal(expected, RouteReferences.NamedIds(route));
        }
    }

    private static void AssertSame<T>(IEnumerable<string> inputs, Func<string, T> expected, Func<string, T> actual)
    {
        var count = 0;
        foreach (var input in inputs)
        {
            count++;
            var want = expected(input);
            var got = actual(input);
            if (!EqualityComparer<T>.Default.Equals(want, got))
            {
                Assert.Fail($"'{Escape(input)}': expected {want?.ToString() ?? "null"}, got {got?.ToString() ?? "null"}");
            }
        }
        Assert.True(count > 1000, $"Only {count} inputs compared.");
    }

    /// <summary>Every string of <paramref name="alphabet"/>'s characters up to <paramref name="maxLength"/> long.</summary>
    private static IEnumerable<string> Strings(string alphabet, int maxLength) => Words(alphabet.Select(c => c.ToString()).ToArray(), maxLength);

    private static IEnumerable<string> Words(string[] words, int maxCount)
    {
        IEnumerable<string> current = new[] { "" };
        var all = new List<string> { "" };
        for (var n = 1; n <= maxCount; n++)
        {
            current = current.SelectMany(prefix => words.Select(word => prefix + word)).ToList();
            all.AddRange(current);
        }
        return all;
    }

    private static string Escape(string text) => text.Replace("\n", "\\n").Replace("\\", "\\\\");
}

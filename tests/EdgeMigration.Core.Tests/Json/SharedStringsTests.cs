using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Tests.Hostile;
using Xunit;

namespace EdgeMigration.Tests.Json;

/// <summary>
/// Short ASCII member names come from one table shared by every document the process reads. Alone: a reader on
/// another thread may replace a slot of it between two reads of this test's document.
/// </summary>
[Collection(nameof(Alone))]
public class SharedStringsTests
{
    [Fact]
    public void RepeatedShortNamesAreOneStringAndEveryOneReadsAsWritten()
    {
        // Names that share a slot of the table, escaped names and text that is not ASCII read exactly as written.
        var names = Enumerable.Range(0, 5000).Select(i => "n" + i.ToString("x", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var json = "{" + string.Join(",", names.Select(n => $"\"{n}\": \"v{n}\"")) +
            ",\"Host\\u0043onfig\": {\"Binds\": \"tcp\"}, \"caf\u00e9\": {\"Binds\": \"tcp\", \"caf\u00e9\": \"é\"}}";
        // The first read fills the table, the second finds its names there.
        for (var read = 0; read < 2; read++)
        {
            var root = (JObject)JDocument.Parse(json).Root;
            Assert.Equal(names.Concat(new[] { "HostConfig", "café" }), root.Names);
            Assert.All(names, n => Assert.Equal("v" + n, ((JValue)root[n]!).Text));
            var first = (JObject)root["HostConfig"]!;
            var second = (JObject)root["café"]!;
            Assert.Equal("é", ((JValue)second["café"]!).Text);
            Assert.Same(first.Members[0].Name, second.Members[0].Name);
            // Values are not kept: a password must not outlive its document.
            Assert.NotSame(((JValue)first["Binds"]!).Text, ((JValue)second["Binds"]!).Text);
            Assert.Equal(json, root.ToJson());
        }
    }
}

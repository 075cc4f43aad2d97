using System.Linq;
using EdgeMigration.Core.Manifests;
using Xunit;

namespace EdgeMigration.Tests.Manifests;

public class DeploymentListTests
{
    [Fact]
    public void EachElementIsItsOwnTextAsWrittenWithItsId()
    {
        const string list = """
            [
              {
                "id": "fpga-v1",
                "content": { "modulesContent": { } }
              },
              { "content": {} },
              42
            ]
            """;

        var entries = DeploymentList.Read(list)!;

        Assert.Equal(new[] { (0, "fpga-v1"), (1, (string?)null), (2, null) }, entries.Select(e => (e.Index, e.Id)));
        Assert.Equal("""
            {
                "id": "fpga-v1",
                "content": { "modulesContent": { } }
              }
            """, entries[0].Text);
        Assert.Equal("""{ "content": {} }""", entries[1].Text);
        Assert.Equal("42", entries[2].Text);
        Assert.Equal("fpga-v1", ManifestDocument.Parse(entries[0].Text, "x").Root.Find("id")!.Value.ToJson().Trim('"'));
    }

    [Fact]
    public void OneDeploymentIsNamedByItsIdAsEachOfAListIs()
    {
        static string Name(string id) => $"deployment '{id}'";

        Assert.Equal("deployment 'fpga-v1'", ManifestDocument.Parse("""{"id": "fpga-v1", "content": {"modulesContent": {"$edgeHub": {}}}}""", "JSON text", Name).SourceName);
        Assert.Equal("JSON text", ManifestDocument.Parse("""{"content": {"modulesContent": {"$edgeHub": {}}}}""", "JSON text", Name).SourceName);
        var error = Assert.Throws<ManifestException>(() => ManifestDocument.Parse("""{"id": "chiller", "content": {"deviceContent": {"properties.desired.x": 1}}}""", "JSON text", Name));
        Assert.Equal("deployment 'chiller'", error.SourceName);
        Assert.StartsWith("deployment 'chiller': ", error.Message);
    }

    [Theory]
    [InlineData("""{ "modulesContent": {} }""")]
    [InlineData("[ 1, ")]
    [InlineData("// a comment first\n[]")]
    public void AnythingButAWholeArrayIsNoList(string text) => Assert.Null(DeploymentList.Read(text));
}

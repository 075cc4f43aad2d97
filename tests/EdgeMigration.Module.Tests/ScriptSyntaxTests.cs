using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using Xunit;

namespace EdgeMigration.Tests;

/// <summary>The Pester suite and build.ps1 parse without errors: a syntax error names its line here, before PesterSuiteTests runs the suite.</summary>
public class ScriptSyntaxTests
{
    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "tests"), "*.ps1").Append(Path.Combine(TestPaths.RepoRoot, "build.ps1")))
        {
            data.Add(Path.GetRelativePath(TestPaths.RepoRoot, file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void ScriptParsesWithoutErrors(string relativePath)
    {
        Parser.ParseFile(Path.Combine(TestPaths.RepoRoot, relativePath), out _, out var errors);
        Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => $"{e.Extent.StartLineNumber}:{e.Extent.StartColumnNumber} {e.Message}")));
    }

    [Fact]
    public void ThereIsAPesterSuite() =>
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "tests"), "*.Tests.ps1"));
}

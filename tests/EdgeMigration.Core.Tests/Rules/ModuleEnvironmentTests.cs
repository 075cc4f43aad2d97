using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Rules;
using EdgeMigration.Core.Rules.Proxy;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class ModuleEnvironmentTests
{
    [Theory]
    [InlineData("""{"Env":"${ENV}"}""", false)]
    [InlineData("""{"Env":{"A":"1"}}""", false)]
    [InlineData("""{"Env":null}""", false)]
    [InlineData("""{"Env":"${ENV}"}""", true)]
    public void AddingAVariableNeverReplacesWhatTheUserWroteWhereItGoes(string createOptions, bool inDefinition)
    {
        // The env section is a placeholder too: neither place is an object or array to add to.
        var manifest = ManifestBuilder.Deployment(("m", createOptions, "\"${MODULE_ENV}\""));
        var module = manifest.FindModule("m")!;
        var context = new ConversionContext(manifest, new ConversionOptions());

        ModuleEnvironment.Add(context, new NoProxyLocalhostRule(), module, inDefinition, "no_proxy", "localhost", "test");
        module.CreateOptions!.Commit();

        var added = createOptions == """{"Env":null}""";
        Assert.Equal(added ? """{"Env":["no_proxy=localhost"]}""" : createOptions, OptionsText(manifest, "m"));
        Assert.Equal("\"${MODULE_ENV}\"", module.Definition["env"]!.ToCompactJson());
        Assert.Equal(added ? 1 : 0, context.Changes.Count);
    }
}

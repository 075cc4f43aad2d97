using System.Linq;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;
using Xunit;
using static EdgeMigration.Tests.SecretManifest;

namespace EdgeMigration.Tests.Secrets;

/// <summary>The Kubernetes preview masks a password also where it is part of a setting's name: keys, locations, paths.</summary>
public class KubernetesSecretTests
{
    [Theory]
    [InlineData(nameof(Text))]
    [InlineData(nameof(NamingText))]
    public void NoObjectKeyValueDroppedSettingOrTextShowsAPassword(string manifestName)
    {
        var rendering = KubernetesRenderer.Render(ManifestDocument.Parse(manifestName == nameof(Text) ? Text : NamingText));

        var texts = rendering.Modules.SelectMany(m => m.Resources.Select(r => r.Object.ToCompactJson())
                .Concat(m.Dropped.SelectMany(d => new[] { d.Location, d.ManifestPath, d.Value ?? "", d.Reason, d.Advice }))
                .Concat(m.StartProblems.SelectMany(f => new[] { f.Message, f.Recommendation, f.Location, f.ManifestPath })))
            .Append(KubernetesYaml.Write(rendering))
            .Append(KubernetesJsonText.Write(rendering))
            .ToList();

        Assert.Empty(Leaks(texts));
        // Names made of a setting keep its letters and digits, some lower-cased (a volume named after a bind's host path).
        Assert.DoesNotContain(texts, t => t.ToLowerInvariant().Contains("7q2x9lk", System.StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains(Mask, System.StringComparison.Ordinal));
    }

    [Fact]
    public void AnExtendedResourceNamedByThePasswordShowsMaskedInItsKeyAndLocation()
    {
        var module = KubernetesRenderer.Render(ManifestDocument.Parse(NamingText)).Modules.Single(m => m.ModuleName == "leak");

        // Refused for its name (the password's quote and backslash are no name's) and for its missing limit.
        var refusals = module.Dropped.Where(d => d.Location.StartsWith("k8s-experimental", System.StringComparison.Ordinal)).ToList();
        Assert.Equal(2, refusals.Count);
        foreach (var refused in refusals)
        {
            Assert.Equal(DropEffect.Fails, refused.Effect);
            Assert.Equal("k8s-experimental.resources.requests['contoso.com/********']", refused.Location);
            Assert.EndsWith("requests['contoso.com/********']", refused.ManifestPath);
        }
        Assert.Contains("\"contoso.com/********\":", module.Resources.Single(r => r.Kind == "Deployment").Object.ToCompactJson());
    }

    private const string Mask = EdgeMigration.Core.Rules.SecretRedactor.Mask;
}
